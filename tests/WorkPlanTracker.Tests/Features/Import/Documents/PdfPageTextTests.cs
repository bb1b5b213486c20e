using WorkPlanTracker.Features.Import.Documents;

namespace WorkPlanTracker.Tests.Features.Import.Documents;

public sealed class PdfPageTextTests
{
    private const string Full1 = "（一）加强权力配置信息公开。各级各部门要对照法律法规规章和三定方案全面梳理本部门";
    private const string Full2 = "的行政职权，依法公开权力清单和责任清单，并根据机构改革调整情况及时更新，确保内容";

    [Theory]
    [InlineData("— 3 —")]
    [InlineData("- 3 -")]
    [InlineData("－12－")]
    [InlineData("第3页")]
    [InlineData("第 3 页 共 9 页")]
    [InlineData("3/9")]
    [InlineData("7")]
    public void Page_numbers_at_the_foot_of_a_page_are_dropped(string number)
    {
        var text = PdfPageText.Join([$"一、工作任务\n1.加强政策解读。\n{number}", "2.做好依申请公开。"]);

        Assert.Equal("一、工作任务\n1.加强政策解读。\n2.做好依申请公开。", text);
    }

    [Fact]
    public void A_number_inside_the_page_is_kept()
    {
        var text = PdfPageText.Join(["一、工作任务\n1.加强政策解读。\n3\n2.做好依申请公开。\n3.推进公开。\n4.做好解读。"]);

        Assert.Contains("\n3\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_running_header_repeated_on_every_page_is_dropped_but_the_title_on_page_one_stays()
    {
        string[] pages =
        [
            "某市2024年政务公开工作要点\n一、工作任务\n1.加强政策解读。",
            "某市2024年政务公开工作要点\n2.做好依申请公开。",
            "某市2024年政务公开工作要点\n3.推进基层公开。",
        ];

        var text = PdfPageText.Join(pages);

        Assert.Equal("某市2024年政务公开工作要点\n一、工作任务\n1.加强政策解读。\n2.做好依申请公开。\n3.推进基层公开。", text);
    }

    [Fact]
    public void A_running_footer_with_a_changing_page_number_is_dropped()
    {
        string[] pages = ["1.加强政策解读。\n市政府办公室印 第1页", "2.做好依申请公开。\n市政府办公室印 第2页", "3.推进基层公开。\n市政府办公室印 第3页"];

        Assert.Equal("1.加强政策解读。\n2.做好依申请公开。\n3.推进基层公开。", PdfPageText.Join(pages));
    }

    [Fact]
    public void A_paragraph_cut_by_a_page_break_is_joined_again_with_its_note()
    {
        string[] pages =
        [
            $"一、工作任务\n{Full1}\n{Full2}\n— 1 —",
            "准确。（市政务服务办牵头，2020年12月底前）\n（二）加强权力运行信息公开。\n— 2 —",
        ];

        var text = PdfPageText.Join(pages);

        Assert.Equal($"一、工作任务\n{Full1}{Full2}准确。（市政务服务办牵头，2020年12月底前）\n（二）加强权力运行信息公开。", text);
    }

    [Fact]
    public void A_full_line_runs_on_even_after_a_full_stop_but_never_into_a_numbered_item()
    {
        var ended = Full2[..^1] + "。";
        var text = PdfPageText.Join([$"{Full1}\n{ended}\n{Full2}\n（二）加强权力运行信息公开。\n{Full1}\n2.做好依申请公开。"]);

        Assert.Equal($"{Full1}{ended}{Full2}\n（二）加强权力运行信息公开。\n{Full1}\n2.做好依申请公开。", text);
    }

    [Fact]
    public void A_short_line_ends_its_paragraph()
    {
        var text = PdfPageText.Join([$"{Full1}\n{Full2}\n准确。\n各级各部门要抓好落实。\n{Full1}"]);

        Assert.Equal($"{Full1}{Full2}准确。\n各级各部门要抓好落实。\n{Full1}", text);
    }

    [Fact]
    public void Latin_words_cut_at_a_line_end_keep_a_space()
    {
        var line = new string('政', 34) + "PDF";
        var text = PdfPageText.Join([$"{line}\n{line}\nfiles 可以导入。\n{line}"]);

        Assert.StartsWith($"{line}{line} files 可以导入。", text, StringComparison.Ordinal);
    }
}

using WorkPlanTracker.Features.Import;

namespace WorkPlanTracker.Tests.Features.Import;

/// <summary>A plan copied as Markdown reads like the same plan in plain text.</summary>
public sealed class MarkdownPlanTests
{
    private const string Plan = """
        # 2024年某市政务公开工作要点

        > 各县区人民政府，市政府各部门：现将要点印发给你们。

        ## **一、提升政策发布质效**

        **（一）完善政策文件库。** 2024年6月底前完成现行有效规章集中公开。（市司法局牵头，各县区政府负责）

        **（二）加强政策解读。** 落实解读与[文件](https://example.gov.cn/a.html)同步。（市政府办公室牵头）

        ## 二、优化政务服务

        | 序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限 |
        | --- | :--- | --- | --- | --- |
        | 1 | 推进高效办成一件事 | 市数据资源局 | 各县区政府 | 2024年9月底前 |
        | 2 | 规范政务服务事项清单 | 市数据资源局 | 市直各部门 | 持续推进 |

        ---

        - 3\. 做好政府信息公开年报。（市政府办公室负责，2024年1月31日前）
        """;

    [Fact]
    public void Headings_emphasis_quotes_escapes_and_pipe_tables_read_as_plain_text()
    {
        var plan = new PlanTextParser().Parse(Plan);

        Assert.Equal(2024, plan.Year);
        Assert.Equal(["一.(一)", "一.(二)", "二.1", "二.2", "二.3"], plan.Tasks.Select(t => t.Path));
        Assert.Equal("完善政策文件库。2024年6月底前完成现行有效规章集中公开。", plan.Tasks[0].Text);
        Assert.Equal(["市司法局"], plan.Tasks[0].LeadUnits);
        Assert.Contains("与文件同步", plan.Tasks[1].Text, StringComparison.Ordinal);
        Assert.Equal(["市数据资源局"], plan.Tasks[2].LeadUnits);
        Assert.Equal(["各县区政府"], plan.Tasks[2].SupportingUnits);
        Assert.Equal(new DateOnly(2024, 9, 30), plan.Tasks[2].Deadline);
        Assert.True(plan.Tasks[3].Ongoing);
        Assert.Equal(new DateOnly(2024, 1, 31), plan.Tasks[4].Deadline);
        Assert.DoesNotContain(plan.Tasks, t => t.Text.Contains('*', StringComparison.Ordinal) || t.Text.Contains('#', StringComparison.Ordinal));
    }

    [Fact]
    public void A_markdown_copy_that_lost_its_line_breaks_reads_its_bold_headings()
    {
        var padding = string.Concat(Enumerable.Repeat("坚持以人民为中心的发展思想，", 20));
        var plan = new PlanTextParser().Parse("**2024年某市政务公开工作要点** " + padding + "。 **一、提升政策发布质效** "
            + "**（一）完善政策文件库。** 2024年6月底前完成规章集中公开。（市司法局牵头，各县区政府负责） "
            + "**（二）加强政策解读。** 落实解读与文件同步。（市政府办公室牵头） **二、优化政务服务** "
            + "**（三）推进高效办成一件事。** 9月底前上线。（市数据资源局牵头）");

        Assert.Equal(["一.(一)", "一.(二)", "二.(三)"], plan.Tasks.Select(t => t.Path));
        Assert.Equal(["市司法局"], plan.Tasks[0].LeadUnits);
        Assert.Equal(new DateOnly(2024, 9, 30), plan.Tasks[2].Deadline);
    }

    [Fact]
    public void A_plain_text_is_left_as_it_is()
    {
        const string text = "2024年工作要点\n一、做好公开\n1.推进*重点*公开。(市政府办公室牵头)";

        Assert.Equal(text, MarkdownText.ToPlainText(text));
    }
}

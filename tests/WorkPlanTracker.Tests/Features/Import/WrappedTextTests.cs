using WorkPlanTracker.Features.Import;

namespace WorkPlanTracker.Tests.Features.Import;

/// <summary>Text whose lines were broken at a fixed width (pdftotext, a copy out of a PDF viewer, a wrapped e-mail).</summary>
public sealed class WrappedTextTests
{
    private static readonly PlanTextParser Parser = new();

    // As pdftotext gives a plan: lines of at most 20 characters, blank lines between paragraphs, a page number on a line
    // of its own and a form feed between pages. The notes are cut from their tasks and the (二) marker stands mid-line.
    private const string Wrapped = "某县2024年政务公开工作要点\n\n"
        + "一、加强政策解读\n\n"
        + "（一）深入解读重要政策。围绕县委县政府重大\n决策部署，及时做好解读，提升解读质量和水\n平。（县政府办公室牵头，县直各部门配合，\n2024年6月底前完成）\n\n"
        + "（二）积极回应社会关切。健全舆情收集、研判\n和回应机制，提高回应的针对性和时效性，做\n好重要舆情的跟踪研判。（县委网信办牵头，\n\n2\n\f"
        + "持续推进）\n\n"
        + "二、深化重点领域公开\n\n"
        + "（一）推进财政信息公开。全面公开预决算信息\n和专项资金使用情况，接受社会监督，回应群\n众关切。（县财政局负责，2024年9月底前完\n成）\n";

    [Fact]
    public void A_plan_broken_at_the_page_width_reads_as_if_its_paragraphs_were_whole()
    {
        var plan = Parser.Parse(Wrapped);

        Assert.Equal(
            [
                ("一.(一)", "县政府办公室", "县直各部门", "2024-06-30"),
                ("一.(二)", "县委网信办", "", "持续推进"),
                ("二.(一)", "县财政局", "", "2024-09-30"),
            ],
            plan.Tasks.Select(t => (t.Path, string.Join("、", t.LeadUnits), string.Join("、", t.SupportingUnits), t.Ongoing ? "持续推进" : $"{t.Deadline:yyyy-MM-dd}")));
        Assert.Equal("深入解读重要政策。围绕县委县政府重大决策部署，及时做好解读，提升解读质量和水平。", plan.Tasks[0].Text);
    }

    [Fact]
    public void A_text_with_a_paragraph_per_line_is_left_as_it_is()
    {
        const string text = "某县2024年政务公开工作要点\n一、加强政策解读\n"
            + "1.深入解读重要政策。围绕县委县政府重大决策部署，及时做好解读，提升解读质量和水平，做到政策发布与解读同步。（县政府办公室牵头）\n"
            + "2.积极回应社会关切。（县委网信办牵头）\n"
            + "3.推进财政信息公开。全面公开预决算信息。（县财政局负责）\n"
            + "4.规范政府网站管理。加强内容保障，严格审核发布信息，及时更新栏目内容，杜绝空白栏目和僵尸栏目。（县政府办公室负责）\n"
            + "5.推进基层政务公开标准化规范化。（各乡镇人民政府负责）\n"
            + "6.做好政府信息公开工作年度报告。（县政府办公室负责，2024年1月底前）\n"
            + "7.加强培训。（县政府办公室负责）\n"
            + "8.加强政务公开考核评估，将政务公开纳入绩效考核体系，分值权重不低于4%。（县政府办公室负责）\n";

        Assert.Same(text, WrappedText.Unwrap(text));
    }

    [Fact]
    public void Lines_of_one_width_that_each_open_a_numbered_item_stay_apart()
    {
        var text = string.Concat(Enumerable.Range(1, 12).Select(i => $"{i}.推进第{i}项政务公开重点工作任务。（县政府办公室牵头）\n"));

        var plan = Parser.Parse("某县2024年政务公开工作要点\n" + text);

        Assert.Equal(12, plan.Tasks.Count);
        Assert.All(plan.Tasks, t => Assert.Equal(["县政府办公室"], t.LeadUnits));
    }
}

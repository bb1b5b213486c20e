using WorkPlanTracker.Features.Import;

namespace WorkPlanTracker.Tests.Features.Import;

/// <summary>Two documents on one page that lost its line breaks: the second numbers its parts from 一、 again.</summary>
public sealed class SecondDocumentTests
{
    private static readonly PlanTextParser Parser = new();

    private static readonly string Padding = string.Concat(Enumerable.Repeat("坚持以人民为中心的发展思想，", 20));

    private static ParsedPlan ParseOneLine(string body) =>
        Parser.Parse("2023年普法工作要点 " + Padding + "。 " + body);

    [Fact]
    public void A_second_document_after_its_title_restarts_at_one_and_its_glued_office_labels_are_read()
    {
        var plan = ParseOneLine(
            "一、总体安排 1.学习宣传宪法。 2.学习宣传民法典。 二、强化保障 3.开展调研。 2023年普法责任清单 一、共性普法责任1.落实述法制度。"
            + "二、重点联动普法责任清单1.开展法律下乡活动。牵头处室：政法综治处协同处室：各处室（中心）、东庠办事处2.组织开展反诈宣传。牵头处室：经济发展处协同处室：各村（居）");

        Assert.Equal(6, plan.Tasks.Count);
        var lawToCountryside = plan.Tasks.Single(t => t.Text.StartsWith("开展法律下乡", StringComparison.Ordinal));
        Assert.Equal(["政法综治处"], lawToCountryside.LeadUnits);
        Assert.Equal(["各处室(中心)", "东庠办事处"], lawToCountryside.SupportingUnits);
    }
}

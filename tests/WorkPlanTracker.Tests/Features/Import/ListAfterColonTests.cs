using WorkPlanTracker.Features.Import;

namespace WorkPlanTracker.Tests.Features.Import;

/// <summary>In a body that lost its line breaks, a sentence ending in "：" may start a second list at 1.</summary>
public sealed class ListAfterColonTests
{
    private static readonly PlanTextParser Parser = new();

    private static readonly string Padding = string.Concat(Enumerable.Repeat("坚持以人民为中心的发展思想，", 20));

    private static ParsedPlan ParseOneLine(string body) =>
        Parser.Parse("2015年网上公开工作方案 " + Padding + "。 " + body);

    [Fact]
    public void A_list_announced_by_a_colon_starts_again_at_one()
    {
        var plan = ParseOneLine(
            "一、工作任务 1.区经济发展局：行政征收网上公开。2.区社会事业局：科技奖励网上公开。相关单位的主要任务如下："
            + "1.梳理公开事项目录(5月10日前完成)。逐项列明权力名称。2.编制权力运行流程图(5月底前完成)。找准监察节点。");

        Assert.Equal(4, plan.Tasks.Count);
        Assert.StartsWith("梳理公开事项目录", plan.Tasks[2].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Entries_ending_in_semicolons_after_a_colon_stay_inside_their_sentence()
    {
        var plan = ParseOneLine(
            "一、工作任务 1.推进自助服务。交警业务自助服务：1.机动车业务自助办理；2.驾驶人信息自助查询。2.推进户籍服务。");

        Assert.DoesNotContain(plan.Tasks, t => t.Text.StartsWith("机动车业务", StringComparison.Ordinal));
        Assert.Contains("机动车业务自助办理", plan.Tasks[0].Text, StringComparison.Ordinal);
    }
}

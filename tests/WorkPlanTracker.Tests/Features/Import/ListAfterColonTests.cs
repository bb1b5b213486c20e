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

    [Fact]
    public void A_first_list_of_entries_ending_in_semicolons_inside_an_item_stays_in_that_item_with_its_note()
    {
        var plan = ParseOneLine(
            "一、创新广告审批方式 将广告集成交易。 牵头单位：区交通与建设局 完成时间：2018年6月底前完成 "
            + "二、开启智能服务模式 引进智能自助终端机。一是出入境业务自助服务：1.办理通行证签注自助申请；2.通行证签注自助缴费。"
            + "二是交警业务自助服务：1. 机动车违法处理业务自助处理；2.交通违法信息查询；3.罚款自助缴纳。五是自助个人征信查询业务。 "
            + "牵头单位：区公安局 配合单位：区行政审批局 完成时间：2017年12月底前完成 三、实施经营范围管理 实行负面清单管理。 牵头单位：区市场监督管理局");

        Assert.Equal(["一", "二", "三"], plan.Tasks.Select(t => t.Path));
        Assert.Equal(["区公安局"], plan.Tasks[1].LeadUnits);
        Assert.Equal(["区行政审批局"], plan.Tasks[1].SupportingUnits);
        Assert.Equal(new DateOnly(2017, 12, 31), plan.Tasks[1].Deadline);
    }

    [Fact]
    public void Entries_ending_in_semicolons_that_are_the_plans_own_items_stay_items()
    {
        var plan = ParseOneLine("今年重点做好以下工作：1.推进财政预决算公开(区财政局牵头)；2.加强网站建设(区数字办牵头)；3.做好依申请公开(区政府办牵头)。");

        Assert.Equal(["1", "2", "3"], plan.Tasks.Select(t => t.Path));
    }
}

using WorkPlanTracker.Features.Import;

namespace WorkPlanTracker.Tests.Features.Import;

/// <summary>A duty list whose items start with the unit they assign: "1.区经济发展局：行政征收网上公开。".</summary>
public sealed class DutyListTests
{
    private static readonly PlanTextParser Parser = new();

    [Fact]
    public void The_unit_that_opens_an_item_leads_it_and_an_ordinary_heading_before_a_colon_does_not()
    {
        var plan = Parser.Parse("""
            2015年权力运行网上公开工作方案
            一、工作任务
            1.区经济发展局：行政征收网上公开；惠企惠农项目资金管理网上公开。
            2.区环境与国土资源局：矿业权出让网上公开。
            3.主要目标：完成清单梳理。
            """);

        Assert.Equal(["区经济发展局"], plan.Tasks[0].LeadUnits);
        Assert.Equal(["区环境与国土资源局"], plan.Tasks[1].LeadUnits);
        Assert.Empty(plan.Tasks[2].LeadUnits);
    }
}

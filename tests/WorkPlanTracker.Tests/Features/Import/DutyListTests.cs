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

    [Fact]
    public void A_list_announced_as_the_work_of_those_units_takes_every_unit_of_the_duty_list()
    {
        var plan = Parser.Parse("""
            2015年权力运行网上公开工作方案
            一、工作任务
            （一）承接省级试点工作
            1.区经济发展局：行政征收网上公开。
            2.区社会事业局：科技奖励网上公开。承接省级试点工作的相关单位的主要任务如下：
            1.梳理公开事项目录（5月10日前完成）。逐项列明权力名称。
            2.编制权力运行流程图（5月底前完成）。找准监察节点。
            （二）推行区级网上公开
            1.确定权力清单（4月底前）。加快梳理。
            """);

        Assert.Equal(["区经济发展局", "区社会事业局"], plan.Tasks[2].LeadUnits);
        Assert.Equal(["区经济发展局", "区社会事业局"], plan.Tasks[3].LeadUnits);
        Assert.Empty(plan.Tasks[4].LeadUnits);
    }

    [Fact]
    public void A_list_announced_without_naming_those_units_takes_no_units()
    {
        var plan = Parser.Parse("""
            2015年权力运行网上公开工作方案
            一、工作任务
            1.区经济发展局：行政征收网上公开。
            2.区社会事业局：科技奖励网上公开。主要任务如下：
            1.梳理公开事项目录（5月10日前完成）。逐项列明权力名称。
            """);

        Assert.Empty(plan.Tasks[2].LeadUnits);
    }
}

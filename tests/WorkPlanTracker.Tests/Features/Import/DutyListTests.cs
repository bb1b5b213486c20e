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

    [Fact]
    public void Under_a_zhize_fengong_heading_a_body_opening_an_item_without_a_colon_leads_it_and_its_numbered_duties()
    {
        var plan = Parser.Parse("""
            2021年近视防控工作实施方案
            五、职责分工
            （一）区党群工作部按照国家、省部署落实完善学校校医职称评审政策。
            （二）区财政金融局全区近视防控专项经费由主管部门列入年度部门预算。
            （三）区社会事业局
            1.认真贯彻落实《学校卫生工作条例》，牵头负责近视防控工作。
            2.进一步健全学校体育卫生发展制度和体系。
            （四）学校
            1.加强视力健康管理。按标准配备校医和必要的药械设备。
            """);

        Assert.Equal(["区党群工作部"], plan.Tasks.Single(t => t.Path == "五.(一)").LeadUnits);
        Assert.Equal(["区财政金融局"], plan.Tasks.Single(t => t.Path == "五.(二)").LeadUnits);
        Assert.Equal(["区社会事业局"], plan.Tasks.Single(t => t.Path == "五.(三).1").LeadUnits);
        Assert.Equal(["区社会事业局"], plan.Tasks.Single(t => t.Path == "五.(三).2").LeadUnits);
        Assert.Empty(plan.Tasks.Single(t => t.Path == "五.(四).1").LeadUnits);
    }

    [Fact]
    public void Elsewhere_a_body_opening_an_item_is_only_the_subject_of_its_sentence()
    {
        var plan = Parser.Parse("""
            2021年近视防控工作实施方案
            四、工作措施
            （一）区党群工作部按照国家、省部署落实完善学校校医职称评审政策。
            （二）区社会事业局加强中小学卫生保健机构建设。
            """);

        Assert.All(plan.Tasks, t => Assert.Empty(t.LeadUnits));
    }
}

using WorkPlanTracker.Features.Import;

namespace WorkPlanTracker.Tests.Features.Import;

/// <summary>Labels printed one after another with spaces (牵头单位：X 配合单位：Y 试点单位：… 完成时间：…), as plan 26 prints them.</summary>
public sealed class LabelledNoteTests
{
    private static readonly PlanTextParser Parser = new();

    [Fact]
    public void Pilot_units_listed_by_batch_support_and_the_batch_dates_are_no_units()
    {
        var task = Assert.Single(Parser.Parse("2017年改革措施\n一、实施档案电子化 推进全区档案电子化工程。 牵头单位：区行政审批局、智慧岛服务管理中心 "
            + "试点单位：第一批：区管委会办公室（档案局）、市场监督管理局，2017年12月底前完成；第二批：区党群工作部、规划局，2018年6月底前完成；"
            + "第三批：其他区直部门，2018年12月底前完成。").Tasks);

        Assert.Equal(["区行政审批局", "智慧岛服务管理中心"], task.LeadUnits);
        Assert.Equal(["区管委会办公室(档案局)", "区市场监督管理局", "区党群工作部", "区规划局", "其他区直部门"], task.SupportingUnits);
        Assert.Equal(new DateOnly(2018, 12, 31), task.Deadline);
    }

    [Fact]
    public void Space_separated_labels_with_a_supporting_department_label_and_a_completion_time()
    {
        var task = Assert.Single(Parser.Parse("2017年改革措施\n三、创新广告审批方式 将广告集成并进行公共资源交易。 牵头单位：区交通与建设局 "
            + "配合部门：区市场监督管理局、综合执法局 完成时间：2018年6月底前完成").Tasks);

        Assert.Equal(["区交通与建设局"], task.LeadUnits);
        Assert.Equal(["区市场监督管理局", "区综合执法局"], task.SupportingUnits);
        Assert.Equal(new DateOnly(2018, 6, 30), task.Deadline);
    }

    [Fact]
    public void A_sentence_ending_in_jin_xing_is_no_unit_and_a_bank_branch_is()
    {
        var plan = Parser.Parse("2015年考核方案\n1.考核形式。由责任单位自查。\n2.考核程序。年中考核在7月。年终全面考核按以下程序进行。\n"
            + "3.推广自助缴费。在医院引入自助结算终端机。人民银行平潭支行");

        Assert.Empty(plan.Tasks[0].LeadUnits);
        Assert.Empty(plan.Tasks[1].LeadUnits);
        Assert.Equal(["人民银行平潭支行"], plan.Tasks[2].LeadUnits);
    }
}

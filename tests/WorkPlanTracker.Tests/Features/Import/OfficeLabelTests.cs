using WorkPlanTracker.Features.Import;

namespace WorkPlanTracker.Tests.Features.Import;

/// <summary>Notes of a department's own plan name its offices (处室/科室) rather than units.</summary>
public sealed class OfficeLabelTests
{
    private static ParsedTask Single(string item) => Assert.Single(new PlanTextParser().Parse("2018年财政金融局政务公开工作实施方案\n" + item).Tasks);

    [Fact]
    public void A_responsible_office_label_whose_list_states_roles_reads_the_roles()
    {
        var task = Single("1.规范和完善办理指南。进一步细化办事流程。（责任处室：办公室牵头，税金处、监督处等相关处室配合）");

        Assert.Equal(["办公室"], task.LeadUnits);
        Assert.Equal(["税金处", "监督处"], task.SupportingUnits);
    }

    [Fact]
    public void A_responsible_office_label_with_a_plain_list_leads()
    {
        var task = Single("1.深入推进预决算公开。推动部门预决算公开。（责任处室：预算处、国库处）");

        Assert.Equal(["预算处", "国库处"], task.LeadUnits);
        Assert.Empty(task.SupportingUnits);
    }
}

/// <summary>A rule the plan states once ("列第一位者为牵头单位") and applies to every note after it.</summary>
public sealed class FirstListedLeadRuleTests
{
    private const string Rule = "2021年某市工作要点\n各县区政府，市直各部门：现将要点印发给你们，请认真抓好落实。各项任务所列单位中，列第一位者为牵头单位。\n";

    [Fact]
    public void Under_the_rule_the_first_unit_of_a_list_leads_and_the_others_support()
    {
        var plan = new PlanTextParser().Parse(Rule
            + "一、做好公开\n1.推进决策公开。(市发展改革委、市财政局、市统计局按职责分工负责)\n2.做好解读。(市政府办公室牵头，市委宣传部配合)\n3.公开年报。(市司法局、市政府办公室分别牵头负责)");

        Assert.Equal(["市发展改革委"], plan.Tasks[0].LeadUnits);
        Assert.Equal(["市财政局", "市统计局"], plan.Tasks[0].SupportingUnits);
        Assert.Equal(["市政府办公室"], plan.Tasks[1].LeadUnits);
        Assert.Equal(["市司法局", "市政府办公室"], plan.Tasks[2].LeadUnits);
    }

    [Fact]
    public void Without_the_rule_every_unit_answering_for_the_work_leads()
    {
        var plan = new PlanTextParser().Parse("2021年某市工作要点\n一、做好公开\n1.推进决策公开。(市发展改革委、市财政局按职责分工负责)");

        Assert.Equal(["市发展改革委", "市财政局"], plan.Tasks[0].LeadUnits);
    }
}

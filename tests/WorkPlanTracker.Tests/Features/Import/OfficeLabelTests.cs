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

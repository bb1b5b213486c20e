using WorkPlanTracker.Domain;

namespace WorkPlanTracker.Tests.Domain;

public class WorkPlanTests
{
    private static WorkPlan Draft() => new() { Year = 2024, Title = "2024年政务公开工作要点" };

    [Fact]
    public void A_new_plan_is_a_draft_and_publishing_puts_it_in_force()
    {
        var plan = Draft();
        Assert.Equal(PlanStatus.Draft, plan.Status);

        plan.Publish();

        Assert.Equal(PlanStatus.Published, plan.Status);
    }

    [Fact]
    public void Publishing_again_is_allowed_so_missing_assignments_can_be_added()
    {
        var plan = Draft();
        plan.Publish();

        plan.Publish();

        Assert.Equal(PlanStatus.Published, plan.Status);
    }

    [Fact]
    public void An_archived_plan_is_not_published_again()
    {
        var plan = Draft();
        plan.Publish();
        plan.Archive();

        var refused = Assert.Throws<DomainRuleException>(plan.Publish);

        Assert.Equal("计划已归档，不能再发布或补充分派。", refused.Message);
        Assert.Equal(PlanStatus.Archived, plan.Status);
    }

    [Fact]
    public void A_draft_cannot_be_archived()
    {
        var plan = Draft();

        var refused = Assert.Throws<DomainRuleException>(plan.Archive);

        Assert.Equal("草稿计划尚未发布，不能归档。", refused.Message);
        Assert.Equal(PlanStatus.Draft, plan.Status);
    }

    [Fact]
    public void A_plan_is_archived_once()
    {
        var plan = Draft();
        plan.Publish();
        plan.Archive();

        Assert.Equal(PlanStatus.Archived, plan.Status);
        Assert.Throws<DomainRuleException>(plan.Archive);
    }

    [Fact]
    public void Marking_a_change_gives_a_new_version()
    {
        var plan = Draft();
        var before = plan.Version;

        plan.MarkChanged();

        Assert.NotEqual(before, plan.Version);
    }

    [Fact]
    public void An_upper_plan_is_never_published_as_a_whole()
    {
        var plan = Draft();
        plan.MarkAsUpperPlan();

        var refused = Assert.Throws<DomainRuleException>(plan.Publish);

        Assert.Contains("上级计划不整体发布", refused.Message, StringComparison.Ordinal);
        Assert.Equal(PlanStatus.Draft, plan.Status);
    }

    [Fact]
    public void Only_a_draft_nobody_carries_becomes_an_upper_plan()
    {
        var published = Draft();
        published.Publish();
        var assigned = Draft();
        var task = new WorkTask { Title = "加强政策解读" };
        assigned.Tasks.Add(task);
        task.AssignTo(7, AssignmentRole.Lead, new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc));

        Assert.Throws<DomainRuleException>(published.MarkAsUpperPlan);
        Assert.Throws<DomainRuleException>(assigned.MarkAsUpperPlan);
        Assert.False(published.IsUpperPlan);
        Assert.False(assigned.IsUpperPlan);
    }
}

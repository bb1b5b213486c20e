using WorkPlanTracker.Domain;
using static WorkPlanTracker.Tests.Domain.AssignmentFixtures;

namespace WorkPlanTracker.Tests.Domain;

public class TaskProgressTests
{
    private static readonly DateOnly Before = new(2024, 5, 1);
    private static readonly DateOnly After = new(2024, 8, 1);

    private static TaskAssignment Lead(AssignmentStatus s) => At(s, AssignmentRole.Lead);

    private static TaskAssignment Support(AssignmentStatus s) => At(s, AssignmentRole.Supporting);

    [Fact]
    public void No_assignments_means_no_status()
    {
        var progress = TaskProgress.RollUp([], Before);

        Assert.Null(progress.Status);
        Assert.False(progress.IsOverdue);
        Assert.Equal(0, progress.AssignmentCount);
    }

    [Fact]
    public void Closed_when_every_lead_is_closed_even_if_supporting_units_are_not()
    {
        var progress = TaskProgress.RollUp([Lead(AssignmentStatus.Closed), Lead(AssignmentStatus.Closed), Support(AssignmentStatus.InProgress)], After);

        Assert.Equal(AssignmentStatus.Closed, progress.Status);
        Assert.False(progress.IsOverdue);
        Assert.Equal(3, progress.AssignmentCount);
        Assert.Equal(2, progress.ClosedCount);
    }

    [Fact]
    public void A_lead_asking_to_close_does_not_close_the_task()
    {
        var progress = TaskProgress.RollUp([Lead(AssignmentStatus.CompletionRequested), Support(AssignmentStatus.Closed)], Before);

        Assert.Equal(AssignmentStatus.CompletionRequested, progress.Status);
    }

    [Fact]
    public void One_open_lead_keeps_the_task_open_at_the_least_advanced_status()
    {
        var progress = TaskProgress.RollUp([Lead(AssignmentStatus.Closed), Lead(AssignmentStatus.InProgress), Support(AssignmentStatus.Acknowledged)], Before);

        Assert.Equal(AssignmentStatus.Acknowledged, progress.Status);
        Assert.False(progress.IsOverdue);
    }

    [Theory]
    [InlineData(AssignmentStatus.Assigned, AssignmentStatus.Acknowledged, AssignmentStatus.Assigned)]
    [InlineData(AssignmentStatus.Acknowledged, AssignmentStatus.Returned, AssignmentStatus.Acknowledged)]
    [InlineData(AssignmentStatus.Returned, AssignmentStatus.ExtensionRequested, AssignmentStatus.Returned)]
    [InlineData(AssignmentStatus.ExtensionRequested, AssignmentStatus.InProgress, AssignmentStatus.ExtensionRequested)]
    [InlineData(AssignmentStatus.InProgress, AssignmentStatus.CompletionRequested, AssignmentStatus.InProgress)]
    public void The_least_advanced_status_wins(AssignmentStatus less, AssignmentStatus more, AssignmentStatus expected)
    {
        Assert.Equal(expected, TaskProgress.RollUp([Lead(more), Lead(less)], Before).Status);
        Assert.Equal(expected, TaskProgress.RollUp([Lead(less), Lead(more)], Before).Status);
    }

    [Fact]
    public void Overdue_is_flagged_when_any_open_assignment_is_overdue()
    {
        var progress = TaskProgress.RollUp([Lead(AssignmentStatus.InProgress), Support(AssignmentStatus.Closed)], After);

        Assert.Equal(AssignmentStatus.InProgress, progress.Status);
        Assert.True(progress.IsOverdue);
        Assert.False(TaskProgress.RollUp([Lead(AssignmentStatus.InProgress)], Before).IsOverdue);
    }

    [Fact]
    public void A_late_supporting_unit_flags_an_open_task_overdue()
    {
        var progress = TaskProgress.RollUp([Lead(AssignmentStatus.CompletionRequested), Support(AssignmentStatus.Acknowledged)], After);

        Assert.True(progress.IsOverdue);
    }

    [Fact]
    public void Without_a_lead_every_assignment_must_be_closed()
    {
        Assert.Equal(AssignmentStatus.Closed, TaskProgress.RollUp([Support(AssignmentStatus.Closed), Support(AssignmentStatus.Closed)], Before).Status);
        Assert.Equal(AssignmentStatus.CompletionRequested, TaskProgress.RollUp([Support(AssignmentStatus.Closed), Support(AssignmentStatus.CompletionRequested)], Before).Status);
    }
}

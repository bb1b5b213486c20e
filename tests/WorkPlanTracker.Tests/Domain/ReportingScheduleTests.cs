using WorkPlanTracker.Domain;
using static WorkPlanTracker.Tests.Domain.AssignmentFixtures;

namespace WorkPlanTracker.Tests.Domain;

public class ReportingScheduleTests
{
    private static WorkPlan PlanWith(ReportingCycle cycle) => new() { Title = "周期计划", ReportingCycle = cycle };

    [Fact]
    public void A_task_without_its_own_cycle_follows_the_plan()
    {
        var plan = PlanWith(ReportingCycle.Monthly(10));

        Assert.Equal(ReportingCycle.Monthly(10), ReportingSchedule.EffectiveCycle(new WorkTask(), plan));
    }

    [Fact]
    public void A_task_cycle_beats_the_plan_cycle()
    {
        var plan = PlanWith(ReportingCycle.Monthly(10));
        var task = new WorkTask { ReportingCycleOverride = ReportingCycle.Quarterly(5) };

        Assert.Equal(ReportingCycle.Quarterly(5), ReportingSchedule.EffectiveCycle(task, plan));
    }

    [Fact]
    public void A_task_set_to_no_regular_reporting_does_not_fall_back_to_the_plan()
    {
        var plan = PlanWith(ReportingCycle.Monthly(10));
        var task = new WorkTask { ReportingCycleOverride = ReportingCycle.None };

        Assert.Equal(ReportingCycle.None, ReportingSchedule.EffectiveCycle(task, plan));
    }

    [Fact]
    public void Clearing_a_task_override_follows_the_plan_again()
    {
        var plan = PlanWith(ReportingCycle.OnMilestones);
        var task = new WorkTask { ReportingCycleOverride = ReportingCycle.Monthly(3) };

        task.ReportingCycleOverride = null;

        Assert.Null(task.ReportingCycleKind);
        Assert.Null(task.ReportingDay);
        Assert.Equal(ReportingCycle.OnMilestones, ReportingSchedule.EffectiveCycle(task, plan));
    }

    [Theory]
    [InlineData(ReportingCycleKind.None, null)]
    [InlineData(ReportingCycleKind.Monthly, 10)]
    [InlineData(ReportingCycleKind.Quarterly, 28)]
    [InlineData(ReportingCycleKind.OnMilestones, null)]
    public void The_cycle_is_stored_as_a_kind_and_a_day_only_where_a_day_means_something(ReportingCycleKind kind, int? day)
    {
        var cycle = ReportingCycle.From(kind, day ?? 0);
        var plan = PlanWith(cycle);
        var task = new WorkTask { ReportingCycleOverride = cycle };

        Assert.Equal((kind, day), (plan.ReportingCycleKind, plan.ReportingDay));
        Assert.Equal((kind, day), (task.ReportingCycleKind!.Value, task.ReportingDay));
        Assert.Equal(cycle, plan.ReportingCycle);
        Assert.Equal(cycle, task.ReportingCycleOverride);
    }

    [Fact]
    public void The_next_report_of_an_assignment_uses_the_effective_cycle_and_the_task_milestones()
    {
        var plan = PlanWith(ReportingCycle.Monthly(10));
        var task = new WorkTask
        {
            Plan = plan,
            ReportingCycleOverride = ReportingCycle.OnMilestones,
            Milestones = [new Milestone { Date = new DateOnly(2024, 5, 31) }, new Milestone { Date = new DateOnly(2024, 4, 30) }],
        };
        task.SetDeadlineAsWritten(Deadline, null, ongoing: false);
        var assignment = TaskAssignment.Create(task, 3, AssignmentRole.Lead, T0);
        assignment.WorkTask = task;

        Assert.Equal(new DateOnly(2024, 4, 30), ReportingSchedule.NextReportDue(assignment));

        task.ReportingCycleOverride = null;
        Assert.Equal(new DateOnly(2024, 3, 10), ReportingSchedule.NextReportDue(assignment));
    }

    [Fact]
    public void A_closed_assignment_has_no_next_report()
    {
        var assignment = At(AssignmentStatus.Closed);
        assignment.WorkTask = new WorkTask { Plan = PlanWith(ReportingCycle.Monthly(10)) };

        Assert.Null(ReportingSchedule.NextReportDue(assignment));
    }

    [Fact]
    public void The_next_report_needs_the_task_and_plan_loaded()
    {
        var assignment = New();
        assignment.WorkTask = null;

        Assert.Throws<InvalidOperationException>(() => ReportingSchedule.NextReportDue(assignment));
    }
}

using WorkPlanTracker.Domain;
using static WorkPlanTracker.Tests.Domain.AssignmentFixtures;

namespace WorkPlanTracker.Tests.Domain;

/// <summary>A task's deadline changes only through its methods, and its assignments follow it.</summary>
public class WorkTaskDeadlineTests
{
    private static readonly DateOnly Earlier = new(2024, 6, 30);

    private static (WorkTask Task, TaskAssignment First, TaskAssignment Second) TaskWithTwoUnits()
    {
        var task = TaskDue(Deadline);
        var first = task.AssignTo(3, AssignmentRole.Lead, T0)!;
        var second = task.AssignTo(4, AssignmentRole.Supporting, T0)!;
        return (task, first, second);
    }

    private static void Close(TaskAssignment assignment, DateTime closedAt)
    {
        assignment.SubmitReport(Report(), closedAt.AddDays(-2));
        assignment.RequestCompletion("专栏已上线", closedAt.AddDays(-1));
        assignment.ApproveCompletion(closedAt);
    }

    [Fact]
    public void Changing_the_deadline_moves_the_task_and_every_open_assignment()
    {
        var (task, first, second) = TaskWithTwoUnits();

        task.ChangeDeadline(Earlier, ongoing: false);

        Assert.Equal(Earlier, task.Deadline);
        Assert.Equal("2024年6月30日前", task.DeadlineText);
        Assert.False(task.Ongoing);
        Assert.All([first, second], a => Assert.Equal((Earlier, Earlier), (a.DueDate!.Value, a.OriginalDueDate!.Value)));
    }

    [Fact]
    public void Making_a_task_ongoing_drops_its_date_and_the_assignments_due_dates()
    {
        var (task, first, _) = TaskWithTwoUnits();

        task.ChangeDeadline(Earlier, ongoing: true);

        Assert.True(task.Ongoing);
        Assert.Null(task.Deadline);
        Assert.Equal("持续推进", task.DeadlineText);
        Assert.Null(first.DueDate);
        Assert.Null(first.OriginalDueDate);
    }

    [Fact]
    public void A_dated_task_without_a_date_is_refused_and_nothing_changes()
    {
        var (task, first, _) = TaskWithTwoUnits();

        var refused = Assert.Throws<DomainRuleException>(() => task.ChangeDeadline(null, ongoing: false));

        Assert.Equal("请填写完成时限，或选择持续推进。", refused.Message);
        Assert.Equal(Deadline, task.Deadline);
        Assert.Equal(Deadline, first.DueDate);
    }

    [Fact]
    public void The_deadline_of_a_task_every_unit_has_closed_cannot_change()
    {
        var (task, first, second) = TaskWithTwoUnits();
        Close(first, Day(10));
        Close(second, Day(12));

        var refused = Assert.Throws<DomainRuleException>(() => task.ChangeDeadline(Earlier, ongoing: false));

        Assert.Contains("均已办结", refused.Message, StringComparison.Ordinal);
        Assert.True(task.IsClosed);
        Assert.Equal(Deadline, task.Deadline);
        Assert.Equal(Deadline, first.OriginalDueDate);
    }

    [Fact]
    public void A_closed_assignment_keeps_the_dates_its_timeliness_was_judged_by()
    {
        var (task, first, second) = TaskWithTwoUnits();
        Close(first, new DateTime(2024, 7, 10, 2, 0, 0, DateTimeKind.Utc));
        Assert.True(first.ClosedOnTime);

        task.ChangeDeadline(Earlier, ongoing: false);

        Assert.Equal(Deadline, first.OriginalDueDate);
        Assert.True(first.ClosedOnTime);
        Assert.Equal(Earlier, second.OriginalDueDate);
        Assert.False(task.IsClosed);
    }

    [Fact]
    public void An_extension_granted_beyond_the_new_deadline_stays()
    {
        var (task, first, _) = TaskWithTwoUnits();
        first.RequestExtension(new DateOnly(2024, 9, 30), "系统招标延迟", Day(3));
        first.ApproveExtension(null, Day(4));

        task.ChangeDeadline(new DateOnly(2024, 8, 31), ongoing: false);

        Assert.Equal(new DateOnly(2024, 9, 30), first.DueDate);
        Assert.Equal(new DateOnly(2024, 8, 31), first.OriginalDueDate);
    }

    [Fact]
    public void The_deadline_as_written_keeps_the_documents_words_and_reaches_assignments_already_made()
    {
        var (task, first, _) = TaskWithTwoUnits();

        task.SetDeadlineAsWritten(Earlier, "持续推进，6月底前完成首批", ongoing: true);

        Assert.Equal(Earlier, task.Deadline);
        Assert.Equal("持续推进，6月底前完成首批", task.DeadlineText);
        Assert.True(task.Ongoing);
        Assert.Null(first.DueDate);
    }

    [Fact]
    public void A_unit_carries_a_task_once()
    {
        var task = TaskDue(Deadline);

        var assignment = task.AssignTo(3, AssignmentRole.Supporting, T0);
        var again = task.AssignTo(3, AssignmentRole.Lead, Day(1));

        Assert.NotNull(assignment);
        Assert.Null(again);
        Assert.Same(assignment, Assert.Single(task.Assignments));
        Assert.Equal(AssignmentRole.Supporting, assignment.Role);
        Assert.Equal(Deadline, assignment.DueDate);
        Assert.Equal(T0, assignment.AssignedAtUtc);
    }

    [Fact]
    public void A_task_nobody_carries_is_not_closed()
    {
        Assert.False(TaskDue(Deadline).IsClosed);
    }

    [Fact]
    public void Marking_a_change_gives_a_new_version()
    {
        var task = TaskDue(Deadline);
        var before = task.Version;

        task.MarkChanged();

        Assert.NotEqual(before, task.Version);
    }
}

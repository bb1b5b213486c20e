using WorkPlanTracker.Domain;
using static WorkPlanTracker.Tests.Domain.AssignmentFixtures;

namespace WorkPlanTracker.Tests.Domain;

/// <summary>How an assignment stood on a day gone by, for an overdue list of that day.</summary>
public class PastStandingTests
{
    private static DateOnly ChinaDay(DateTime utc) => WorkCalendar.DateOf(utc);

    [Fact]
    public void Work_closed_after_a_day_was_still_open_and_late_on_that_day()
    {
        var a = At(AssignmentStatus.Closed);
        var closedOn = ChinaDay(a.ClosedAtUtc!.Value);
        var lateDay = Deadline.AddDays(3);

        // Closed in March, before the July deadline: it was never late.
        Assert.False(a.WasOverdueOn(lateDay));
        Assert.True(a.WasOpenOn(closedOn.AddDays(-1)));
        Assert.False(a.WasOpenOn(closedOn));

        var late = New();
        late.Acknowledge(Day(1));
        late.SubmitReport(Report(), Day(2));
        var afterDeadline = Deadline.AddDays(10).ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc);
        late.RequestCompletion("已完成", afterDeadline);
        late.ApproveCompletion(afterDeadline);

        Assert.True(late.WasOverdueOn(Deadline.AddDays(5)));
        Assert.False(late.WasOverdueOn(Deadline.AddDays(10)));
        Assert.False(late.IsOverdue(Deadline.AddDays(5)));
    }

    [Fact]
    public void An_extension_granted_after_a_day_does_not_excuse_that_day()
    {
        var a = At(AssignmentStatus.InProgress);
        var askedAt = Deadline.AddDays(2).ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc);
        a.RequestExtension(new DateOnly(2024, 9, 30), "系统招标延迟", askedAt);
        a.ApproveExtension(null, askedAt.AddDays(3));

        Assert.Equal(Deadline, a.DueDateOn(Deadline.AddDays(4)));
        Assert.True(a.WasOverdueOn(Deadline.AddDays(4)));
        Assert.Equal(new DateOnly(2024, 9, 30), a.DueDateOn(Deadline.AddDays(5)));
        Assert.False(a.WasOverdueOn(Deadline.AddDays(5)));
        Assert.Equal(a.IsOverdue(Deadline.AddDays(40)), a.WasOverdueOn(Deadline.AddDays(40)));
    }

    [Fact]
    public void Ongoing_work_is_never_late_by_date_on_any_day()
    {
        var a = New(ongoing: true);

        Assert.False(a.WasOverdueOn(Deadline.AddDays(100)));
    }
}

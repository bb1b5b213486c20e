using WorkPlanTracker.Domain;
using static WorkPlanTracker.Tests.Domain.AssignmentFixtures;

namespace WorkPlanTracker.Tests.Domain;

public class TrafficLightTests
{
    [Theory]
    [InlineData(2024, 7, 20, TrafficLight.Green)]   // 11 days left
    [InlineData(2024, 7, 21, TrafficLight.Yellow)]  // 10 days left: due soon
    [InlineData(2024, 7, 31, TrafficLight.Yellow)]  // due today
    [InlineData(2024, 8, 1, TrafficLight.Red)]      // a day late
    public void Due_date_boundaries(int year, int month, int day, TrafficLight light)
    {
        var a = At(AssignmentStatus.InProgress);

        Assert.Equal(light, a.LightOn(new DateOnly(year, month, day), dueSoonDays: 10, nextReportDue: null));
    }

    [Fact]
    public void With_zero_due_soon_days_only_the_due_day_itself_is_yellow()
    {
        var a = At(AssignmentStatus.InProgress);

        Assert.Equal(TrafficLight.Green, a.LightOn(new DateOnly(2024, 7, 30), 0, null));
        Assert.Equal(TrafficLight.Yellow, a.LightOn(new DateOnly(2024, 7, 31), 0, null));
    }

    [Fact]
    public void Negative_due_soon_days_are_a_programming_error()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => New().LightOn(new DateOnly(2024, 5, 1), -1, null));
    }

    [Theory]
    [InlineData(2024, 5, 9, TrafficLight.Green)]   // report due tomorrow
    [InlineData(2024, 5, 10, TrafficLight.Green)]  // report due today: not yet missing
    [InlineData(2024, 5, 11, TrafficLight.Yellow)] // report due yesterday: missing
    public void A_missing_report_turns_yellow(int year, int month, int day, TrafficLight light)
    {
        var a = At(AssignmentStatus.InProgress);

        Assert.Equal(light, a.LightOn(new DateOnly(year, month, day), 10, nextReportDue: new DateOnly(2024, 5, 10)));
    }

    [Fact]
    public void Overdue_beats_a_missing_report()
    {
        var a = At(AssignmentStatus.InProgress);

        Assert.Equal(TrafficLight.Red, a.LightOn(new DateOnly(2024, 9, 1), 10, new DateOnly(2024, 8, 10)));
    }

    [Theory]
    [InlineData(AssignmentStatus.Returned)]
    [InlineData(AssignmentStatus.ExtensionRequested)]
    public void Returned_or_waiting_on_an_extension_is_at_risk(AssignmentStatus status)
    {
        Assert.Equal(TrafficLight.Yellow, At(status).LightOn(new DateOnly(2024, 5, 1), 10, null));
    }

    [Fact]
    public void Closed_is_done_even_after_the_deadline()
    {
        var a = At(AssignmentStatus.Closed);

        Assert.Equal(TrafficLight.Done, a.LightOn(new DateOnly(2025, 1, 1), 10, new DateOnly(2024, 5, 10)));
        Assert.False(a.IsOverdue(new DateOnly(2025, 1, 1)));
    }

    [Fact]
    public void A_completion_request_not_yet_closed_by_the_deadline_is_overdue()
    {
        var a = At(AssignmentStatus.CompletionRequested);

        Assert.True(a.IsOverdue(new DateOnly(2024, 8, 1)));
        Assert.Equal(TrafficLight.Red, a.LightOn(new DateOnly(2024, 8, 1), 10, null));
    }

    [Fact]
    public void Ongoing_work_is_never_overdue_or_due_soon_only_late_reports_show()
    {
        var a = New(ongoing: true);
        a.Acknowledge(Day(1));

        Assert.False(a.IsOverdue(new DateOnly(2030, 1, 1)));
        Assert.Null(a.DaysUntilDue(new DateOnly(2030, 1, 1)));
        Assert.Equal(TrafficLight.Green, a.LightOn(new DateOnly(2030, 1, 1), 10, new DateOnly(2030, 1, 10)));
        Assert.Equal(TrafficLight.Yellow, a.LightOn(new DateOnly(2030, 1, 11), 10, new DateOnly(2030, 1, 10)));
    }

    [Fact]
    public void An_extension_moves_the_lights_but_not_the_score()
    {
        var a = At(AssignmentStatus.ExtensionRequested);
        a.ApproveExtension(null, Day(4));

        Assert.False(a.IsOverdue(new DateOnly(2024, 8, 15)));
        Assert.Equal(TrafficLight.Green, a.LightOn(new DateOnly(2024, 8, 15), 10, null));

        a.RequestCompletion("已完成", new DateTime(2024, 8, 20, 2, 0, 0, DateTimeKind.Utc));
        a.ApproveCompletion(new DateTime(2024, 8, 21, 2, 0, 0, DateTimeKind.Utc));
        Assert.False(a.ClosedOnTime);
    }

    [Theory]
    [InlineData(2024, 7, 31, 15, 59, true)]  // 23:59 on the deadline, China time
    [InlineData(2024, 7, 31, 16, 0, false)]  // 00:00 the next day, China time
    public void Closed_on_time_is_judged_by_the_China_date_against_the_original_deadline(int year, int month, int day, int hour, int minute, bool onTime)
    {
        var a = At(AssignmentStatus.CompletionRequested);

        a.ApproveCompletion(new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Utc));

        Assert.Equal(onTime, a.ClosedOnTime);
    }

    [Fact]
    public void Not_closed_is_not_closed_on_time()
    {
        Assert.False(At(AssignmentStatus.CompletionRequested).ClosedOnTime);
    }
}

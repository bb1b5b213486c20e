using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Reminders;

namespace WorkPlanTracker.Tests.Domain;

/// <summary>Every reminder rule, by moving the date over one assignment.</summary>
public class ReminderRulesTests
{
    private static readonly WorkingDayCalendar Holidays = HolidayCalendarFiles.Load([HolidayCalendarFiles.ShippedDirectory]);

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static ReminderCase Case(
        string? due = "2026-06-30",
        AssignmentStatus status = AssignmentStatus.Acknowledged,
        bool ongoing = false,
        string assigned = "2026-03-02",
        string? nextReport = null,
        params string[] milestones) =>
        new(1, 10, "市数据资源局", "一.3", "助力优化政务服务", 2026, "2026年政务公开工作要点", status, ongoing,
            due is null ? null : D(due), milestones.Select(D).ToList(), D(assigned), nextReport is null ? null : D(nextReport));

    /// <summary>Weekends-only calendar and no holiday skipping, so plain calendar arithmetic shows.</summary>
    private static ReminderSettings Plain() => new() { SkipHolidays = false };

    private static IReadOnlyList<ReminderKind> Kinds(string day, ReminderCase c, ReminderSettings? settings = null, WorkingDayCalendar? calendar = null) =>
        ReminderRules.DueOn(D(day), [c], settings ?? Plain(), calendar ?? WorkingDayCalendar.WeekendsOnly).Select(r => r.Kind).ToList();

    /// <summary>The days in [from, to] on which the case gets <paramref name="kind"/>.</summary>
    private static List<string> DaysOf(ReminderKind kind, string from, string to, ReminderCase c, ReminderSettings? settings = null, WorkingDayCalendar? calendar = null)
    {
        var days = new List<string>();
        for (var day = D(from); day <= D(to); day = day.AddDays(1))
        {
            if (ReminderRules.DueOn(day, [c], settings ?? Plain(), calendar ?? WorkingDayCalendar.WeekendsOnly).Any(r => r.Kind == kind))
            {
                days.Add(day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return days;
    }

    [Fact]
    public void Before_a_deadline_the_ladder_7_3_1_and_the_day_itself()
    {
        var c = Case(due: "2026-06-30");
        Assert.Equal(["2026-06-23", "2026-06-27", "2026-06-29"], DaysOf(ReminderKind.BeforeDeadline, "2026-06-01", "2026-06-30", c));
        Assert.Equal(["2026-06-30"], DaysOf(ReminderKind.DueToday, "2026-06-01", "2026-07-05", c));
        var first = ReminderRules.DueOn(D("2026-06-23"), [c], Plain(), WorkingDayCalendar.WeekendsOnly).Single();
        Assert.Equal(7, first.Days);
        Assert.Equal(D("2026-06-30"), first.Date);
    }

    [Fact]
    public void The_office_changes_the_ladder()
    {
        var settings = Plain();
        settings.LadderDays = "10，5";
        settings.RemindOnDueDay = false;
        var c = Case(due: "2026-06-30");
        Assert.Equal(["2026-06-20", "2026-06-25"], DaysOf(ReminderKind.BeforeDeadline, "2026-06-01", "2026-06-30", c, settings));
        Assert.Empty(DaysOf(ReminderKind.DueToday, "2026-06-01", "2026-06-30", c, settings));
    }

    [Fact]
    public void Overdue_every_3_days_and_escalated_on_day_7()
    {
        var c = Case(due: "2026-06-30");
        Assert.Equal(["2026-07-03", "2026-07-06", "2026-07-09", "2026-07-12"], DaysOf(ReminderKind.Overdue, "2026-07-01", "2026-07-12", c));
        Assert.Equal(["2026-07-07"], DaysOf(ReminderKind.Escalation, "2026-07-01", "2026-07-31", c));
        Assert.Equal(7, ReminderRules.DueOn(D("2026-07-07"), [c], Plain(), WorkingDayCalendar.WeekendsOnly).Single().Days);
    }

    [Fact]
    public void An_extended_due_date_is_what_counts()
    {
        // The planner passes the assignment's (possibly extended) due date; an extension to 31 July stops the July chasing.
        Assert.Empty(DaysOf(ReminderKind.Overdue, "2026-07-01", "2026-07-20", Case(due: "2026-07-31")));
    }

    [Fact]
    public void Ongoing_tasks_are_never_overdue_but_are_chased_on_their_reporting_cycle()
    {
        var c = Case(due: null, ongoing: true, nextReport: "2026-07-10");
        Assert.Empty(DaysOf(ReminderKind.Overdue, "2026-01-01", "2026-12-31", c));
        Assert.Empty(DaysOf(ReminderKind.Escalation, "2026-01-01", "2026-12-31", c));
        Assert.Empty(DaysOf(ReminderKind.BeforeDeadline, "2026-01-01", "2026-12-31", c));
        Assert.Equal(["2026-07-07"], DaysOf(ReminderKind.ReportDue, "2026-07-01", "2026-07-31", c));
        Assert.Equal(["2026-07-11", "2026-07-14", "2026-07-17"], DaysOf(ReminderKind.ReportMissing, "2026-07-01", "2026-07-17", c));

        // Even a stray deadline on an ongoing task is not chased by date.
        Assert.Empty(DaysOf(ReminderKind.Overdue, "2026-07-01", "2026-07-31", Case(due: "2026-06-30", ongoing: true)));
    }

    [Fact]
    public void Report_reminder_days_before_and_chase_after_are_settings()
    {
        var settings = Plain();
        settings.ReportRemindDaysBefore = 0;
        settings.ReportChaseAfterDays = 2;
        var c = Case(nextReport: "2026-07-10");
        Assert.Equal(["2026-07-10"], DaysOf(ReminderKind.ReportDue, "2026-07-01", "2026-07-31", c, settings));
        Assert.Equal("2026-07-12", DaysOf(ReminderKind.ReportMissing, "2026-07-01", "2026-07-31", c, settings)[0]);
    }

    [Fact]
    public void Milestones_get_the_ladder_and_the_day()
    {
        var c = Case(due: "2026-12-31", milestones: ["2026-09-30", "2026-12-31"]);
        Assert.Equal(["2026-09-23", "2026-09-27", "2026-09-29", "2026-09-30"], DaysOf(ReminderKind.Milestone, "2026-09-01", "2026-10-31", c));

        // The final deadline named as a milestone too is reminded once, as the deadline.
        Assert.Empty(DaysOf(ReminderKind.Milestone, "2026-12-01", "2026-12-31", c));
    }

    [Fact]
    public void Not_acknowledged_after_3_days_then_every_3_days_and_never_once_signed()
    {
        var c = Case(status: AssignmentStatus.Assigned, assigned: "2026-03-02");
        Assert.Equal(["2026-03-05", "2026-03-08", "2026-03-11"], DaysOf(ReminderKind.Unacknowledged, "2026-03-02", "2026-03-12", c));
        Assert.Empty(DaysOf(ReminderKind.Unacknowledged, "2026-03-02", "2026-03-12", Case(status: AssignmentStatus.Acknowledged)));
    }

    [Theory]
    [InlineData(AssignmentStatus.Closed)]
    [InlineData(AssignmentStatus.CompletionRequested)]
    public void Closed_and_completion_requested_work_is_never_reminded(AssignmentStatus status)
    {
        var c = Case(due: "2026-06-30", status: status, nextReport: "2026-07-10", milestones: ["2026-06-15"]);
        for (var day = D("2026-06-01"); day <= D("2026-08-31"); day = day.AddDays(1))
        {
            Assert.Empty(ReminderRules.DueOn(day, [c], Plain(), Holidays));
        }
    }

    [Fact]
    public void No_reminder_lands_on_a_holiday_when_the_setting_says_so()
    {
        var settings = new ReminderSettings { SkipHolidays = true };

        // Deadline Friday 9 Oct 2026: 7 days before is Friday 2 Oct (National Day) → moves back to Wednesday 30 Sep.
        var c = Case(due: "2026-10-09");
        Assert.Equal(["2026-09-30", "2026-10-08"], DaysOf(ReminderKind.BeforeDeadline, "2026-09-01", "2026-10-09", c, settings, Holidays));

        // Deadline Monday 28 Sep 2026: overdue triggers on 1, 4 and 7 Oct (holidays) all land once on Thursday 8 Oct;
        // the escalation (5 Oct) also moves to 8 Oct and wins that day.
        var late = Case(due: "2026-09-28");
        var kinds = DaysOf(ReminderKind.Escalation, "2026-09-29", "2026-10-31", late, settings, Holidays);
        Assert.Equal(["2026-10-08"], kinds);
        for (var day = D("2026-10-01"); day <= D("2026-10-07"); day = day.AddDays(1))
        {
            Assert.Empty(ReminderRules.DueOn(day, [late], settings, Holidays));
        }

        // Without the setting, reminders go out on the holiday itself.
        Assert.Contains(ReminderKind.BeforeDeadline, Kinds("2026-10-02", c, Plain(), Holidays));
    }

    [Fact]
    public void Days_can_be_counted_in_working_days()
    {
        var settings = new ReminderSettings { SkipHolidays = true, CountWorkingDays = true, LadderDays = "3" };

        // Deadline Tuesday 24 Feb 2026, right after the nine-day Spring Festival break: 3 working days before is
        // Thursday 12 Feb (13 Feb and the make-up Saturday 14 Feb count).
        var c = Case(due: "2026-02-24");
        Assert.Equal(["2026-02-12"], DaysOf(ReminderKind.BeforeDeadline, "2026-02-01", "2026-02-24", c, settings, Holidays));

        // Overdue every 3 working days after Friday 25 Sep 2026: 30 Sep, then 10 Oct (a make-up Saturday), then 14 Oct.
        var late = Case(due: "2026-09-25");
        settings.EscalateAfterDays = 30;
        Assert.Equal(["2026-09-30", "2026-10-10", "2026-10-14"], DaysOf(ReminderKind.Overdue, "2026-09-26", "2026-10-15", late, settings, Holidays));
    }
}

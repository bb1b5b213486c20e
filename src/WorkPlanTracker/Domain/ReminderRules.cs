namespace WorkPlanTracker.Domain;

/// <summary>
/// 催办规则 as a pure function: given the open assignments of published plans, the office's settings, the holiday
/// calendar and a China date, which reminders are due that day. Nothing here reads a clock or a database, so every
/// rule is tested by moving the date.
/// </summary>
public static class ReminderRules
{
    /// <summary>How far a reminder may be moved off a run of holidays (the longest, Spring Festival or National Day, is 9 days).</summary>
    private const int MaxHolidayRun = 16;

    public static IReadOnlyList<DueReminder> DueOn(DateOnly day, IEnumerable<ReminderCase> cases, ReminderSettings settings, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(calendar);
        var rules = new Evaluator(settings, calendar);
        if (settings.SkipHolidays && !calendar.IsWorkingDay(day))
        {
            return [];
        }

        var due = new List<DueReminder>();
        foreach (var c in cases)
        {
            // Closed work is never chased; a completion request waits on the office, not on the unit.
            if (c.Status is AssignmentStatus.Closed or AssignmentStatus.CompletionRequested)
            {
                continue;
            }

            rules.Deadline(c, day, due);
            rules.Milestones(c, day, due);
            rules.Report(c, day, due);
            rules.Acknowledgement(c, day, due);
        }

        return due;
    }

    private sealed class Evaluator(ReminderSettings settings, WorkingDayCalendar calendar)
    {
        private readonly IReadOnlyList<int> ladder = settings.Ladder;

        public void Deadline(ReminderCase c, DateOnly day, List<DueReminder> due)
        {
            // Ongoing tasks have no date to be late against: their reporting cycle chases them instead.
            if (c.Ongoing || c.DueDate is not { } deadline)
            {
                return;
            }

            if (day > deadline)
            {
                var late = day.DayNumber - deadline.DayNumber;
                if (FiresOnce(deadline, settings.EscalateAfterDays, day, before: false))
                {
                    due.Add(c.Item(ReminderKind.Escalation, deadline, late));
                }
                else if (FiresRepeatedly(deadline, settings.OverdueRepeatDays, settings.OverdueRepeatDays, day))
                {
                    due.Add(c.Item(ReminderKind.Overdue, deadline, late));
                }

                return;
            }

            if (Ladder(deadline, day))
            {
                due.Add(c.Item(ReminderKind.BeforeDeadline, deadline, deadline.DayNumber - day.DayNumber));
            }
            else if (settings.RemindOnDueDay && FiresOnce(deadline, 0, day, before: true))
            {
                due.Add(c.Item(ReminderKind.DueToday, deadline, 0));
            }
        }

        public void Milestones(ReminderCase c, DateOnly day, List<DueReminder> due)
        {
            foreach (var milestone in c.Milestones.Distinct().Where(m => m >= day && m != c.DueDate).Order())
            {
                if (Ladder(milestone, day) || (settings.RemindOnDueDay && FiresOnce(milestone, 0, day, before: true)))
                {
                    due.Add(c.Item(ReminderKind.Milestone, milestone, milestone.DayNumber - day.DayNumber));
                }
            }
        }

        public void Report(ReminderCase c, DateOnly day, List<DueReminder> due)
        {
            if (c.NextReportDue is not { } reportDue)
            {
                return;
            }

            if (reportDue < day)
            {
                if (FiresRepeatedly(reportDue, Math.Max(1, settings.ReportChaseAfterDays), settings.OverdueRepeatDays, day))
                {
                    due.Add(c.Item(ReminderKind.ReportMissing, reportDue, day.DayNumber - reportDue.DayNumber));
                }
            }
            else if (FiresOnce(reportDue, -settings.ReportRemindDaysBefore, day, before: true))
            {
                due.Add(c.Item(ReminderKind.ReportDue, reportDue, reportDue.DayNumber - day.DayNumber));
            }
        }

        public void Acknowledgement(ReminderCase c, DateOnly day, List<DueReminder> due)
        {
            if (c.Status == AssignmentStatus.Assigned
                && FiresRepeatedly(c.AssignedOn, settings.UnacknowledgedAfterDays, settings.OverdueRepeatDays, day))
            {
                due.Add(c.Item(ReminderKind.Unacknowledged, c.DueDate, day.DayNumber - c.AssignedOn.DayNumber));
            }
        }

        /// <summary>Some step of the ladder before <paramref name="date"/> lands on <paramref name="day"/>.</summary>
        private bool Ladder(DateOnly date, DateOnly day) =>
            day < date && ladder.Any(k => FiresOnce(date, -k, day, before: true));

        /// <summary>The single trigger <paramref name="offset"/> days from <paramref name="anchor"/> lands on <paramref name="day"/>.</summary>
        private bool FiresOnce(DateOnly anchor, int offset, DateOnly day, bool before) =>
            Land(Offset(anchor, offset), before) == day;

        /// <summary>
        /// Triggers at <paramref name="first"/>, first + every, first + 2·every … days after <paramref name="anchor"/>;
        /// one of them lands on <paramref name="day"/>. Several triggers moved off the same holidays land once.
        /// </summary>
        private bool FiresRepeatedly(DateOnly anchor, int first, int every, DateOnly day)
        {
            every = Math.Max(1, every);
            if (settings.CountWorkingDays)
            {
                var n = calendar.WorkingDaysAfter(anchor, day);
                return calendar.IsWorkingDay(day) && n >= first && (n - first) % every == 0;
            }

            for (var trigger = day; trigger >= day.AddDays(-MaxHolidayRun); trigger = trigger.AddDays(-1))
            {
                var n = trigger.DayNumber - anchor.DayNumber;
                if (n >= first && (n - first) % every == 0 && Land(trigger, before: false) == day)
                {
                    return true;
                }

                if (!settings.SkipHolidays)
                {
                    break;
                }
            }

            return false;
        }

        private DateOnly Offset(DateOnly date, int days) =>
            settings.CountWorkingDays ? calendar.AddWorkingDays(date, days) : date.AddDays(days);

        // Before a date the reminder moves earlier (never too late); after it, to the next working day.
        private DateOnly Land(DateOnly trigger, bool before) =>
            !settings.SkipHolidays ? trigger : before ? calendar.OnOrBefore(trigger) : calendar.OnOrAfter(trigger);
    }
}

/// <summary>What the rules need to know of one assignment (built from the database by the planner).</summary>
public sealed record ReminderCase(
    int AssignmentId,
    int UnitId,
    string UnitName,
    string TaskPath,
    string TaskTitle,
    int PlanYear,
    string PlanTitle,
    AssignmentStatus Status,
    bool Ongoing,
    DateOnly? DueDate,
    IReadOnlyList<DateOnly> Milestones,
    DateOnly AssignedOn,
    DateOnly? NextReportDue)
{
    public DueReminder Item(ReminderKind kind, DateOnly? date, int days) =>
        new(AssignmentId, UnitId, UnitName, kind, TaskPath, TaskTitle, PlanYear, PlanTitle, date, days);
}

/// <summary>
/// One reminder due for one unit: <paramref name="Date"/> is the date it is about (deadline, milestone, report due
/// date); <paramref name="Days"/> the days left before it, or the days late / since assignment after it.
/// </summary>
public sealed record DueReminder(
    int AssignmentId,
    int UnitId,
    string UnitName,
    ReminderKind Kind,
    string TaskPath,
    string TaskTitle,
    int PlanYear,
    string PlanTitle,
    DateOnly? Date,
    int Days)
{
    /// <summary>One line of a digest, in Chinese.</summary>
    public string Describe() => Kind switch
    {
        ReminderKind.BeforeDeadline => $"距完成时限（{WorkCalendar.Format(Date!.Value)}）还有 {Days} 天",
        ReminderKind.DueToday => $"今天是完成时限（{WorkCalendar.Format(Date!.Value)}）",
        ReminderKind.Overdue => $"已逾期 {Days} 天（完成时限 {WorkCalendar.Format(Date!.Value)}），请尽快办理",
        ReminderKind.Escalation => $"已逾期 {Days} 天（完成时限 {WorkCalendar.Format(Date!.Value)}），已升级督办",
        ReminderKind.Milestone => Days == 0 ? $"今天是节点时限（{WorkCalendar.Format(Date!.Value)}）" : $"距节点时限（{WorkCalendar.Format(Date!.Value)}）还有 {Days} 天",
        ReminderKind.ReportDue => Days == 0 ? $"今天须报送进展情况（{WorkCalendar.Format(Date!.Value)}）" : $"请于 {WorkCalendar.Format(Date!.Value)} 前报送进展情况",
        ReminderKind.ReportMissing => $"进展情况应于 {WorkCalendar.Format(Date!.Value)} 报送，尚未报送",
        ReminderKind.Unacknowledged => $"交办已 {Days} 天尚未签收",
        _ => Kind.ToString(),
    };
}

public enum ReminderKind
{
    /// <summary>Ladder step before the deadline (提前提醒).</summary>
    BeforeDeadline = 0,

    /// <summary>The deadline is today (到期提醒).</summary>
    DueToday = 1,

    /// <summary>Overdue, repeated every N days (逾期催办).</summary>
    Overdue = 2,

    /// <summary>Overdue for M days: to the unit, its leader contact and leadership (升级督办).</summary>
    Escalation = 3,

    /// <summary>Before or on a milestone date (节点提醒).</summary>
    Milestone = 4,

    /// <summary>A cycle's progress report is due soon (报送提醒).</summary>
    ReportDue = 5,

    /// <summary>A cycle's progress report is missing (催报).</summary>
    ReportMissing = 6,

    /// <summary>Not signed for N days after assignment (签收提醒).</summary>
    Unacknowledged = 7,

    /// <summary>An office decision on the unit's work, from its <see cref="UnitNotice"/> (办理结果通知); no rule fires it.</summary>
    Decision = 8,
}

public static class ReminderKindNames
{
    /// <summary>The kind as the CLI writes it (docs/CLI.md): kebab-case English.</summary>
    public static string Code(this ReminderKind kind) => kind switch
    {
        ReminderKind.BeforeDeadline => "before-deadline",
        ReminderKind.DueToday => "due-today",
        ReminderKind.Overdue => "overdue",
        ReminderKind.Escalation => "escalation",
        ReminderKind.Milestone => "milestone",
        ReminderKind.ReportDue => "report-due",
        ReminderKind.ReportMissing => "report-missing",
        ReminderKind.Unacknowledged => "unacknowledged",
        ReminderKind.Decision => "decision",
        _ => kind.ToString(),
    };

    public static string ChineseName(this ReminderKind kind) => kind switch
    {
        ReminderKind.BeforeDeadline => "提前提醒",
        ReminderKind.DueToday => "到期提醒",
        ReminderKind.Overdue => "逾期催办",
        ReminderKind.Escalation => "升级督办",
        ReminderKind.Milestone => "节点提醒",
        ReminderKind.ReportDue => "报送提醒",
        ReminderKind.ReportMissing => "催报",
        ReminderKind.Unacknowledged => "签收提醒",
        ReminderKind.Decision => "办理结果通知",
        _ => kind.ToString(),
    };
}

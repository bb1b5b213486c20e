namespace WorkPlanTracker.Domain;

/// <summary>
/// When reminders go out (催办规则), set by the planning office; one row. The defaults are the issue's: a ladder of
/// 7, 3 and 1 days before a deadline or milestone and on the day; every 3 days while overdue; escalation after 7.
/// </summary>
public class ReminderSettings : IAudited
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    /// <summary>Days before a deadline or milestone to remind, e.g. "7,3,1".</summary>
    public string LadderDays { get; set; } = "7,3,1";

    /// <summary>Remind on the deadline or milestone day itself.</summary>
    public bool RemindOnDueDay { get; set; } = true;

    /// <summary>While overdue, remind every N days (N ≥ 1).</summary>
    public int OverdueRepeatDays { get; set; } = 3;

    /// <summary>M days after the deadline the reminder becomes an escalation to the unit's leader contact and to leadership.</summary>
    public int EscalateAfterDays { get; set; } = 7;

    /// <summary>Remind N days before a cycle's progress report is due (0: on the day).</summary>
    public int ReportRemindDaysBefore { get; set; } = 3;

    /// <summary>Chase a missing report N days after it was due, then every <see cref="OverdueRepeatDays"/>.</summary>
    public int ReportChaseAfterDays { get; set; } = 1;

    /// <summary>Remind a unit that has not signed for (签收) an assignment N days after it was given, then every <see cref="OverdueRepeatDays"/>.</summary>
    public int UnacknowledgedAfterDays { get; set; } = 3;

    /// <summary>No reminder lands on a holiday or weekend: reminders before a date move to the working day before, reminders after it to the working day after.</summary>
    public bool SkipHolidays { get; set; } = true;

    /// <summary>Count every "N days" above in working days (工作日) instead of calendar days.</summary>
    public bool CountWorkingDays { get; set; }

    /// <summary>The ladder as numbers, largest first, without duplicates or non-positive values.</summary>
    public IReadOnlyList<int> Ladder => ParseLadder(LadderDays) ?? [];

    public static IReadOnlyList<int>? ParseLadder(string? text)
    {
        var result = new SortedSet<int>(Comparer<int>.Create((a, b) => b.CompareTo(a)));
        foreach (var part in (text ?? "").Split([',', '，', '、', ' ', ';', '；'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, out var day) || day is < 1 or > 90)
            {
                return null;
            }

            result.Add(day);
        }

        return [.. result];
    }

    /// <summary>What is wrong with the settings, in Chinese; null when they can be saved.</summary>
    public string? ValidationError()
    {
        if (ParseLadder(LadderDays) is null)
        {
            return "提前提醒天数请填写 1 至 90 之间的整数，用逗号分隔，例如 7,3,1";
        }

        if (OverdueRepeatDays is < 1 or > 90)
        {
            return "逾期后重复提醒间隔须在 1 至 90 天之间";
        }

        if (EscalateAfterDays is < 1 or > 365)
        {
            return "逾期升级督办天数须在 1 至 365 天之间";
        }

        if (ReportRemindDaysBefore is < 0 or > 60 || ReportChaseAfterDays is < 0 or > 60)
        {
            return "报送提醒和催报天数须在 0 至 60 天之间";
        }

        return UnacknowledgedAfterDays is < 1 or > 60 ? "未签收提醒天数须在 1 至 60 天之间" : null;
    }
}

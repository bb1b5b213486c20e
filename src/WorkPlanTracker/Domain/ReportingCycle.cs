namespace WorkPlanTracker.Domain;

/// <summary>
/// How often a unit reports progress (报送周期). Store it as two columns, <see cref="Kind"/> and <see cref="Day"/>,
/// and rebuild it with <see cref="From"/>. <c>default</c> is <see cref="None"/>.
/// <list type="bullet">
/// <item><see cref="ReportingCycleKind.Monthly"/>: by day N (1–28) of every month (每月N日前).</item>
/// <item><see cref="ReportingCycleKind.Quarterly"/>: by day N (1–28) of the first month after each quarter
/// (季度结束后次月N日前): 1月N日, 4月N日, 7月N日, 10月N日; the January one covers the previous year's fourth quarter.</item>
/// <item><see cref="ReportingCycleKind.OnMilestones"/>: on each of the task's milestone dates.</item>
/// </list>
/// Days 29–31 are refused because not every month has them. Ongoing tasks report on every cycle without end.
/// </summary>
public readonly record struct ReportingCycle
{
    public const int MaxDay = 28;

    private ReportingCycle(ReportingCycleKind kind, int day)
    {
        Kind = kind;
        Day = day;
    }

    public ReportingCycleKind Kind { get; }

    /// <summary>Day of the month for monthly and quarterly cycles; 0 otherwise.</summary>
    public int Day { get; }

    /// <summary>No regular reporting (不定期报送).</summary>
    public static ReportingCycle None => default;

    /// <summary>Report on the task's milestone dates (按节点报送).</summary>
    public static ReportingCycle OnMilestones => new(ReportingCycleKind.OnMilestones, 0);

    /// <summary>By day <paramref name="day"/> (1–28) of every month.</summary>
    public static ReportingCycle Monthly(int day) => new(ReportingCycleKind.Monthly, CheckDay(day));

    /// <summary>By day <paramref name="day"/> (1–28) of January, April, July and October (the month after each quarter).</summary>
    public static ReportingCycle Quarterly(int day) => new(ReportingCycleKind.Quarterly, CheckDay(day));

    /// <summary>Rebuilds a cycle from its stored columns; the day is ignored for None and OnMilestones.</summary>
    public static ReportingCycle From(ReportingCycleKind kind, int day) => kind switch
    {
        ReportingCycleKind.None => None,
        ReportingCycleKind.Monthly => Monthly(day),
        ReportingCycleKind.Quarterly => Quarterly(day),
        ReportingCycleKind.OnMilestones => OnMilestones,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown reporting cycle kind."),
    };

    /// <summary>
    /// The first report due date strictly after <paramref name="after"/>; null when the cycle has no further date
    /// (None, or no milestone left). <paramref name="milestones"/> is only read for OnMilestones, in any order.
    /// </summary>
    public DateOnly? NextDueOn(DateOnly after, IReadOnlyList<DateOnly> milestones)
    {
        switch (Kind)
        {
            case ReportingCycleKind.Monthly:
            {
                var due = new DateOnly(after.Year, after.Month, Day);
                return due > after ? due : due.AddMonths(1);
            }

            case ReportingCycleKind.Quarterly:
            {
                var firstMonthOfQuarter = (after.Month - 1) / 3 * 3 + 1;
                var due = new DateOnly(after.Year, firstMonthOfQuarter, Day);
                return due > after ? due : due.AddMonths(3);
            }

            case ReportingCycleKind.OnMilestones:
            {
                DateOnly? next = null;
                foreach (var date in milestones ?? [])
                {
                    if (date > after && (next is null || date < next))
                    {
                        next = date;
                    }
                }

                return next;
            }

            default:
                return null;
        }
    }

    /// <summary>How the cycle reads in the UI: 每月10日前, 每季度结束后次月5日前, 按节点报送, 不定期报送.</summary>
    public string Describe() => Kind switch
    {
        ReportingCycleKind.Monthly => $"每月{Day}日前",
        ReportingCycleKind.Quarterly => $"每季度结束后次月{Day}日前",
        ReportingCycleKind.OnMilestones => "按节点报送",
        _ => "不定期报送",
    };

    public override string ToString() => Describe();

    private static int CheckDay(int day) => day switch
    {
        >= 1 and <= MaxDay => day,
        > MaxDay and <= 31 => throw new DomainRuleException($"不是每个月都有{day}日，报送日须在每月1日至{MaxDay}日之间；要求月底报送的，请选{MaxDay}日或次月初的日期"),
        _ => throw new DomainRuleException($"报送日须在每月1日至{MaxDay}日之间"),
    };
}

public enum ReportingCycleKind
{
    None = 0,
    Monthly = 1,
    Quarterly = 2,
    OnMilestones = 3,
}

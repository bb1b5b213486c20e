namespace WorkPlanTracker.Domain;

/// <summary>
/// Working days as Chinese offices keep them: Monday to Friday, minus the official holidays (法定节假日), plus the
/// weekend days the State Council turns into make-up workdays (调休上班). Years without published data count
/// weekends only; <see cref="HasYear"/> tells whether a year's arrangement is known.
/// </summary>
public sealed class WorkingDayCalendar
{
    private readonly HashSet<DateOnly> holidays;
    private readonly HashSet<DateOnly> workdays;
    private readonly HashSet<int> years;

    public WorkingDayCalendar(IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> makeUpWorkdays, IEnumerable<int> knownYears)
    {
        this.holidays = [.. holidays];
        workdays = [.. makeUpWorkdays];
        years = [.. knownYears];
    }

    /// <summary>Weekends only: for tests and for an installation without holiday files.</summary>
    public static WorkingDayCalendar WeekendsOnly { get; } = new([], [], []);

    public IReadOnlyCollection<int> KnownYears => years;

    public bool HasYear(int year) => years.Contains(year);

    public bool IsHoliday(DateOnly date) => holidays.Contains(date);

    public bool IsMakeUpWorkday(DateOnly date) => workdays.Contains(date);

    public bool IsWorkingDay(DateOnly date) =>
        workdays.Contains(date) || (!holidays.Contains(date) && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));

    /// <summary>The date itself when it is a working day, otherwise the next one after it.</summary>
    public DateOnly OnOrAfter(DateOnly date)
    {
        while (!IsWorkingDay(date))
        {
            date = date.AddDays(1);
        }

        return date;
    }

    /// <summary>The date itself when it is a working day, otherwise the last one before it.</summary>
    public DateOnly OnOrBefore(DateOnly date)
    {
        while (!IsWorkingDay(date))
        {
            date = date.AddDays(-1);
        }

        return date;
    }

    /// <summary>
    /// The working day <paramref name="days"/> working days after (negative: before) <paramref name="date"/>, the
    /// way "3个工作日内" is counted: the start day itself does not count. Zero gives the date itself.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly date, int days)
    {
        var step = Math.Sign(days);
        for (var left = Math.Abs(days); left > 0;)
        {
            date = date.AddDays(step);
            if (IsWorkingDay(date))
            {
                left--;
            }
        }

        return date;
    }

    /// <summary>How many working days lie after <paramref name="from"/> up to and including <paramref name="to"/> (0 when to ≤ from).</summary>
    public int WorkingDaysAfter(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }
}

using System.Globalization;

namespace WorkPlanTracker.Features.Assignments;

/// <summary>Which assignments the 任务 list and the review queue show, by their state.</summary>
public enum AssignmentListStatus
{
    All,
    Open,
    Overdue,
    AwaitingReview,
    Closed,
}

/// <summary>The order of the 任务 list.</summary>
public enum AssignmentListSort
{
    DueDate,
    Task,
    Unit,
}

/// <summary>
/// What the 任务 list shows, as the address bar carries it (<c>?year=2026&amp;unit=7&amp;status=open&amp;sort=unit&amp;page=2</c>),
/// so a list can be bookmarked and the back button returns to it. A missing value is the default: the current year
/// (<c>year=all</c> for every year), every unit the user may see (a unit user's own units), every state, soonest
/// deadline first. Anything unreadable is the default too, never an error.
/// </summary>
public sealed record AssignmentListFilter(int? Year, int? UnitId = null, AssignmentListStatus Status = AssignmentListStatus.All, AssignmentListSort Sort = AssignmentListSort.DueDate)
{
    public const string AllYears = "all";

    private static readonly (AssignmentListStatus Status, string Query, string Name)[] Statuses =
    [
        (AssignmentListStatus.All, "", "全部状态"),
        (AssignmentListStatus.Open, "open", "未办结"),
        (AssignmentListStatus.Overdue, "overdue", "已逾期"),
        (AssignmentListStatus.AwaitingReview, "review", "待审核"),
        (AssignmentListStatus.Closed, "closed", "已办结"),
    ];

    private static readonly (AssignmentListSort Sort, string Query, string Name)[] Sorts =
    [
        (AssignmentListSort.DueDate, "", "按完成时限"),
        (AssignmentListSort.Task, "task", "按计划和序号"),
        (AssignmentListSort.Unit, "unit", "按承办单位"),
    ];

    public static IEnumerable<(string Query, string Name)> StatusChoices => Statuses.Select(s => (s.Query, s.Name));

    public static IEnumerable<(string Query, string Name)> SortChoices => Sorts.Select(s => (s.Query, s.Name));

    /// <summary>The default list of a year: the user's units, every state, soonest deadline first.</summary>
    public static AssignmentListFilter Default(int currentYear) => new(currentYear);

    /// <summary>Reads the query string's values; <paramref name="currentYear"/> is the year shown when none is asked for.</summary>
    public static AssignmentListFilter FromQuery(string? year, string? unit, string? status, string? sort, int currentYear) =>
        new(YearFrom(year, currentYear), IdFrom(unit),
            Statuses.FirstOrDefault(s => s.Query.Length > 0 && string.Equals(s.Query, status, StringComparison.OrdinalIgnoreCase)).Status,
            Sorts.FirstOrDefault(s => s.Query.Length > 0 && string.Equals(s.Query, sort, StringComparison.OrdinalIgnoreCase)).Sort);

    public string StatusQuery => Statuses.First(s => s.Status == Status).Query;

    public string SortQuery => Sorts.First(s => s.Sort == Sort).Query;

    public string StatusName => Statuses.First(s => s.Status == Status).Name;

    public bool IsDefault(int currentYear) => this == Default(currentYear);

    private static int? YearFrom(string? query, int currentYear)
    {
        if (string.Equals(query, AllYears, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return int.TryParse(query, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 2000 and <= 2100 ? year : currentYear;
    }

    private static int? IdFrom(string? query) =>
        int.TryParse(query, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;
}

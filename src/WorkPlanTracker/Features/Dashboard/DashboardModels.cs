using WorkPlanTracker.Domain;

namespace WorkPlanTracker.Features.Dashboard;

/// <summary>Which slice of the tracked work a dashboard shows: one year's published plans, or one plan of that year.</summary>
public sealed record DashboardScope(int Year, int? PlanId = null);

public sealed record PlanChoice(int Id, string Title);

public sealed record Overview(
    DashboardScope Scope,
    DateOnly Today,
    IReadOnlyList<PlanChoice> Plans,
    IReadOnlyDictionary<TaskStanding, int> Tasks,
    int TaskCount,
    int AssignmentCount,
    int ClosedAssignments,
    int ClosedOnTime,
    int OverdueAssignments,
    IReadOnlyList<SectionLight> Sections,
    IReadOnlyList<DueItem> Upcoming,
    int UpcomingCount,
    IReadOnlyList<DueItem> Overdue,
    int OverdueCount)
{
    /// <summary>Share of closed assignments closed by their original deadline; null when nothing is closed yet.</summary>
    public double? OnTimeShare => ClosedAssignments == 0 ? null : (double)ClosedOnTime / ClosedAssignments;
}

/// <summary>A plan section's 红黄绿灯: the worst light of its open tasks' assignments (red over yellow over green; done when every task is closed).</summary>
public sealed record SectionLight(int? SectionId, int PlanId, string PlanTitle, string Path, string Title, int Tasks, int ClosedTasks, int OverdueTasks, TrafficLight Light);

/// <summary>One assignment on the upcoming or overdue list. <see cref="DaysLate"/> is negative for days left.</summary>
public sealed record DueItem(int AssignmentId, int TaskId, string TaskPath, string TaskTitle, string UnitName, DateOnly DueDate, int DaysLate, bool EscalationSent);

public sealed record UnitRanking(DashboardScope Scope, AssessmentWeights Weights, IReadOnlyList<UnitScore> Units);

/// <summary>A unit's figures; <see cref="Returns"/> counts every 退回 of its reports and completion requests.</summary>
public sealed record UnitScore(
    int UnitId, string UnitName, int Assignments, int Closed, int ClosedOnTime, int Overdue, int Reports, int ReportsOnTime, int Returns, double Score)
{
    public int Rank { get; init; }

    public double ClosedRate => Rate(Closed, Assignments);
    public double OnTimeRate => Rate(ClosedOnTime, Closed);
    public double ReportsOnTimeRate => Rate(ReportsOnTime, Reports);
    public double OverdueRate => Rate(Overdue, Assignments);
    /// <summary>退回 per report; a returned completion request counts too, so it is capped at 1.</summary>
    public double ReturnedRate => Math.Min(1, Rate(Returns, Reports));

    public static double Rate(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}

/// <summary>Month by month through a year: how many assignments were due by the end of the month, closed by then, overdue then.</summary>
public sealed record Trend(DashboardScope Scope, IReadOnlyList<TrendMonth> Months, IReadOnlyList<TrendMonth> PreviousYear, int Assignments, int PreviousYearAssignments);

/// <summary>Cumulative figures at the end of <see cref="Month"/> (China dates): due so far, closed so far, overdue at month end. A month not yet begun is <see cref="IsFuture"/>: no figures.</summary>
public sealed record TrendMonth(int Month, int Due, int Closed, int ClosedInMonth, int OverdueAtEnd, int Assignments, bool IsFuture = false)
{
    public double ClosedShare => Assignments == 0 ? 0 : (double)Closed / Assignments;
}

/// <summary>What a drill-down list shows; every figure on the dashboards links to one.</summary>
public enum DrillShow
{
    Tasks,
    Assignments,
    ClosedAssignments,
    ClosedOnTime,
    OverdueAssignments,
    UpcomingAssignments,
    Reports,
    ReportsOnTime,

    /// <summary>Assignments the office sent back at least once (a report or a completion request); the name stays for bookmarked links.</summary>
    ReturnedReports,
    ClosedInMonth,
    OverdueAtMonthEnd,
}

/// <summary>The filter of a drill-down list, carried in the query string so a list can be bookmarked and printed.</summary>
public sealed record DrillFilter(int Year, DrillShow Show, int? PlanId = null, int? UnitId = null, int? SectionId = null, TaskStanding? Standing = null, int? Month = null)
{
    public string ToQuery()
    {
        var parts = new List<string> { $"year={Year}", $"show={Show}" };
        if (PlanId is { } plan)
        {
            parts.Add($"plan={plan}");
        }

        if (UnitId is { } unit)
        {
            parts.Add($"unit={unit}");
        }

        if (SectionId is { } section)
        {
            parts.Add($"section={section}");
        }

        if (Standing is { } standing)
        {
            parts.Add($"standing={standing}");
        }

        if (Month is { } month)
        {
            parts.Add($"month={month}");
        }

        return "dashboard/list?" + string.Join("&", parts);
    }
}

/// <summary>One page (<paramref name="Page"/>, counted from 1) of a drill-down list of <paramref name="Total"/> rows.</summary>
public sealed record DrillList(DrillFilter Filter, string Title, int Total, IReadOnlyList<DrillRow> Rows, int Page = 1, int PageSize = WorkPlanTracker.Shared.Paging.DefaultPageSize)
{
    public int PageCount => WorkPlanTracker.Shared.Paging.PageCount(PageSize, Total);
}

/// <summary>One line of a drill-down: a task (with a link per unit) or an assignment or report (one link).</summary>
public sealed record DrillRow(int TaskId, string PlanTitle, string TaskPath, string TaskTitle, string Detail, DateOnly? Date, IReadOnlyList<DrillLink> Links);

public sealed record DrillLink(int AssignmentId, string UnitName, AssignmentStatus Status);

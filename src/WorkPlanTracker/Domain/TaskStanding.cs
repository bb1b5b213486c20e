namespace WorkPlanTracker.Domain;

/// <summary>A task's standing, the one meaning of 已办结 / 推进中 / 已逾期 / 持续推进 / 未分派 for the dashboards and the ledgers alike (see <see cref="TaskStandings.Of"/>).</summary>
public enum TaskStanding
{
    /// <summary>每个牵头单位已办结 (with no lead, every unit).</summary>
    Closed = 0,

    /// <summary>Not closed, dated, none of its assignments past its due date.</summary>
    InProgress = 1,

    /// <summary>Not closed and some assignment past its due date.</summary>
    Overdue = 2,

    /// <summary>持续推进: no end date, not closed.</summary>
    Ongoing = 3,

    /// <summary>Published but given to no unit yet.</summary>
    Unassigned = 4,
}

public static class TaskStandingNames
{
    public static string Of(TaskStanding standing) => standing switch
    {
        TaskStanding.Closed => "已办结",
        TaskStanding.InProgress => "推进中",
        TaskStanding.Overdue => "已逾期",
        TaskStanding.Ongoing => "持续推进",
        TaskStanding.Unassigned => "未分派",
        _ => standing.ToString(),
    };
}

/// <summary>The one rule that gives a task (or one assignment) its standing.</summary>
public static class TaskStandings
{
    /// <summary>Closed first, then overdue, then ongoing (持续推进, no end date), else in progress; unassigned before all.</summary>
    public static TaskStanding Of(bool assigned, bool closed, bool overdue, bool ongoing) =>
        !assigned ? TaskStanding.Unassigned
        : closed ? TaskStanding.Closed
        : overdue ? TaskStanding.Overdue
        : ongoing ? TaskStanding.Ongoing
        : TaskStanding.InProgress;
}

namespace WorkPlanTracker.Domain;

/// <summary>
/// A task's standing rolled up from its assignments (see <see cref="RollUp"/>).
/// <see cref="Status"/> is null when the task has no assignments yet.
/// </summary>
public sealed record TaskProgress(AssignmentStatus? Status, bool IsOverdue, int AssignmentCount, int ClosedCount)
{
    /// <summary>
    /// The task is Closed only when every lead assignment is Closed (办结 by the office; with no lead assignment,
    /// every assignment). Otherwise it shows the least advanced status of all its assignments, in the order
    /// Assigned &lt; Acknowledged &lt; Returned &lt; ExtensionRequested &lt; InProgress &lt; CompletionRequested &lt; Closed.
    /// <see cref="IsOverdue"/>: the task is not closed and some assignment is overdue on <paramref name="today"/>.
    /// </summary>
    public static TaskProgress RollUp(IEnumerable<TaskAssignment> assignments, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(assignments);
        var all = assignments.ToList();
        if (all.Count == 0)
        {
            return new TaskProgress(null, false, 0, 0);
        }

        var closedCount = all.Count(a => a.Status == AssignmentStatus.Closed);
        var answering = all.Where(a => a.Role == AssignmentRole.Lead).ToList();
        if (answering.Count == 0)
        {
            answering = all;
        }

        if (answering.TrueForAll(a => a.Status == AssignmentStatus.Closed))
        {
            return new TaskProgress(AssignmentStatus.Closed, false, all.Count, closedCount);
        }

        var least = all.Select(a => a.Status).MinBy(Advancement);
        return new TaskProgress(least, all.Exists(a => a.IsOverdue(today)), all.Count, closedCount);
    }

    /// <summary>The task's standing (<see cref="TaskStandings.Of"/>): what 推进中 and the rest mean everywhere.</summary>
    public TaskStanding StandingOf(bool ongoing) =>
        TaskStandings.Of(AssignmentCount > 0, Status == AssignmentStatus.Closed, IsOverdue, ongoing);

    /// <summary>How far along a status is, for "least advanced": 0 for Assigned up to 6 for Closed.</summary>
    public static int Advancement(AssignmentStatus status) => status switch
    {
        AssignmentStatus.Assigned => 0,
        AssignmentStatus.Acknowledged => 1,
        AssignmentStatus.Returned => 2,
        AssignmentStatus.ExtensionRequested => 3,
        AssignmentStatus.InProgress => 4,
        AssignmentStatus.CompletionRequested => 5,
        AssignmentStatus.Closed => 6,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown assignment status."),
    };
}

namespace WorkPlanTracker.Domain;

/// <summary>交办: one task given to one unit in one role, with its own status and reports.</summary>
public class TaskAssignment : IAudited
{
    public int Id { get; set; }
    public int TaskId { get; set; }
    public WorkTask? Task { get; set; }
    public int OrgUnitId { get; set; }
    public OrgUnit? OrgUnit { get; set; }
    public AssignmentRole Role { get; set; }
    public AssignmentStatus Status { get; set; } = AssignmentStatus.Assigned;
    public DateTime AssignedAtUtc { get; set; }
    public List<ProgressReport> Reports { get; set; } = [];
}

public enum AssignmentStatus
{
    Assigned = 0,
    Acknowledged = 1,
    InProgress = 2,
    CompletionRequested = 3,
    Closed = 4,
    Returned = 5,
    ExtensionRequested = 6,
}

namespace WorkPlanTracker.Domain;

/// <summary>
/// 延期申请: a unit asks for a later date with a reason; the office approves (possibly with another date) or refuses
/// with a reason. Created and decided only through <see cref="TaskAssignment"/>'s methods; kept as history.
/// </summary>
public class ExtensionRequest : IAudited
{
    public int Id { get; set; }
    public int AssignmentId { get; set; }
    public TaskAssignment? Assignment { get; set; }

    /// <summary>The date the unit asked for.</summary>
    public DateOnly RequestedDate { get; set; }
    public string Reason { get; set; } = "";
    public ExtensionStatus Status { get; set; } = ExtensionStatus.Pending;
    public DateTime RequestedAtUtc { get; set; }
    public DateTime? DecidedAtUtc { get; set; }

    /// <summary>The assignment's due date when the request was made.</summary>
    public DateOnly? DueDateBefore { get; set; }

    /// <summary>The date the office granted (may differ from <see cref="RequestedDate"/>).</summary>
    public DateOnly? ApprovedDate { get; set; }

    /// <summary>Why the office refused.</summary>
    public string? RefusalReason { get; set; }
}

public enum ExtensionStatus
{
    Pending = 0,
    Approved = 1,
    Refused = 2,
}

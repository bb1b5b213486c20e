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
    public DateOnly RequestedDate { get; private set; }
    public string Reason { get; private set; } = "";
    public ExtensionStatus Status { get; private set; } = ExtensionStatus.Pending;
    public DateTime RequestedAtUtc { get; private set; }
    public DateTime? DecidedAtUtc { get; private set; }

    /// <summary>The assignment's due date when the request was made.</summary>
    public DateOnly? DueDateBefore { get; private set; }

    /// <summary>The date the office granted (may differ from <see cref="RequestedDate"/>).</summary>
    public DateOnly? ApprovedDate { get; private set; }

    /// <summary>Why the office refused.</summary>
    public string? RefusalReason { get; private set; }

    /// <summary>A pending request of <paramref name="assignment"/>; <see cref="TaskAssignment.RequestExtension"/> checks the dates first.</summary>
    internal static ExtensionRequest Open(TaskAssignment assignment, DateOnly requestedDate, string reason, DateTime nowUtc) => new()
    {
        AssignmentId = assignment.Id,
        Assignment = assignment,
        RequestedDate = requestedDate,
        Reason = reason.Trim(),
        RequestedAtUtc = nowUtc,
        DueDateBefore = assignment.DueDate,
    };

    /// <summary>同意延期 to <paramref name="date"/>. A request is decided once.</summary>
    internal void Approve(DateOnly date, DateTime nowUtc)
    {
        EnsurePending();
        Status = ExtensionStatus.Approved;
        ApprovedDate = date;
        DecidedAtUtc = nowUtc;
    }

    /// <summary>不同意延期, with the reason. A request is decided once.</summary>
    internal void Refuse(string reason, DateTime nowUtc)
    {
        EnsurePending();
        Status = ExtensionStatus.Refused;
        RefusalReason = reason;
        DecidedAtUtc = nowUtc;
    }

    private void EnsurePending()
    {
        if (Status != ExtensionStatus.Pending)
        {
            throw DomainRuleException.StateConflict("该延期申请已审核，不能重复审核");
        }
    }
}

public enum ExtensionStatus
{
    Pending = 0,
    Approved = 1,
    Refused = 2,
}

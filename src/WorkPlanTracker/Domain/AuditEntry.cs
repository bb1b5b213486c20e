namespace WorkPlanTracker.Domain;

/// <summary>One recorded change: who, when, what it was before and after. Written by the data layer, never edited.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    public string UserName { get; set; } = "";
    public string EntityType { get; set; } = "";
    public string EntityId { get; set; } = "";
    public AuditAction Action { get; set; }

    /// <summary>JSON object of the changed properties' old values (null when added).</summary>
    public string? Before { get; set; }

    /// <summary>JSON object of the changed properties' new values (null when deleted).</summary>
    public string? After { get; set; }

    /// <summary>Why the change was made, when the person had to say (moving a deadline, removing a unit).</summary>
    public string? Reason { get; set; }
}

public enum AuditAction
{
    Added = 0,
    Modified = 1,
    Deleted = 2,
}

/// <summary>Marks entities whose every change goes into the audit trail.</summary>
public interface IAudited;

namespace WorkPlanTracker.Domain;

/// <summary>
/// A unit or unit group as the plan names it for one task, in one role. Publishing turns parties into
/// <see cref="TaskAssignment"/>s, a group fanning out to its member units.
/// </summary>
public class TaskParty : IAudited
{
    public int Id { get; set; }
    public int TaskId { get; set; }
    public WorkTask? WorkTask { get; set; }
    public AssignmentRole Role { get; set; }

    /// <summary>The name exactly as the plan writes it (simplified), kept even when matched to the directory.</summary>
    public string NameAsWritten { get; set; } = "";

    public int? OrgUnitId { get; set; }
    public OrgUnit? OrgUnit { get; set; }
    public int? UnitGroupId { get; set; }
    public UnitGroup? UnitGroup { get; set; }
    public int SortOrder { get; set; }

    public string DisplayName => OrgUnit?.Name ?? UnitGroup?.Name ?? NameAsWritten;
}

public enum AssignmentRole
{
    /// <summary>牵头单位: answers for the task.</summary>
    Lead = 0,

    /// <summary>责任 / 配合单位: carries out a part.</summary>
    Supporting = 1,
}

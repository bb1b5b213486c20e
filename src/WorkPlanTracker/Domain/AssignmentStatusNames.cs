namespace WorkPlanTracker.Domain;

/// <summary>The words offices use for an assignment's status and role, the same on every page, ledger and notice.</summary>
public static class AssignmentStatusNames
{
    /// <summary>牵头 or 配合, as tables and records name a unit's part in a task.</summary>
    public static string ChineseName(this AssignmentRole role) => role == AssignmentRole.Lead ? "牵头" : "配合";

    public static string ChineseName(this AssignmentStatus status) => status switch
    {
        AssignmentStatus.Assigned => "待签收",
        AssignmentStatus.Acknowledged => "已签收",
        AssignmentStatus.InProgress => "推进中",
        AssignmentStatus.CompletionRequested => "申请办结",
        AssignmentStatus.Closed => "已办结",
        AssignmentStatus.Returned => "已退回",
        AssignmentStatus.ExtensionRequested => "申请延期",
        _ => status.ToString(),
    };
}

namespace WorkPlanTracker.Domain;

/// <summary>
/// A message to a unit in the app (e.g. "this plan was published, you carry 3 tasks"): written once per unit
/// and event, never once per task, so publishing a plan does not flood anyone. Reminder delivery builds on it.
/// </summary>
public class UnitNotice
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public OrgUnit? OrgUnit { get; set; }
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";

    /// <summary>App-relative address the notice points to, e.g. "assignments".</summary>
    public string Link { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
}

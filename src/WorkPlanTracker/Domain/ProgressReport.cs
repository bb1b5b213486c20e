namespace WorkPlanTracker.Domain;

/// <summary>进展情况: what a unit did in one reporting cycle, with evidence.</summary>
public class ProgressReport : IAudited
{
    public int Id { get; set; }
    public int AssignmentId { get; set; }
    public TaskAssignment? Assignment { get; set; }
    public DateTime ReportedAtUtc { get; set; }
    public string Progress { get; set; } = "";
    public int? PercentComplete { get; set; }
    public string? Problems { get; set; }
    public string? NextSteps { get; set; }

    /// <summary>佐证材料: links to published pages or stored files.</summary>
    public List<string> EvidenceLinks { get; set; } = [];
}

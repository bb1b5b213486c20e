namespace WorkPlanTracker.Domain;

/// <summary>A numbered heading of the plan (一、… / (一)…) that holds tasks or further sections.</summary>
public class PlanSection : IAudited
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public WorkPlan? Plan { get; set; }
    public int? ParentId { get; set; }
    public PlanSection? Parent { get; set; }
    public List<PlanSection> Children { get; set; } = [];

    /// <summary>Place in the document's numbering, e.g. "一" or "一.(二)".</summary>
    public string Path { get; set; } = "";
    public string Title { get; set; } = "";
    public int SortOrder { get; set; }
}

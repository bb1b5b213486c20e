namespace WorkPlanTracker.Domain;

/// <summary>One numbered item of a plan that carries work. Named WorkTask so it never clashes with System.Threading.Tasks.Task.</summary>
public class WorkTask : IAudited
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public WorkPlan? Plan { get; set; }
    public int? SectionId { get; set; }
    public PlanSection? Section { get; set; }

    /// <summary>Place in the document's numbering, e.g. "一.(一).1", "一.(一).1#2" for a follow-on paragraph.</summary>
    public string Path { get; set; } = "";
    public string Title { get; set; } = "";
    public string Text { get; set; } = "";
    public int SortOrder { get; set; }

    public DateOnly? Deadline { get; set; }
    public string? DeadlineText { get; set; }

    /// <summary>持续推进 / 长期坚持 / 常态化: no end date, reported every cycle, never overdue by date.</summary>
    public bool Ongoing { get; set; }

    public List<Milestone> Milestones { get; set; } = [];

    /// <summary>Who the plan names for this task, as written (before assignments fan groups out to units).</summary>
    public List<TaskParty> Parties { get; set; } = [];

    public List<TaskAssignment> Assignments { get; set; } = [];

    public IEnumerable<TaskParty> LeadParties => Parties.Where(p => p.Role == AssignmentRole.Lead).OrderBy(p => p.SortOrder);
    public IEnumerable<TaskParty> SupportingParties => Parties.Where(p => p.Role == AssignmentRole.Supporting).OrderBy(p => p.SortOrder);

    /// <summary>Past its deadline on <paramref name="today"/>. Ongoing tasks and tasks without a date are never overdue by date.</summary>
    public bool IsOverdueOn(DateOnly today) => !Ongoing && Deadline is { } due && today > due;

    /// <summary>Whole days left until the deadline (negative when late); null for ongoing tasks and tasks without a date.</summary>
    public int? DaysUntilDeadline(DateOnly today) =>
        Ongoing || Deadline is not { } due ? null : due.DayNumber - today.DayNumber;
}

/// <summary>A dated step inside a task's text, e.g. "2020年9月底前完成汇总".</summary>
public class Milestone
{
    public DateOnly Date { get; set; }
    public string Text { get; set; } = "";
}

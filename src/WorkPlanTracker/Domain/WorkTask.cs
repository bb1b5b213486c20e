namespace WorkPlanTracker.Domain;

/// <summary>One numbered item of a plan that carries work. Named WorkTask so it never clashes with System.Threading.Tasks.Task.</summary>
public class WorkTask : IAudited, IVersioned
{
    public int Id { get; set; }

    /// <summary>Changes on every edit of the task; see <see cref="IVersioned"/>.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

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

    /// <summary>This task's own reporting cycle when it differs from the plan's; null follows the plan.</summary>
    public ReportingCycleKind? ReportingCycleKind { get; set; }

    /// <summary>Day of the month for an overriding monthly or quarterly cycle; null otherwise.</summary>
    public int? ReportingDay { get; set; }

    /// <summary>The overriding cycle rebuilt from its columns, or null when the plan's applies; setting it writes both.</summary>
    public ReportingCycle? ReportingCycleOverride
    {
        get => ReportingCycleKind is { } kind ? ReportingCycle.From(kind, ReportingDay ?? 0) : null;
        set
        {
            ReportingCycleKind = value?.Kind;
            ReportingDay = value is { Day: > 0 } cycle ? cycle.Day : null;
        }
    }

    /// <summary>The milestone dates, for <see cref="ReportingCycle.NextDueOn"/>.</summary>
    public IReadOnlyList<DateOnly> MilestoneDates => Milestones.Select(m => m.Date).ToList();

    public List<Milestone> Milestones { get; set; } = [];

    /// <summary>Who the plan names for this task, as written (before assignments fan groups out to units).</summary>
    public List<TaskParty> Parties { get; set; } = [];

    public List<TaskAssignment> Assignments { get; set; } = [];

    /// <summary>Set on a sub-task the office split off this task for one unit (path "一.3-1").</summary>
    public int? ParentTaskId { get; set; }

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

namespace WorkPlanTracker.Domain;

/// <summary>One published plan of one issuer for one year (工作要点 / 任务分工方案 / 任务分解表).</summary>
public class WorkPlan : IAudited, IVersioned
{
    public int Id { get; set; }

    /// <summary>Changes on every edit of the plan's own fields; see <see cref="IVersioned"/>.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public int Year { get; set; }
    public string Title { get; set; } = "";
    public string? Issuer { get; set; }
    public string? DocumentNumber { get; set; }
    public DateOnly? IssuedOn { get; set; }
    public PlanStatus Status { get; set; } = PlanStatus.Draft;

    /// <summary>File the plan was imported from; its text is in <see cref="Source"/>, loaded only where it is read.</summary>
    public string? SourceFileName { get; set; }
    public PlanSource? Source { get; set; }
    public DateTime ImportedAtUtc { get; set; }

    /// <summary>The plan's reporting cycle (报送周期), stored as these two columns; tasks may override it.</summary>
    public ReportingCycleKind ReportingCycleKind { get; set; }

    /// <summary>Day of the month for monthly and quarterly cycles; null otherwise.</summary>
    public int? ReportingDay { get; set; }

    /// <summary>The cycle rebuilt from its columns; setting it writes both.</summary>
    public ReportingCycle ReportingCycle
    {
        get => ReportingCycle.From(ReportingCycleKind, ReportingDay ?? 0);
        set
        {
            ReportingCycleKind = value.Kind;
            ReportingDay = value.Day == 0 ? null : value.Day;
        }
    }

    public List<PlanSection> Sections { get; set; } = [];
    public List<WorkTask> Tasks { get; set; } = [];

    /// <summary>Display name a person recognises: the title, falling back to issuer and year.</summary>
    public string DisplayTitle => string.IsNullOrWhiteSpace(Title) ? $"{Issuer}{Year}年工作计划" : Title;
}

public enum PlanStatus
{
    Draft = 0,
    Published = 1,
    Archived = 2,
}

namespace WorkPlanTracker.Features.Import;

/// <summary>
/// What the importer read from a published plan, before anything is saved. Its JSON form is the
/// contract of the <c>import --json</c> CLI verb (see docs/CLI.md): keep property names stable.
/// </summary>
public sealed class ParsedPlan
{
    public string Title { get; set; } = "";
    public string? Issuer { get; set; }
    public int? Year { get; set; }
    public string? DocumentNumber { get; set; }
    public DateOnly? IssuedOn { get; set; }

    /// <summary>Numbered headings that hold tasks but carry no work themselves (一、…, (一)…).</summary>
    public List<ParsedSection> Sections { get; set; } = [];

    public List<ParsedTask> Tasks { get; set; } = [];
    public List<ImportWarning> Warnings { get; set; } = [];
}

public sealed class ParsedSection
{
    /// <summary>Same path syntax as tasks: "一", "一.(二)".</summary>
    public string Path { get; set; } = "";
    public string Title { get; set; } = "";
}

public sealed class ParsedTask
{
    /// <summary>Segments joined by '.', each as the document numbers it with ASCII parentheses: 一, (一), 1, (1); "#2" for follow-on paragraphs.</summary>
    public string Path { get; set; } = "";
    public string Title { get; set; } = "";
    public string Text { get; set; } = "";
    public List<string> LeadUnits { get; set; } = [];
    public List<string> SupportingUnits { get; set; } = [];

    /// <summary>
    /// In a plan that states roles nowhere (no note, column or duty sentence), the bodies the task's sentences make
    /// responsible ("各县（区）人民政府要…"): a proposal the reviewer adopts with one click, not the task's units, since
    /// a plan that names no units has not assigned the work (the corpus keys read such plans with no units).
    /// </summary>
    public List<string> SuggestedLeadUnits { get; set; } = [];

    /// <summary>The helpers those sentences name ("…，Y配合"), adopted together with <see cref="SuggestedLeadUnits"/>.</summary>
    public List<string> SuggestedSupportingUnits { get; set; } = [];

    public DateOnly? Deadline { get; set; }
    public string? DeadlineText { get; set; }
    public bool Ongoing { get; set; }
    public List<ParsedMilestone> Milestones { get; set; } = [];
}

public sealed class ParsedMilestone
{
    public DateOnly Date { get; set; }
    public string Text { get; set; } = "";
}

public sealed class ImportWarning
{
    /// <summary>Task or section path the warning is about; empty for the whole document.</summary>
    public string Path { get; set; } = "";
    public string Message { get; set; } = "";
}

public sealed class PlanParseOptions
{
    /// <summary>Overrides the plan year when the document does not say it (CLI <c>--year</c>).</summary>
    public int? Year { get; set; }
}

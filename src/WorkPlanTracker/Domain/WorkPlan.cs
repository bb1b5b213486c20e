using System.Linq.Expressions;

namespace WorkPlanTracker.Domain;

/// <summary>One published plan of one issuer for one year (工作要点 / 任务分工方案 / 任务分解表).</summary>
public class WorkPlan : IAudited, IVersioned
{
    public int Id { get; set; }

    /// <summary>Changes on every edit of the plan's own fields; see <see cref="IVersioned"/>.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    public int Year { get; set; }
    public string Title { get; set; } = "";
    public string? Issuer { get; set; }
    public string? DocumentNumber { get; set; }
    public DateOnly? IssuedOn { get; set; }
    /// <summary>Draft until <see cref="Publish"/>, Archived after <see cref="Archive"/>; only published and archived plans count.</summary>
    public PlanStatus Status { get; private set; } = PlanStatus.Draft;

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

    /// <summary>
    /// The key of the plan's public progress page (/public/plans/{key}): random, made on the first opening and kept
    /// when the page is closed and opened again, so the address the portal links to stays the same. Never the id.
    /// </summary>
    public string? PublicKey { get; private set; }

    /// <summary>The office has opened the public progress page (公开); off by default.</summary>
    public bool IsPublic { get; private set; }

    /// <summary>
    /// 上级计划: the plan of the level above, imported to answer for its tasks (linked to this office's own tasks or
    /// given to units one by one), never published as a whole; see <see cref="MarkAsUpperPlan"/>.
    /// </summary>
    public bool IsUpperPlan { get; private set; }

    /// <summary>
    /// Work given from the plan is being done now, so units are chased (reminders) and told of changes (notices): a
    /// published plan, and an upper plan, which is never published but whose tasks the office gives to its units one by
    /// one (直接交办), until archived. One rule, as an expression the queries give to EF and as <see cref="IsLiveWork"/>.
    /// </summary>
    public static Expression<Func<WorkPlan, bool>> LiveWork { get; } =
        p => p.Status == PlanStatus.Published || (p.IsUpperPlan && p.Status != PlanStatus.Archived);

    /// <summary>
    /// The plan's work is on record (dashboards, year lists, year-over-year, the annual report): published or archived,
    /// and an upper plan, whose directly assigned tasks are real work of this office's units; a draft never counts.
    /// </summary>
    public static Expression<Func<WorkPlan, bool>> OnRecord { get; } =
        p => p.Status != PlanStatus.Draft || p.IsUpperPlan;

    private static readonly Func<WorkPlan, bool> IsLive = LiveWork.Compile();

    /// <inheritdoc cref="LiveWork"/>
    public bool IsLiveWork => IsLive(this);

    public List<PlanSection> Sections { get; set; } = [];
    public List<WorkTask> Tasks { get; set; } = [];

    /// <summary>Display name a person recognises: the title, falling back to issuer and year.</summary>
    public string DisplayTitle => DisplayTitleOf(Title, Issuer, Year);

    /// <summary>The title as pages show it, from the columns alone (for lists read without loading plans).</summary>
    public static string DisplayTitleOf(string title, string? issuer, int year) =>
        string.IsNullOrWhiteSpace(title) ? $"{issuer}{year}年工作计划" : title;

    /// <inheritdoc cref="IVersioned.MarkChanged"/>
    public void MarkChanged() => Version = Guid.NewGuid();

    /// <summary>
    /// 发布: the plan counts from now on (dashboards, reminders, ledgers). Publishing a published plan again is allowed:
    /// it only adds the assignments still missing. An archived plan is closed for good and is not published again.
    /// </summary>
    public void Publish()
    {
        if (Status == PlanStatus.Archived)
        {
            throw DomainRuleException.StateConflict("计划已归档，不能再发布或补充分派。");
        }

        if (IsUpperPlan)
        {
            // Its units are the upper level's (各市政府, 省直各部门): publishing would hand its tasks to the wrong people.
            throw DomainRuleException.StateConflict("上级计划不整体发布：请在“上级计划”页面把各项任务关联到本级任务，或逐项交办给本级单位。");
        }

        Status = PlanStatus.Published;
    }

    /// <summary>
    /// 开启公开: the plan's public progress page answers at its key; <paramref name="newKey"/> is used only when the plan
    /// has none yet. A draft was never in force and is not shown to the public.
    /// </summary>
    public void OpenToPublic(string newKey)
    {
        if (Status == PlanStatus.Draft)
        {
            throw DomainRuleException.StateConflict("草稿计划尚未发布，不能公开；请先发布计划。");
        }

        if (IsPublic)
        {
            throw DomainRuleException.StateConflict("公开进展页已开启，无需重复开启。");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(newKey);
        PublicKey ??= newKey;
        IsPublic = true;
    }

    /// <summary>停止公开: the page answers 404 from now on; the key is kept for a later reopening.</summary>
    public void CloseToPublic()
    {
        if (!IsPublic)
        {
            throw DomainRuleException.StateConflict("公开进展页尚未开启。");
        }

        IsPublic = false;
    }

    /// <summary>
    /// 设为上级计划: only a draft nobody carries yet, since its tasks then stop being this office's own work.
    /// Needs <see cref="Tasks"/> and their assignments loaded.
    /// </summary>
    public void MarkAsUpperPlan()
    {
        if (IsUpperPlan)
        {
            throw DomainRuleException.StateConflict("这个计划已是上级计划。");
        }

        if (Status != PlanStatus.Draft || Tasks.Any(t => t.Assignments.Count > 0))
        {
            throw DomainRuleException.StateConflict("只有尚未发布、尚未分派的草稿计划可以设为上级计划。");
        }

        IsUpperPlan = true;
    }

    /// <summary>归档: a published plan whose year is over is kept as a record; a draft was never in force and is deleted instead.</summary>
    public void Archive()
    {
        switch (Status)
        {
            case PlanStatus.Draft:
                throw DomainRuleException.StateConflict("草稿计划尚未发布，不能归档。");
            case PlanStatus.Archived:
                throw DomainRuleException.StateConflict("计划已归档，无需重复归档。");
            default:
                Status = PlanStatus.Archived;
                break;
        }
    }
}

public enum PlanStatus
{
    Draft = 0,
    Published = 1,
    Archived = 2,
}

using System.Linq.Expressions;

namespace WorkPlanTracker.Domain;

/// <summary>One numbered item of a plan that carries work. Named WorkTask so it never clashes with System.Threading.Tasks.Task.</summary>
public class WorkTask : IAudited, IVersioned
{
    public int Id { get; set; }

    /// <summary>Changes on every edit of the task; see <see cref="IVersioned"/>.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    public int PlanId { get; set; }
    public WorkPlan? Plan { get; set; }
    public int? SectionId { get; set; }
    public PlanSection? Section { get; set; }

    /// <summary>Place in the document's numbering, e.g. "一.(一).1", "一.(一).1#2" for a follow-on paragraph.</summary>
    public string Path { get; set; } = "";
    public string Title { get; set; } = "";
    public string Text { get; set; } = "";
    public int SortOrder { get; set; }

    /// <summary>完成时限. Set through <see cref="SetDeadlineAsWritten"/> or <see cref="ChangeDeadline"/>, which carry it to the assignments.</summary>
    public DateOnly? Deadline { get; private set; }

    /// <summary>The deadline in the document's words ("2024年12月底前", "持续推进").</summary>
    public string? DeadlineText { get; private set; }

    /// <summary>持续推进 / 长期坚持 / 常态化: no end date, reported every cycle, never overdue by date.</summary>
    public bool Ongoing { get; private set; }

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

    /// <summary>
    /// The task counts as this office's work (<see cref="WorkPlan.OnRecord"/>), except an upper plan's task given to no
    /// unit here: it is answered through the office's own linked tasks, so it is neither unassigned work nor counted twice.
    /// </summary>
    public static Expression<Func<WorkTask, bool>> OnRecord { get; } =
        t => (t.Plan!.Status != PlanStatus.Draft && !t.Plan.IsUpperPlan) || (t.Plan.IsUpperPlan && t.Assignments.Any());

    /// <summary>
    /// For a task of an upper plan: the office's own words for the upward report (上报内容), edited from the rolled-up
    /// progress; null means the rolled-up text goes out as it is.
    /// </summary>
    public string? UpwardReportText { get; set; }

    /// <summary>Set on a sub-task the office split off this task for one unit (path "一.3-1").</summary>
    public int? ParentTaskId { get; set; }

    public IEnumerable<TaskParty> LeadParties => Parties.Where(p => p.Role == AssignmentRole.Lead).OrderBy(p => p.SortOrder);
    public IEnumerable<TaskParty> SupportingParties => Parties.Where(p => p.Role == AssignmentRole.Supporting).OrderBy(p => p.SortOrder);

    /// <summary>Past its deadline on <paramref name="today"/>. Ongoing tasks and tasks without a date are never overdue by date.</summary>
    public bool IsOverdueOn(DateOnly today) => !Ongoing && Deadline is { } due && today > due;

    /// <summary>Whole days left until the deadline (negative when late); null for ongoing tasks and tasks without a date.</summary>
    public int? DaysUntilDeadline(DateOnly today) =>
        Ongoing || Deadline is not { } due ? null : due.DayNumber - today.DayNumber;

    /// <summary>Every unit that carries the task has had it closed (办结); a task nobody carries is not closed.</summary>
    public bool IsClosed => Assignments.Count > 0 && Assignments.All(a => a.Status == AssignmentStatus.Closed);

    /// <summary>The task of an earlier year this one continues (结转 or linked on import); null for new work.</summary>
    public int? PreviousTaskId { get; set; }

    /// <summary>How the year ended for a task not closed: carried into next year (结转) or closed as 未完成; None while open.</summary>
    public YearEndOutcome YearEndOutcome { get; private set; }

    /// <summary>Why the office closed it as 未完成, or where it was carried to.</summary>
    public string? YearEndNote { get; private set; }

    public DateTime? YearEndAtUtc { get; private set; }

    /// <summary>Closed for its year one way or another: done by every unit, carried, or closed as 未完成.</summary>
    public bool IsSettled => IsClosed || YearEndOutcome != YearEndOutcome.None;

    /// <summary>
    /// 结转: the work goes on in <paramref name="note"/> (next year's task); this task is closed for its year without
    /// counting as done, and keeps its deadline and assignments on record. Needs <see cref="Assignments"/> loaded.
    /// </summary>
    public void MarkCarried(string note, DateTime nowUtc) => EndYear(YearEndOutcome.Carried, note, nowUtc);

    /// <summary>以未完成关闭: the office ends the task for good with a reason; it counts as not done.</summary>
    public void CloseUnfinished(string reason, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException($"任务 {Path} 以未完成关闭时请填写原因。");
        }

        EndYear(YearEndOutcome.Unfinished, reason.Trim(), nowUtc);
    }

    private void EndYear(YearEndOutcome outcome, string note, DateTime nowUtc)
    {
        if (IsClosed)
        {
            throw DomainRuleException.StateConflict($"任务 {Path} 已全部办结，无需结转或关闭。");
        }

        if (YearEndOutcome != YearEndOutcome.None)
        {
            throw DomainRuleException.StateConflict($"任务 {Path} 已{YearEndOutcome.ChineseName()}，不能重复处理。");
        }

        YearEndOutcome = outcome;
        YearEndNote = note;
        YearEndAtUtc = nowUtc;
    }

    /// <inheritdoc cref="IVersioned.MarkChanged"/>
    public void MarkChanged() => Version = Guid.NewGuid();

    /// <summary>
    /// The deadline as the plan's document states it (import, re-import, a sub-task taking its parent's): kept as read,
    /// an ongoing task with a date included, since the review shows what the document says. Assignments already made
    /// (loaded in <see cref="Assignments"/>) take it as <see cref="ChangeDeadline"/> describes.
    /// </summary>
    public void SetDeadlineAsWritten(DateOnly? deadline, string? deadlineText, bool ongoing)
    {
        Deadline = deadline;
        DeadlineText = deadlineText;
        Ongoing = ongoing;
        ApplyDeadlineToAssignments();
    }

    /// <summary>
    /// 调整完成时限: the office moves the deadline (<paramref name="deadline"/>) or makes the task ongoing (the date is then
    /// dropped). Every open assignment takes it (an extension already granted later stays); closed ones keep the dates
    /// their timeliness was judged by. Refused without a date for a dated task and once every assignment is closed.
    /// Needs <see cref="Assignments"/> loaded.
    /// </summary>
    public void ChangeDeadline(DateOnly? deadline, bool ongoing)
    {
        if (!ongoing && deadline is null)
        {
            throw new DomainRuleException("请填写完成时限，或选择持续推进。");
        }

        if (IsClosed)
        {
            throw DomainRuleException.StateConflict("该任务的承办单位均已办结，不能再调整完成时限。");
        }

        Ongoing = ongoing;
        Deadline = ongoing ? null : deadline;
        DeadlineText = ongoing ? "持续推进" : WorkCalendar.Format(deadline!.Value) + "前";
        ApplyDeadlineToAssignments();
    }

    /// <summary>
    /// 交办: gives the task to <paramref name="orgUnitId"/> in <paramref name="role"/>, due by the task's deadline. Each unit
    /// carries a task once: null when the unit already has it. Needs <see cref="Assignments"/> loaded.
    /// </summary>
    public TaskAssignment? AssignTo(int orgUnitId, AssignmentRole role, DateTime nowUtc)
    {
        if (Assignments.Any(a => a.OrgUnitId == orgUnitId))
        {
            return null;
        }

        var assignment = TaskAssignment.Create(this, orgUnitId, role, nowUtc);
        Assignments.Add(assignment);
        return assignment;
    }

    private void ApplyDeadlineToAssignments()
    {
        foreach (var assignment in Assignments)
        {
            assignment.ApplyTaskDeadline(this);
        }
    }
}

/// <summary>How a task not closed left its year (年度结转).</summary>
public enum YearEndOutcome
{
    None = 0,

    /// <summary>结转: continued by a task of next year's plan.</summary>
    Carried = 1,

    /// <summary>未完成: closed by the office with a reason, not done.</summary>
    Unfinished = 2,
}

public static class YearEndOutcomeNames
{
    public static string ChineseName(this YearEndOutcome outcome) => outcome switch
    {
        YearEndOutcome.Carried => "结转",
        YearEndOutcome.Unfinished => "未完成关闭",
        _ => "未处理",
    };
}

/// <summary>A dated step inside a task's text, e.g. "2020年9月底前完成汇总".</summary>
public class Milestone
{
    public DateOnly Date { get; set; }
    public string Text { get; set; } = "";
}

namespace WorkPlanTracker.Domain;

/// <summary>
/// 交办: one task given to one unit in one role, with its own status, due date and reports.
/// <para>
/// Workflow (each step a method; an illegal step throws <see cref="DomainRuleException"/> with a Chinese message):
/// Assigned →(签收 <see cref="Acknowledge"/>)→ Acknowledged →(first <see cref="SubmitReport"/>)→ InProgress
/// →(申请办结 <see cref="RequestCompletion"/>)→ CompletionRequested →(office 办结 <see cref="ApproveCompletion"/>)→ Closed.
/// The office can send a report (InProgress) or a completion request back with a reason (退回 <see cref="Return"/>)
/// → Returned; the unit reports again → InProgress. A unit may ask for a later date (延期申请
/// <see cref="RequestExtension"/>) from Assigned/Acknowledged/InProgress/Returned → ExtensionRequested; the office
/// approves (the due date moves, <see cref="OriginalDueDate"/> stays for scoring) or refuses with a reason; either way
/// the status goes back to what it was (a report made meanwhile makes that InProgress).
/// </para>
/// <para>
/// A unit's first action on an Assigned assignment (a report or an extension request) acknowledges it on the way:
/// reporting or asking for time shows the unit has taken it. Completion needs a standing report first.
/// </para>
/// </summary>
public class TaskAssignment : IAudited, IVersioned
{
    public int Id { get; set; }
    public int TaskId { get; set; }
    public WorkTask? WorkTask { get; set; }
    public int OrgUnitId { get; set; }
    public OrgUnit? OrgUnit { get; set; }
    public AssignmentRole Role { get; set; }

    /// <summary>Where the assignment is in the workflow; changed only by the workflow methods below.</summary>
    public AssignmentStatus Status { get; private set; } = AssignmentStatus.Assigned;
    public DateTime AssignedAtUtc { get; private set; }
    public List<ProgressReport> Reports { get; set; } = [];

    /// <summary>Changes on every save; an action that carries an older version is refused instead of overwriting someone else's change.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    /// <summary>延期申请, oldest first. Load it before deciding a request.</summary>
    public List<ExtensionRequest> Extensions { get; set; } = [];

    /// <summary>The date the unit must finish by now: the task's deadline, moved by approved extensions. Null for ongoing tasks.</summary>
    public DateOnly? DueDate { get; private set; }

    /// <summary>The task's deadline as first set, never moved by extensions: what timeliness is scored against (考核).</summary>
    public DateOnly? OriginalDueDate { get; private set; }

    public DateTime? AcknowledgedAtUtc { get; private set; }

    /// <summary>When the unit last asked to close, and what it said it had done.</summary>
    public DateTime? CompletionRequestedAtUtc { get; private set; }
    public string? CompletionSummary { get; private set; }

    /// <summary>When the office approved closing (办结).</summary>
    public DateTime? ClosedAtUtc { get; private set; }

    /// <summary>Why the office last sent a report or completion request back (退回理由), and when.</summary>
    public string? ReturnReason { get; private set; }
    public DateTime? ReturnedAtUtc { get; private set; }

    /// <summary>
    /// How often the office sent a report or completion request back (退回), counted for good: <see cref="ReturnReason"/>
    /// keeps only the last one, and a returned completion request leaves no returned report behind.
    /// </summary>
    public int ReturnCount { get; private set; }

    /// <summary>Why the office last refused an extension, and when.</summary>
    public string? ExtensionRefusalReason { get; private set; }
    public DateTime? ExtensionRefusedAtUtc { get; private set; }

    /// <summary>The status to go back to when the pending extension request is decided; null when none is pending.</summary>
    public AssignmentStatus? StatusBeforeExtension { get; private set; }

    /// <summary>The due date was moved by an approved extension.</summary>
    public bool WasExtended => DueDate != OriginalDueDate;

    /// <summary>Closed by the office no later than the original deadline (by China date); closed ongoing or undated work counts as on time.</summary>
    public bool ClosedOnTime =>
        Status == AssignmentStatus.Closed
        && ClosedAtUtc is { } closedAt
        && (OriginalDueDate is not { } due || WorkCalendar.DateOf(closedAt) <= due);

    /// <summary>A new assignment of <paramref name="task"/> to a unit; its due date starts as the task's deadline (none when ongoing).</summary>
    public static TaskAssignment Create(WorkTask task, int orgUnitId, AssignmentRole role, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(task);
        var assignment = new TaskAssignment
        {
            TaskId = task.Id,
            OrgUnitId = orgUnitId,
            Role = role,
            Status = AssignmentStatus.Assigned,
            AssignedAtUtc = nowUtc,
        };
        assignment.ApplyTaskDeadline(task);
        return assignment;
    }

    /// <inheritdoc cref="IVersioned.MarkChanged"/>
    public void MarkChanged() => Version = Guid.NewGuid();

    /// <summary>
    /// Takes the task's deadline (on creation, or when the office corrects it): it becomes the original due date,
    /// and the due date too unless an approved extension already runs later. Ongoing tasks have no due date. A closed
    /// assignment keeps its dates: its timeliness (<see cref="ClosedOnTime"/>) was judged against them.
    /// </summary>
    public void ApplyTaskDeadline(WorkTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (Status == AssignmentStatus.Closed)
        {
            return;
        }

        var deadline = task.Ongoing ? null : task.Deadline;
        var keepExtension = WasExtended && DueDate is { } extended && deadline is { } d && extended > d;
        OriginalDueDate = deadline;
        if (!keepExtension)
        {
            DueDate = deadline;
        }
    }

    // ---- what may happen now (null = allowed; otherwise why not) -----------------------------------------------

    public bool CanAcknowledge => WhyNotAcknowledge() is null;
    public bool CanSubmitReport => WhyNotSubmitReport() is null;
    public bool CanRequestCompletion => WhyNotRequestCompletion() is null;
    public bool CanApproveCompletion => WhyNotApproveCompletion() is null;
    public bool CanReturn => WhyNotReturn() is null;
    public bool CanRequestExtension => WhyNotRequestExtension() is null;
    public bool CanDecideExtension => WhyNotDecideExtension() is null;

    /// <summary>The extension request waiting for the office's decision, if any.</summary>
    public ExtensionRequest? ExtensionAwaitingDecision =>
        Status == AssignmentStatus.ExtensionRequested ? Extensions.LastOrDefault(e => e.Status == ExtensionStatus.Pending) : null;

    private string? WhyNotAcknowledge() => Status switch
    {
        AssignmentStatus.Assigned => null,
        AssignmentStatus.Closed => "任务已办结，无需签收",
        _ => AcknowledgedAtUtc is { } at ? $"任务已于{WorkCalendar.Format(WorkCalendar.DateOf(at))}签收，无需重复签收" : "任务已签收，无需重复签收",
    };

    private string? WhyNotSubmitReport() => Status switch
    {
        AssignmentStatus.Closed => "已办结的任务不能再报送进展",
        AssignmentStatus.CompletionRequested => "已申请办结，正在等待督办人审核，暂不能报送进展；如需补充材料，请联系督办人退回后重新报送",
        _ => null,
    };

    private string? WhyNotRequestCompletion() => Status switch
    {
        AssignmentStatus.InProgress => null,
        AssignmentStatus.Closed => "任务已办结，无需再申请办结",
        AssignmentStatus.CompletionRequested => "已申请办结，正在等待督办人审核，请勿重复申请",
        AssignmentStatus.ExtensionRequested => "延期申请正在审核中，请等审核结果出来后再申请办结",
        AssignmentStatus.Returned => $"任务已被退回（退回理由：{ReturnReason ?? "未说明"}），请按要求重新报送进展后再申请办结",
        _ => "尚未报送进展情况，请先报送进展（附佐证材料）再申请办结",
    };

    private string? WhyNotApproveCompletion() => Status switch
    {
        AssignmentStatus.CompletionRequested => null,
        AssignmentStatus.Closed => "任务已办结，无需重复办结",
        _ => "承办单位尚未申请办结，不能办结；请等承办单位报送完成情况并申请办结",
    };

    private string? WhyNotReturn() => Status switch
    {
        AssignmentStatus.InProgress or AssignmentStatus.CompletionRequested => null,
        AssignmentStatus.Closed => "已办结的任务不能退回",
        AssignmentStatus.Returned => "任务已退回，正在等待承办单位重新报送",
        AssignmentStatus.ExtensionRequested => "承办单位的延期申请尚未审核，请先同意或不同意延期，再退回",
        _ => "承办单位尚未报送进展，没有可退回的内容",
    };

    private string? WhyNotRequestExtension() => Status switch
    {
        AssignmentStatus.Closed => "已办结的任务不能申请延期",
        AssignmentStatus.CompletionRequested => "已申请办结，不能再申请延期；如确需延期，请联系督办人退回后再申请",
        AssignmentStatus.ExtensionRequested => "已有延期申请正在审核中，请勿重复申请",
        _ when DueDate is null => "该任务为持续推进的工作，没有完成时限，无需申请延期",
        _ => null,
    };

    private string? WhyNotDecideExtension() =>
        Status == AssignmentStatus.ExtensionRequested ? null : "没有待审核的延期申请";

    // ---- the unit's steps ----------------------------------------------------------------------------------

    /// <summary>签收: the unit takes the assignment.</summary>
    public void Acknowledge(DateTime nowUtc)
    {
        EnsureState(WhyNotAcknowledge());
        Status = AssignmentStatus.Acknowledged;
        AcknowledgedAtUtc = nowUtc;
    }

    /// <summary>
    /// 报送进展: adds <paramref name="report"/> (stamped <paramref name="nowUtc"/>) and sets InProgress; acknowledges an
    /// Assigned assignment on the way; a report made while an extension request waits keeps that status.
    /// </summary>
    public void SubmitReport(ProgressReport report, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(report);
        EnsureState(WhyNotSubmitReport());
        Ensure(report.ValidationError());

        AcknowledgeOnTheWay(nowUtc);
        report.ReportedAtUtc = nowUtc;
        report.AssignmentId = Id;
        report.Assignment = this;
        report.MarkStanding();
        if (!Reports.Contains(report))
        {
            Reports.Add(report);
        }

        if (Status == AssignmentStatus.ExtensionRequested)
        {
            StatusBeforeExtension = AssignmentStatus.InProgress;
        }
        else
        {
            Status = AssignmentStatus.InProgress;
        }
    }

    /// <summary>申请办结: the unit says the work is done; needs a standing report (InProgress) and a summary.</summary>
    public void RequestCompletion(string summary, DateTime nowUtc)
    {
        EnsureState(WhyNotRequestCompletion());
        Ensure(string.IsNullOrWhiteSpace(summary) ? "申请办结时请填写完成情况说明" : null);
        Status = AssignmentStatus.CompletionRequested;
        CompletionRequestedAtUtc = nowUtc;
        CompletionSummary = summary.Trim();
    }

    /// <summary>延期申请: asks for <paramref name="newDate"/>, later than the current due date and not before today (China date).</summary>
    public void RequestExtension(DateOnly newDate, string reason, DateTime nowUtc)
    {
        EnsureState(WhyNotRequestExtension());
        Ensure(string.IsNullOrWhiteSpace(reason) ? "申请延期时请说明理由" : null);
        var due = DueDate!.Value;
        Ensure(newDate <= due ? $"申请的新时限（{WorkCalendar.Format(newDate)}）须晚于当前完成时限（{WorkCalendar.Format(due)}）" : null);
        var today = WorkCalendar.DateOf(nowUtc);
        Ensure(newDate < today ? $"申请的新时限（{WorkCalendar.Format(newDate)}）不能早于今天（{WorkCalendar.Format(today)}）" : null);

        AcknowledgeOnTheWay(nowUtc);
        Extensions.Add(ExtensionRequest.Open(this, newDate, reason, nowUtc));
        StatusBeforeExtension = Status;
        Status = AssignmentStatus.ExtensionRequested;
    }

    // ---- the office's steps --------------------------------------------------------------------------------

    /// <summary>办结: the office approves the completion request; the assignment is Closed from then on.</summary>
    public void ApproveCompletion(DateTime nowUtc)
    {
        EnsureState(WhyNotApproveCompletion());
        Status = AssignmentStatus.Closed;
        ClosedAtUtc = nowUtc;
    }

    /// <summary>
    /// 退回: the office sends the latest report (InProgress) or the completion request back with a reason; the unit
    /// must report again. The returned report, when loaded, is marked with the reason too.
    /// </summary>
    public void Return(string reason, DateTime nowUtc)
    {
        EnsureState(WhyNotReturn());
        Ensure(string.IsNullOrWhiteSpace(reason) ? "退回时请填写退回理由，便于承办单位修改" : null);
        var why = reason.Trim();
        if (Status == AssignmentStatus.InProgress && LatestStandingReport() is { } report)
        {
            report.MarkReturned(why, nowUtc);
        }

        Status = AssignmentStatus.Returned;
        ReturnReason = why;
        ReturnedAtUtc = nowUtc;
        ReturnCount++;
    }

    /// <summary>
    /// 同意延期: the due date becomes <paramref name="newDate"/> (the requested date when null), which must be later
    /// than the current due date; the original due date stays. Needs <see cref="Extensions"/> loaded.
    /// </summary>
    public void ApproveExtension(DateOnly? newDate, DateTime nowUtc)
    {
        EnsureState(WhyNotDecideExtension());
        var pending = PendingExtension();
        var date = newDate ?? pending.RequestedDate;
        if (DueDate is { } due)
        {
            Ensure(date <= due ? $"批准的新时限（{WorkCalendar.Format(date)}）须晚于当前完成时限（{WorkCalendar.Format(due)}）" : null);
        }

        pending.Approve(date, nowUtc);
        DueDate = date;
        EndExtension();
    }

    /// <summary>不同意延期: the request is refused with a reason; the due date stays. Needs <see cref="Extensions"/> loaded.</summary>
    public void RefuseExtension(string reason, DateTime nowUtc)
    {
        EnsureState(WhyNotDecideExtension());
        Ensure(string.IsNullOrWhiteSpace(reason) ? "不同意延期时请填写理由" : null);
        var pending = PendingExtension();
        var why = reason.Trim();
        pending.Refuse(why, nowUtc);
        ExtensionRefusalReason = why;
        ExtensionRefusedAtUtc = nowUtc;
        EndExtension();
    }

    // ---- dates and lights ----------------------------------------------------------------------------------

    /// <summary>
    /// Past its (possibly extended) due date on <paramref name="today"/> and not closed. Work without a due date
    /// (ongoing) is never overdue by date; it is judged by its reporting cycle instead.
    /// </summary>
    public bool IsOverdue(DateOnly today) =>
        Status != AssignmentStatus.Closed && WorkTask?.Ongoing != true && DueDate is { } due && today > due;

    /// <summary>
    /// The due date as it stood at the end of <paramref name="day"/>: extensions approved after that day are undone.
    /// Needs <see cref="Extensions"/> loaded. A change of the task's own deadline by the office is not undone: it is
    /// a correction of the plan, not a grant of time.
    /// </summary>
    public DateOnly? DueDateOn(DateOnly day)
    {
        var laterGrant = Extensions
            .Where(e => e.Status == ExtensionStatus.Approved && e.DecidedAtUtc is { } decided && WorkCalendar.DateOf(decided) > day)
            .OrderBy(e => e.DecidedAtUtc)
            .FirstOrDefault();
        return laterGrant is null ? DueDate : laterGrant.DueDateBefore;
    }

    /// <summary>Not yet closed at the end of <paramref name="day"/>.</summary>
    public bool WasOpenOn(DateOnly day) => ClosedAtUtc is not { } closed || WorkCalendar.DateOf(closed) > day;

    /// <summary>
    /// Overdue as things stood on <paramref name="day"/>, also a day in the past: open then and past the due date it
    /// had then. For today it agrees with <see cref="IsOverdue"/>. Needs <see cref="Extensions"/> loaded.
    /// </summary>
    public bool WasOverdueOn(DateOnly day) =>
        WasOpenOn(day) && WorkTask?.Ongoing != true && DueDateOn(day) is { } due && day > due;

    /// <summary>Whole days left until the due date (negative when late); null without a due date.</summary>
    /// <summary>逾期办结: how many days after the due date in force (China date) the office closed it; null when closed in time or not closed.</summary>
    public int? DaysClosedLate =>
        Status == AssignmentStatus.Closed && ClosedAtUtc is { } closed && DueDate is { } due && WorkTask?.Ongoing != true
        && WorkCalendar.DateOf(closed).DayNumber - due.DayNumber is var late && late > 0 ? late : null;

    public int? DaysUntilDue(DateOnly today) => DueDate is { } due ? due.DayNumber - today.DayNumber : null;

    /// <summary>
    /// 红黄绿灯 on <paramref name="today"/>: Done when closed; Red when overdue; Yellow when due within
    /// <paramref name="dueSoonDays"/> days (today included), when a cycle's report is missing
    /// (<paramref name="nextReportDue"/> before today), or when returned or waiting on an extension; otherwise Green.
    /// </summary>
    public TrafficLight LightOn(DateOnly today, int dueSoonDays, DateOnly? nextReportDue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(dueSoonDays);
        if (Status == AssignmentStatus.Closed)
        {
            return TrafficLight.Done;
        }

        if (IsOverdue(today))
        {
            return TrafficLight.Red;
        }

        var dueSoon = WorkTask?.Ongoing != true && DaysUntilDue(today) is { } left && left <= dueSoonDays;
        var reportMissing = nextReportDue is { } reportDue && reportDue < today;
        var atRisk = Status is AssignmentStatus.Returned or AssignmentStatus.ExtensionRequested;
        return dueSoon || reportMissing || atRisk ? TrafficLight.Yellow : TrafficLight.Green;
    }

    /// <summary>
    /// The date the next progress report is due under <paramref name="cycle"/>; null when closed, waiting for the
    /// completion review, or the cycle has no further date. A report counts for the cycle whose due date is the first
    /// on or after the day it was made (returned reports do not count); before any report, the first due date after
    /// the assignment day. Needs <see cref="Reports"/> loaded. Pass the result to <see cref="LightOn"/>.
    /// </summary>
    public DateOnly? NextReportDue(ReportingCycle cycle, IReadOnlyList<DateOnly> milestones)
    {
        if (Status is AssignmentStatus.Closed or AssignmentStatus.CompletionRequested)
        {
            return null;
        }

        if (LatestStandingReport() is not { } last)
        {
            return cycle.NextDueOn(WorkCalendar.DateOf(AssignedAtUtc), milestones);
        }

        var covered = cycle.NextDueOn(last.ReportedOn.AddDays(-1), milestones);
        return covered is { } c ? cycle.NextDueOn(c, milestones) : null;
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private static void EnsureState(string? brokenRule)
    {
        if (brokenRule is not null)
        {
            throw DomainRuleException.StateConflict(brokenRule);
        }
    }

    private static void Ensure(string? brokenRule)
    {
        if (brokenRule is not null)
        {
            throw new DomainRuleException(brokenRule);
        }
    }

    private void AcknowledgeOnTheWay(DateTime nowUtc)
    {
        if (Status == AssignmentStatus.Assigned)
        {
            Status = AssignmentStatus.Acknowledged;
            AcknowledgedAtUtc = nowUtc;
        }
    }

    /// <summary>The newest report the office did not send back, made by the end of <paramref name="madeBy"/> when given.</summary>
    public ProgressReport? LatestStandingReport(DateOnly? madeBy = null) =>
        Reports.Where(r => !r.IsReturned && (madeBy is not { } day || r.ReportedOn <= day)).OrderBy(r => r.ReportedAtUtc).LastOrDefault();

    private ExtensionRequest PendingExtension() =>
        Extensions.LastOrDefault(e => e.Status == ExtensionStatus.Pending)
        ?? throw new InvalidOperationException("No pending ExtensionRequest in TaskAssignment.Extensions: load Extensions before deciding an extension request.");

    private void EndExtension()
    {
        Status = StatusBeforeExtension ?? AssignmentStatus.Acknowledged;
        StatusBeforeExtension = null;
    }
}

public enum AssignmentStatus
{
    Assigned = 0,
    Acknowledged = 1,
    InProgress = 2,
    CompletionRequested = 3,
    Closed = 4,
    Returned = 5,
    ExtensionRequested = 6,
}

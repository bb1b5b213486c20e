using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Data;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Evidence;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Features.Assignments;

/// <summary>
/// The weekly work on assignments: units acknowledge, report, ask to close or for more time; the office
/// closes, returns and decides extensions. Every call checks the actor on the server and carries the
/// version the user saw, so nothing is done on someone else's behalf or over someone else's change.
/// </summary>
public sealed class AssignmentService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, EvidenceStore evidence)
{
    /// <summary>Days before a due date at which an assignment turns yellow.</summary>
    public const int DueSoonDays = 7;

    public DateOnly Today => WorkCalendar.DateOf(clock.GetUtcNow().UtcDateTime);

    /// <summary>One assignment with its task, reports and extension requests; not found too when the actor may not see it.</summary>
    /// <summary>Tags the assignment page's reading, so a test can count how often a visit reads it.</summary>
    public const string PageTag = "assignment-page";

    public async Task<Outcome<TaskAssignment>> GetAsync(Actor actor, int assignmentId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var assignment = await Load(db.Assignments.AsNoTracking().TagWith(PageTag), assignmentId, cancellationToken);
        return assignment is not null && actor.CanSee(assignment) ? Outcome.Ok(assignment) : Refusals.TaskNotFound.As<TaskAssignment>();
    }

    /// <summary>What happened to an assignment, from the audit trail (which the app never edits); empty when the actor may not see it.</summary>
    public async Task<IReadOnlyList<HistoryLine>> HistoryAsync(Actor actor, int assignmentId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var assignment = await db.Assignments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == assignmentId, cancellationToken);
        if (assignment is null || !actor.CanSee(assignment))
        {
            return [];
        }

        // The task's own edits (deadline, milestones, cycle) bind every unit on it, so they belong in each unit's record too.
        var trail = await AssignmentAuditTrail.LoadAsync(db, [assignmentId], assignment.TaskId, assignment.AssignedAtUtc, cancellationToken);
        var people = await PersonNames.LoadAsync(db, actor, trail.Entries.Select(e => e.UserName), cancellationToken);
        return AssignmentHistory.Describe(trail.Entries, people);
    }

    public Task<Outcome> AcknowledgeAsync(Actor actor, int id, Guid version) =>
        ActAsync(actor, id, version, ByUnit, (a, now) => a.Acknowledge(now), "已签收");

    /// <summary>Files are checked before anything is written, and removed again when the report is not saved.</summary>
    public async Task<Outcome> SubmitReportAsync(Actor actor, int id, Guid version, ReportInput input)
    {
        if (EvidenceRules.WhyRefused(input.Files) is { } refused)
        {
            return Outcome.Invalid(refused);
        }

        using var batch = evidence.BeginBatch(id);
        var result = await ActAsync(actor, id, version, ByUnit, (a, now) =>
        {
            var report = input.ToReport(now);
            a.SubmitReport(report, now);
            report.Files.AddRange(batch.Write(input.Files, now));
        }, "进展已报送");
        if (result.Succeeded)
        {
            batch.Commit();
            // The stored copies are what counts now; the circuit's temporary files go at once.
            input.Files.ForEach(f => f.Discard());
        }

        return result;
    }

    public Task<Outcome> RequestCompletionAsync(Actor actor, int id, Guid version, string summary) =>
        ActAsync(actor, id, version, ByUnit, (a, now) => a.RequestCompletion(summary, now), "已申请办结，等待审核");

    public Task<Outcome> RequestExtensionAsync(Actor actor, int id, Guid version, DateOnly newDate, string reason) =>
        ActAsync(actor, id, version, ByUnit, (a, now) => a.RequestExtension(newDate, reason, now), "已提交延期申请，等待审核");

    public Task<Outcome> ApproveCompletionAsync(Actor actor, int id, Guid version) =>
        ActAsync(actor, id, version, ByOffice, (a, now) =>
        {
            a.ApproveCompletion(now);
            return UnitNotice.Decision(a, "已办结", "办结申请已审核通过，该项任务已办结", null, now);
        }, "已办结");

    public Task<Outcome> ReturnAsync(Actor actor, int id, Guid version, string reason) =>
        ActAsync(actor, id, version, ByOffice, (a, now) =>
        {
            var what = a.Status == AssignmentStatus.CompletionRequested ? "办结申请" : "进展报送";
            a.Return(reason, now);
            return UnitNotice.Decision(a, $"{what}被退回", $"{what}已被退回，请修改后重新报送", a.ReturnReason, now);
        }, "已退回");

    public Task<Outcome> ApproveExtensionAsync(Actor actor, int id, Guid version, DateOnly? newDate) =>
        ActAsync(actor, id, version, ByOffice, (a, now) =>
        {
            a.ApproveExtension(newDate, now);
            return UnitNotice.Decision(a, "同意延期", $"延期申请已同意，完成时限调整为 {WorkCalendar.Format(a.DueDate!.Value)}", null, now);
        }, "已同意延期");

    public Task<Outcome> RefuseExtensionAsync(Actor actor, int id, Guid version, string reason) =>
        ActAsync(actor, id, version, ByOffice, (a, now) =>
        {
            a.RefuseExtension(reason, now);
            var due = a.DueDate is { } date ? $"，完成时限仍为 {WorkCalendar.Format(date)}" : "";
            return UnitNotice.Decision(a, "不同意延期", $"延期申请未获同意{due}", a.ExtensionRefusalReason, now);
        }, "已不同意延期");

    private static bool ByUnit(Actor actor, TaskAssignment assignment) => actor.ActsFor(assignment);

    private static bool ByOffice(Actor actor, TaskAssignment assignment) => actor.IsPlanningOffice;

    private Task<Outcome> ActAsync(Actor actor, int id, Guid version, Func<Actor, TaskAssignment, bool> allowed, Action<TaskAssignment, DateTime> change, string done) =>
        ActAsync(actor, id, version, allowed, (a, now) =>
        {
            change(a, now);
            return null;
        }, done);

    /// <summary>A decision's notice to the unit (returned by <paramref name="change"/>) is saved with the decision, so neither stands without the other.</summary>
    private async Task<Outcome> ActAsync(Actor actor, int id, Guid version, Func<Actor, TaskAssignment, bool> allowed, Func<TaskAssignment, DateTime, UnitNotice?> change, string done)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var assignment = await Load(db.Assignments, id, CancellationToken.None);
        if (assignment is null || !actor.CanSee(assignment))
        {
            return Refusals.TaskNotFound;
        }

        if (!allowed(actor, assignment))
        {
            return Refusals.NotPermitted;
        }

        if (assignment.Version != version)
        {
            return Refusals.ChangedMeanwhile;
        }

        // A task carried into next year goes on there; its old assignment stays as the record of this year only.
        if (assignment.WorkTask!.YearEndOutcome is not YearEndOutcome.None and var ended)
        {
            return Outcome.Conflict($"该任务已{ended.ChineseName()}（{assignment.WorkTask.YearEndNote}），本年度不再办理；结转的工作请在新年度的任务中办理。");
        }

        try
        {
            if (change(assignment, clock.GetUtcNow().UtcDateTime) is { } notice)
            {
                db.UnitNotices.Add(notice);
            }

            await db.SaveChangesAsync();
            return Outcome.Ok(done);
        }
        catch (DomainRuleException e)
        {
            return Outcome.BrokenRule(e);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refusals.ChangedMeanwhile;
        }
    }

    private static Task<TaskAssignment?> Load(IQueryable<TaskAssignment> assignments, int id, CancellationToken cancellationToken) =>
        assignments
            .Include(a => a.WorkTask!).ThenInclude(t => t.Plan)
            .Include(a => a.OrgUnit)
            .Include(a => a.Reports).ThenInclude(r => r.Files)
            .Include(a => a.Extensions)
            .AsSplitQuery()
            .SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
}

public sealed record AssignmentRow(
    int Id, string PlanTitle, string TaskPath, string TaskTitle, string UnitName, AssignmentRole Role,
    AssignmentStatus Status, DateOnly? DueDate, bool Ongoing, TrafficLight Light, DateOnly? NextReportDue);

/// <summary>A progress report as a unit fills it in; evidence links one per line.</summary>
public sealed class ReportInput
{
    public string Progress { get; set; } = "";
    public int? PercentComplete { get; set; }
    public string? Problems { get; set; }
    public string? NextSteps { get; set; }
    public string EvidenceLinks { get; set; } = "";

    /// <summary>佐证材料 files chosen for this report; checked by <see cref="EvidenceRules"/> before anything is saved.</summary>
    public List<EvidenceUpload> Files { get; set; } = [];

    public ProgressReport ToReport(DateTime nowUtc) => ProgressReport.Written(nowUtc, Progress, PercentComplete, Problems, NextSteps, EvidenceLinks);
}

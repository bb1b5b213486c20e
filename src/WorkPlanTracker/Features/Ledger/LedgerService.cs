using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Data;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Features.Ledger;

/// <summary>
/// Loads what the ledgers show, with one provider-neutral query each, and decides on the server who may have
/// which ledger: the office and leaders every ledger; a unit user only their own units' ledgers and fill-in
/// workbooks (leaders read, they do not fill in).
/// </summary>
public sealed class LedgerService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    private static readonly Outcome NotYours = Outcome.Forbidden("您无权下载这份台账。");

    private static readonly Outcome NoSuchPlanOrUnit = Outcome.NotFound("找不到这个计划或单位。");

    public DateOnly Today => WorkCalendar.DateOf(clock.GetUtcNow().UtcDateTime);

    /// <summary>The plan ledger (no unit in the scope: office and leaders only) or a unit's ledger (also that unit's own users).</summary>
    public async Task<Outcome<LedgerDocument>> LedgerAsync(Actor actor, LedgerScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(scope);
        var allowed = scope.UnitId is { } unitId ? LedgerAccess.MayHaveUnitLedger(actor, unitId) : LedgerAccess.MayHaveWholeLedger(actor);
        if (!allowed)
        {
            return NotYours.As<LedgerDocument>();
        }

        return await BuildLedgerAsync(scope, cancellationToken);
    }

    /// <summary>
    /// The ledger of <paramref name="scope"/> without a permission check: for the operator's command line and for
    /// <see cref="LedgerAsync"/>. Not found when the plan or unit does not exist.
    /// </summary>
    public async Task<Outcome<LedgerDocument>> BuildLedgerAsync(LedgerScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        WorkPlan? plan = null;
        if (scope.PlanId is { } planId && (plan = await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId, cancellationToken)) is null)
        {
            return NoSuchPlanOrUnit.As<LedgerDocument>();
        }

        OrgUnit? unit = null;
        if (scope.UnitId is { } unitId && (unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == unitId, cancellationToken)) is null)
        {
            return NoSuchPlanOrUnit.As<LedgerDocument>();
        }

        var tasks = db.Tasks.AsNoTracking();
        if (scope.PlanId is { } onlyPlan)
        {
            tasks = tasks.Where(t => t.PlanId == onlyPlan);
        }
        else if (scope.Year is { } year)
        {
            tasks = tasks.Where(t => t.Plan!.Year == year);
        }

        if (scope.UnitId is { } onlyUnit)
        {
            tasks = tasks.Where(t => t.Assignments.Any(a => a.OrgUnitId == onlyUnit));
        }

        var loaded = await tasks
            .Include(t => t.Plan)
            .Include(t => t.Section)
            .Include(t => t.Parties).ThenInclude(p => p.OrgUnit)
            .Include(t => t.Parties).ThenInclude(p => p.UnitGroup)
            .Include(t => t.Assignments).ThenInclude(a => a.OrgUnit)
            .Include(t => t.Assignments).ThenInclude(a => a.Reports).ThenInclude(r => r.Files)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

        var today = Today;
        var rows = loaded
            .OrderBy(t => t.Plan!.Year).ThenBy(t => t.Plan!.Title, StringComparer.Ordinal).ThenBy(t => t.PlanId)
            .ThenBy(t => t.SortOrder).ThenBy(t => t.Path, StringComparer.Ordinal)
            .Select(t => ToRow(t, scope.UnitId, today))
            .ToList();

        // A year or unit ledger that happens to cover one plan is named after that plan.
        plan ??= loaded.Select(t => t.Plan!).DistinctBy(p => p.Id).Take(2).ToList() is [var only] ? only : null;
        var title = plan is not null ? LedgerTitle(plan.DisplayTitle)
            : scope.Year is { } y ? $"{y}年工作任务台账"
            : "工作任务台账";
        if (unit is not null)
        {
            title += $"（{unit.Name}）";
        }

        return Outcome.Ok(new LedgerDocument(title, today, unit?.Name, rows));
    }

    /// <summary>
    /// Assignments overdue on <paramref name="asOf"/> (by their current due date and status), most days late first,
    /// with the escalation notices issued for them. Unit users get their own units' rows only.
    /// </summary>
    public async Task<Outcome<OverdueDocument>> OverdueAsync(Actor actor, DateOnly asOf, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var everything = actor.IsPlanningOffice || actor.IsLeadership;
        if (!everything && !(actor.IsUnitUser && actor.UnitIds.Count > 0))
        {
            return NotYours.As<OverdueDocument>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // A past date shows the state of that day: work closed since then, or given more time since then, was late then.
        var endOfDayUtc = asOf.AddDays(1).ToDateTime(TimeOnly.MinValue) - WorkCalendar.UtcOffset;
        var query = db.Assignments.AsNoTracking()
            .Where(a => (a.Status != AssignmentStatus.Closed || a.ClosedAtUtc >= endOfDayUtc)
                && a.DueDate != null && (a.OriginalDueDate ?? a.DueDate) < asOf);
        if (!everything)
        {
            var units = actor.UnitIds.ToList();
            query = query.Where(a => units.Contains(a.OrgUnitId));
        }

        var late = (await query
                .Include(a => a.WorkTask!).ThenInclude(t => t.Plan)
                .Include(a => a.OrgUnit)
                .Include(a => a.Reports)
                .Include(a => a.Extensions)
                .AsSplitQuery()
                .ToListAsync(cancellationToken))
            .Where(a => a.WasOverdueOn(asOf))
            .ToList();
        var ids = late.Select(a => a.Id).ToList();
        var notices = (await db.EscalationNotices.AsNoTracking().Where(n => ids.Contains(n.AssignmentId) && n.IssuedAtUtc < endOfDayUtc).ToListAsync(cancellationToken))
            .ToLookup(n => n.AssignmentId);

        var rows = late
            .Select(a =>
            {
                var latest = a.LatestStandingReport(madeBy: asOf);
                var due = a.DueDateOn(asOf)!.Value;
                var escalations = string.Join("\n", notices[a.Id].OrderBy(n => n.IssuedAtUtc)
                    .Select(n => $"{n.Number}（{WorkCalendar.Format(n.IssuedOn)}下发，{(n.IsOpen ? (n.IsAcknowledged ? "已签收待回复" : "待签收") : "已回复")}）"));
                return new OverdueRow(
                    a.Id, a.WorkTask!.Plan!.DisplayTitle, a.WorkTask.Path, a.WorkTask.Title, a.OrgUnit!.Name, a.Role, due,
                    asOf.DayNumber - due.DayNumber, a.Status,
                    ReportingText(latest is null ? null : $"{WorkCalendar.Format(latest.ReportedOn)}：{latest.Progress}", a.Reports.Any(r => r.ReportedOn <= asOf)),
                    escalations);
            })
            .OrderByDescending(r => r.DaysLate).ThenBy(r => r.UnitName, ChineseOrder.Names).ThenBy(r => r.AssignmentId)
            .ToList();
        string? unitName = null;
        if (!everything)
        {
            var units = actor.UnitIds.ToList();
            var names = await db.Units.AsNoTracking().Where(u => units.Contains(u.Id)).Select(u => u.Name).ToListAsync(cancellationToken);
            unitName = string.Join("、", names.Order(ChineseOrder.Names));
        }

        return Outcome.Ok(new OverdueDocument(asOf, Today, rows, unitName));
    }

    /// <summary>
    /// The fill-in workbook's content for one unit: its assignments that can still take a report (not closed, not
    /// waiting for the completion review). The unit's own users and the office may have it; leaders do not fill in.
    /// </summary>
    public async Task<Outcome<FillInDocument>> FillInAsync(Actor actor, int unitId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!LedgerAccess.MayHaveFillIn(actor, unitId))
        {
            return NotYours.As<FillInDocument>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == unitId, cancellationToken);
        if (unit is null)
        {
            return NoSuchPlanOrUnit.As<FillInDocument>();
        }

        var assignments = await db.Assignments.AsNoTracking()
            .Where(a => a.OrgUnitId == unitId && a.Status != AssignmentStatus.Closed && a.Status != AssignmentStatus.CompletionRequested)
            .Include(a => a.WorkTask!).ThenInclude(t => t.Plan)
            .Include(a => a.Reports)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var rows = assignments
            .OrderBy(a => a.WorkTask!.Plan!.Year).ThenBy(a => a.WorkTask!.PlanId).ThenBy(a => a.WorkTask!.SortOrder).ThenBy(a => a.WorkTask!.Path, StringComparer.Ordinal)
            .Select(a => FillInRowOf(a))
            .ToList();
        return Outcome.Ok(new FillInDocument(unit.Id, unit.Name, Today, rows));
    }

    /// <summary>The units a user works for, by name, for the download buttons.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> UnitsOfAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsUnitUser || actor.UnitIds.Count == 0)
        {
            return [];
        }

        var ids = actor.UnitIds.ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var units = await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.Name }).ToListAsync(cancellationToken);
        return units.OrderBy(u => u.Name, ChineseOrder.Names).Select(u => (u.Id, u.Name)).ToList();
    }

    /// <summary>The key columns of a fill-in row as the database has them now; the upload compares the file against this.</summary>
    public static FillInRow FillInRowOf(TaskAssignment assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        var task = assignment.WorkTask ?? throw new InvalidOperationException("Load TaskAssignment.WorkTask first.");
        var latest = assignment.LatestStandingReport();
        return new FillInRow(
            assignment.Id, task.Plan!.DisplayTitle, task.Path, task.Title, RoleText(assignment.Role),
            DueText(assignment.DueDate, task.Ongoing), StatusText(assignment.Status),
            LatestForFillIn(assignment, latest));
    }

    /// <summary>What a unit sees of its last report in the fill-in workbook; a returned task says why it came back first.</summary>
    private static string LatestForFillIn(TaskAssignment assignment, ProgressReport? latest)
    {
        var reported = latest is null ? "" : $"{WorkCalendar.Format(latest.ReportedOn)}：{latest.Progress}";
        if (assignment.Status != AssignmentStatus.Returned)
        {
            return reported;
        }

        var reason = $"退回原因：{(string.IsNullOrWhiteSpace(assignment.ReturnReason) ? "未说明" : assignment.ReturnReason)}";
        return reported.Length == 0 ? reason : reason + "\n" + reported;
    }

    public const string NotReportedText = "尚未报送";

    public const string ReturnedText = "所报进展已退回，待重新报送";

    /// <summary>
    /// How a unit's reporting reads in every ledger and list: its standing report, else (it reported, but everything
    /// was sent back) <see cref="ReturnedText"/>, else <see cref="NotReportedText"/>.
    /// </summary>
    public static string ReportingText(string? standingReport, bool reportedAtAll) =>
        standingReport ?? (reportedAtAll ? ReturnedText : NotReportedText);

    public static string RoleText(AssignmentRole role) => role.ChineseName();

    public static string StatusText(AssignmentStatus status) => status.ChineseName();

    public static string DueText(DateOnly? due, bool ongoing) => ongoing ? "持续推进" : due is { } d ? WorkCalendar.Format(d) : "未定";

    /// <summary>"2024年宿州市政务公开重点工作任务分工方案" → "2024年宿州市政务公开重点工作任务台账".</summary>
    public static string LedgerTitle(string planTitle)
    {
        var title = planTitle.Trim().Trim('《', '》');
        foreach (var suffix in new[] { "分工方案", "分解表", "要点", "计划", "方案" })
        {
            if (title.EndsWith(suffix, StringComparison.Ordinal) && title.Length > suffix.Length)
            {
                title = title[..^suffix.Length];
                break;
            }
        }

        return title.EndsWith("任务", StringComparison.Ordinal) || title.EndsWith("工作", StringComparison.Ordinal)
            ? title + "台账"
            : title + "工作台账";
    }

    private static LedgerTaskRow ToRow(WorkTask task, int? unitId, DateOnly today)
    {
        var assignments = task.Assignments.Where(a => unitId is null || a.OrgUnitId == unitId).ToList();
        var progress = TaskProgress.RollUp(assignments, today);
        var section = task.Section is { } s ? PlanPath.HeadingNumber(s.Path) + s.Title : "";
        var deadlineText = task.Ongoing ? "持续推进"
            : task.Deadline is { } d ? WorkCalendar.Format(d)
            : string.IsNullOrWhiteSpace(task.DeadlineText) ? "未定" : task.DeadlineText;
        return new LedgerTaskRow(
            task.Id, task.Plan!.DisplayTitle, task.Path, section, task.Title, task.Text,
            string.Join("、", task.LeadParties.Select(p => p.DisplayName)),
            string.Join("、", task.SupportingParties.Select(p => p.DisplayName)),
            deadlineText, task.Ongoing ? null : task.Deadline, task.Ongoing, progress.Status, progress.IsOverdue,
            assignments
                .OrderBy(a => a.Role).ThenBy(a => a.OrgUnit!.Name, ChineseOrder.Names)
                .Select(a => new LedgerAssignmentRow(
                    a.Id, a.OrgUnit!.Name, a.Role, a.Status, a.DueDate, a.OriginalDueDate, a.IsOverdue(today),
                    a.IsOverdue(today) ? -a.DaysUntilDue(today) : null,
                    a.Status == AssignmentStatus.Returned ? a.ReturnReason : null,
                    a.Reports.OrderBy(r => r.ReportedAtUtc).Select(r => new LedgerReport(
                        r.ReportedOn, r.Progress, r.PercentComplete, r.IsReturned, r.EvidenceLinks,
                        r.Files.Select(f => f.FileName).ToList())).ToList(),
                    a.ReturnCount, a.DaysClosedLate))
                .ToList());
    }
}

using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Data;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Features.PublicProgress;

/// <summary>
/// 公开: the office opens a plan's public progress page and approves, report by report, the summary the public
/// reads; the anonymous page, feed and JSON read only what <see cref="PublicViewAsync"/> gives, which is built from
/// the plan's own text and the approved summaries and nothing else. The cached answers are kept under
/// <see cref="DataStampAsync"/>, so any change shows at the next request, on every instance.
/// </summary>
public sealed class PublicProgressService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Tags the reading of a plan for its public answers, so a test can tell when an answer was built anew.</summary>
    public const string ViewTag = "public-progress-view";

    /// <summary>Tags the reading of <see cref="DataStampAsync"/>.</summary>
    public const string StampTag = "public-progress-stamp";

    /// <summary>How far below the newest audit entry <see cref="DataStampAsync"/> still counts entries (late commits).</summary>
    private const int LateCommitWindow = 1000;

    /// <summary>How many of a task's newest standing reports the office's desk offers for a summary, besides the approved ones.</summary>
    public const int RecentReportsPerTask = 3;

    public static string PageUrl(string key) => $"public/plans/{key}";

    public static string FeedUrl(string key) => $"public/plans/{key}/feed.atom";

    public static string JsonUrl(string key) => $"public/plans/{key}/data.json";

    public static string DeskUrl(int planId) => $"plans/{planId}/public";

    /// <summary>The switch's view of a plan: whether its page is open and at which key.</summary>
    public async Task<Outcome<PublicPageState>> StateAsync(Actor actor, int planId, CancellationToken cancellationToken = default)
    {
        if (!actor.IsPlanningOffice)
        {
            return Refusals.NotPermitted.As<PublicPageState>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var state = await db.Plans.AsNoTracking().Where(p => p.Id == planId)
            .Select(p => new PublicPageState(p.Status, p.IsPublic, p.PublicKey, p.Version,
                p.Tasks.SelectMany(t => t.Assignments).SelectMany(a => a.Reports).Count(r => r.PublicSummaryApprovedAtUtc != null && r.ReturnedAtUtc == null)))
            .SingleOrDefaultAsync(cancellationToken);
        return state is null ? Refusals.PlanGone.As<PublicPageState>() : Outcome.Ok(state);
    }

    /// <summary>开启公开 / 停止公开, on the version of the plan the office saw.</summary>
    public async Task<Outcome> SetOpenAsync(Actor actor, int planId, Guid planVersion, bool open, CancellationToken cancellationToken = default)
    {
        if (!actor.IsPlanningOffice)
        {
            return Refusals.NotPermitted;
        }

        return await dbFactory.ChangePlanAsync(
            planId, planVersion,
            plan =>
            {
                if (open)
                {
                    plan.OpenToPublic(NewKey());
                }
                else
                {
                    plan.CloseToPublic();
                }
            },
            _ => open
                ? "公开进展页已开启：任何人无需登录即可查看任务、牵头单位、完成时限、状态和经审核的公开摘要。"
                : "公开进展页已停止公开，原地址现在显示“未找到”。",
            cancellationToken);
    }

    /// <summary>The office's desk: each task with its approved summaries and newest standing reports.</summary>
    public async Task<Outcome<PublicDesk>> DeskAsync(Actor actor, int planId, CancellationToken cancellationToken = default)
    {
        if (!actor.IsPlanningOffice)
        {
            return Refusals.NotPermitted.As<PublicDesk>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId)
            .Select(p => new { p.Id, p.Title, p.Year, p.Issuer })
            .SingleOrDefaultAsync(cancellationToken);
        if (plan is null)
        {
            return Refusals.PlanGone.As<PublicDesk>();
        }

        var tasks = await db.Tasks.AsNoTracking().Where(t => t.PlanId == planId)
            .OrderBy(t => t.SortOrder).ThenBy(t => t.Path)
            .Select(t => new { t.Id, t.Path, t.Title })
            .ToListAsync(cancellationToken);
        var reports = await db.ProgressReports.AsNoTracking().Where(r => r.Assignment!.WorkTask!.PlanId == planId)
            .Select(r => new
            {
                r.Assignment!.TaskId,
                Report = new DeskReport(r.Id, r.Assignment.OrgUnit!.Name, r.ReportedAtUtc, r.Progress, r.ReturnedAtUtc != null,
                    r.PublicSummary, r.PublicSummaryApprovedAtUtc != null),
            })
            .ToListAsync(cancellationToken);
        var byTask = reports.ToLookup(r => r.TaskId, r => r.Report);
        var deskTasks = tasks.Select(t =>
        {
            var newestFirst = byTask[t.Id].OrderByDescending(r => r.ReportedAtUtc).ToList();
            var recent = newestFirst.Where(r => !r.Returned).Take(RecentReportsPerTask).ToHashSet();
            return new DeskTask(t.Path, t.Title, newestFirst.Where(r => r.Approved || recent.Contains(r)).ToList());
        }).ToList();
        return Outcome.Ok(new PublicDesk(plan.Id, string.IsNullOrWhiteSpace(plan.Title) ? $"{plan.Issuer}{plan.Year}年工作计划" : plan.Title, deskTasks));
    }

    /// <summary>审核公开摘要: the office's wording of one report becomes public text.</summary>
    public Task<Outcome> ApproveSummaryAsync(Actor actor, int reportId, string summary, CancellationToken cancellationToken = default) =>
        ChangeReportAsync(actor, reportId, (r, now) => r.ApprovePublicSummary(summary, now), "公开摘要已审核通过，公开进展页已更新。", cancellationToken);

    /// <summary>撤回公开: the report's summary leaves the public page.</summary>
    public Task<Outcome> WithdrawSummaryAsync(Actor actor, int reportId, CancellationToken cancellationToken = default) =>
        ChangeReportAsync(actor, reportId, (r, _) => r.WithdrawPublicSummary(), "已撤回，这次进展不再公开。", cancellationToken);

    private async Task<Outcome> ChangeReportAsync(Actor actor, int reportId, Action<ProgressReport, DateTime> change, string done, CancellationToken cancellationToken)
    {
        if (!actor.IsPlanningOffice)
        {
            return Refusals.NotPermitted;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var report = await db.ProgressReports.SingleOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        if (report is null)
        {
            return Outcome.NotFound("找不到这次进展报送，可能已被删除，请刷新页面。");
        }

        try
        {
            change(report, clock.GetUtcNow().UtcDateTime);
        }
        catch (DomainRuleException e)
        {
            return Outcome.BrokenRule(e);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok(done);
    }

    /// <summary>
    /// What the public may read of the plan at <paramref name="key"/>; null when there is no such page (never opened,
    /// closed again, or a draft). Built only from the plan's published text, the task's standing and approved summaries.
    /// </summary>
    public async Task<PublicPlanView?> PublicViewAsync(string key, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(key) || key.Length > 32)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var plan = await db.Plans.AsNoTracking().TagWith(ViewTag)
            .Where(p => p.PublicKey == key && p.IsPublic && p.Status != PlanStatus.Draft)
            .Include(p => p.Sections)
            .Include(p => p.Tasks).ThenInclude(t => t.Parties).ThenInclude(p => p.OrgUnit)
            .Include(p => p.Tasks).ThenInclude(t => t.Parties).ThenInclude(p => p.UnitGroup)
            .Include(p => p.Tasks).ThenInclude(t => t.Assignments)
            .AsSplitQuery()
            .SingleOrDefaultAsync(cancellationToken);
        if (plan is null)
        {
            return null;
        }

        var summaries = await db.ProgressReports.AsNoTracking()
            .Where(r => r.Assignment!.WorkTask!.PlanId == plan.Id && r.PublicSummaryApprovedAtUtc != null && r.ReturnedAtUtc == null)
            .Select(r => new { r.Assignment!.TaskId, Unit = r.Assignment.OrgUnit!.Name, r.ReportedAtUtc, ApprovedAtUtc = r.PublicSummaryApprovedAtUtc!.Value, Text = r.PublicSummary! })
            .ToListAsync(cancellationToken);
        var notesByTask = summaries
            .OrderByDescending(s => s.ReportedAtUtc).ThenByDescending(s => s.ApprovedAtUtc)
            .ToLookup(s => s.TaskId, s => new PublicProgressNote(WorkCalendar.DateOf(s.ReportedAtUtc), s.Unit, s.Text));

        var today = WorkCalendar.DateOf(clock.GetUtcNow().UtcDateTime);
        var sectionsById = plan.Sections.ToDictionary(s => s.Id);
        string? TopSection(int? sectionId)
        {
            var section = sectionId is { } id ? sectionsById.GetValueOrDefault(id) : null;
            while (section?.ParentId is { } parent && sectionsById.TryGetValue(parent, out var above))
            {
                section = above;
            }

            return section?.Title;
        }

        var tasks = plan.Tasks
            .OrderBy(t => t.SortOrder).ThenBy(t => t.Path, StringComparer.Ordinal)
            .Select(t => new PublicTask(
                t.Path,
                TopSection(t.SectionId),
                t.Title,
                t.Text == t.Title ? null : t.Text,
                t.LeadParties.Select(p => p.DisplayName).ToList(),
                DeadlineOf(t),
                TaskStandingNames.Of(TaskProgress.RollUp(t.Assignments, today).StandingOf(t.Ongoing)),
                notesByTask[t.Id].ToList()))
            .ToList();
        var updated = summaries.Count > 0 ? summaries.Max(s => s.ApprovedAtUtc) : plan.ImportedAtUtc;
        return new PublicPlanView(key, plan.DisplayTitle, plan.Year, plan.Issuer, plan.DocumentNumber, plan.IssuedOn, updated, tasks);
    }

    /// <summary>
    /// A stamp of everything the public answers are built from, cheap enough to read on every request: the output cache
    /// keeps answers under it, so after a change each instance builds a page once more and serves it from memory until
    /// the next change, whichever instance made it (each has its own cache; they share the database). Every change
    /// behind a public answer (plan, section, task, party, unit, group, assignment, report) is a save of an audited
    /// entity, which writes an audit entry in the same transaction, so the newest entry's id moves with each one. On
    /// PostgreSQL ids are drawn before commit, and a transaction may commit below an id already read: the count of the
    /// entries among the last ids catches that. Today's date is part of it, since a task falls overdue with nobody saving.
    /// The stamp is not per plan: a change anywhere builds the pages once more, which costs one plan's reading each.
    /// </summary>
    public async Task<string> DataStampAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var newest = await db.AuditEntries.AsNoTracking().TagWith(StampTag)
            .OrderByDescending(a => a.Id)
            .Select(a => new { a.Id, Recent = db.AuditEntries.Count(b => b.Id > a.Id - LateCommitWindow) })
            .FirstOrDefaultAsync(cancellationToken);
        var today = WorkCalendar.DateOf(clock.GetUtcNow().UtcDateTime);
        return FormattableString.Invariant($"{today:yyyyMMdd}.{newest?.Id}.{newest?.Recent}");
    }

    private static string DeadlineOf(WorkTask task) =>
        task.Ongoing ? "持续推进" : task.Deadline is { } due ? WorkCalendar.Format(due) : task.DeadlineText ?? "未注明";

    /// <summary>12 random bytes as 24 hex digits: unguessable, and nothing in it says which plan or how many there are.</summary>
    private static string NewKey() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
}

public sealed record PublicPageState(PlanStatus Status, bool IsPublic, string? Key, Guid Version, int ApprovedSummaryCount);

public sealed record PublicDesk(int PlanId, string PlanTitle, IReadOnlyList<DeskTask> Tasks);

public sealed record DeskTask(string Path, string Title, IReadOnlyList<DeskReport> Reports);

public sealed record DeskReport(int ReportId, string UnitName, DateTime ReportedAtUtc, string Progress, bool Returned, string? PublicSummary, bool Approved)
{
    public DateOnly ReportedOn => WorkCalendar.DateOf(ReportedAtUtc);
}

/// <summary>A plan as the public reads it: nothing here but published plan text, standings and approved summaries.</summary>
public sealed record PublicPlanView(
    string Key, string Title, int Year, string? Issuer, string? DocumentNumber, DateOnly? IssuedOn, DateTime UpdatedAtUtc,
    IReadOnlyList<PublicTask> Tasks);

public sealed record PublicTask(
    string Number, string? Section, string Title, string? Text, IReadOnlyList<string> LeadUnits, string Deadline, string Status,
    IReadOnlyList<PublicProgressNote> Progress);

public sealed record PublicProgressNote(DateOnly ReportedOn, string Unit, string Text);

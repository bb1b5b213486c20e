using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Data;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Features.Dashboard;

/// <summary>
/// The draft of the annual report's part on the year's work plan (年度报告 "落实情况"): what was planned, what was
/// done, what is late and why. The "why" is what the units themselves last wrote: the answer to a 督办单, the reason
/// of an extension request, or the problems in the latest standing report, newest first. What was achieved is told
/// section by section of each plan in the units' own words (see <see cref="AchievementsAsync"/>). Every quoted text
/// comes as a <see cref="QuotedText.Clause"/>, ready for the report's own punctuation.
/// </summary>
public sealed class AnnualReportService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Late tasks written out one by one; the rest are counted.</summary>
    public const int LateTasksListed = 100;

    public async Task<Outcome<AnnualReportDraft>> DraftAsync(Actor actor, int year, CancellationToken cancellationToken = default)
    {
        if (!DashboardService.MayView(actor))
        {
            return DashboardService.NotAViewer.As<AnnualReportDraft>();
        }

        var today = WorkCalendar.DateOf(clock.GetUtcNow().UtcDateTime);
        var scope = new DashboardScope(year);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        var plans = await db.Plans.AsNoTracking().OnRecord().Where(p => p.Year == year).OrderBy(p => p.Id)
            .Select(p => new PlannedWork(p.Title, p.DocumentNumber, p.Tasks.AsQueryable().Count(WorkTask.OnRecord))).ToListAsync(cancellationToken);
        plans = plans.Select(p => p with { Title = QuotedText.Clause(p.Title) }).ToList();
        var tasks = await DashboardService.TaskFiguresAsync(db, scope, today, cancellationToken);
        var assignments = DashboardService.InScope(db, scope);
        var units = await assignments.Select(a => a.OrgUnitId).Distinct().CountAsync(cancellationToken);

        var lateIds = tasks.Where(t => t.Standing == TaskStanding.Overdue).Select(t => t.TaskId).ToList();
        var listed = await db.Tasks.AsNoTracking().Where(t => lateIds.Contains(t.Id)).OrderBy(t => t.PlanId).ThenBy(t => t.SortOrder)
            .Take(LateTasksListed).Select(t => new { t.Id, t.Path, t.Title, t.Text, Plan = t.Plan!.Title }).ToListAsync(cancellationToken);
        var listedIds = listed.Select(t => t.Id).ToList();
        var late = await DashboardService.Overdue(assignments, today)
            .Where(a => listedIds.Contains(a.TaskId))
            .Select(a => new { a.Id, a.TaskId, Unit = a.OrgUnit!.Name, Due = a.DueDate!.Value })
            .ToListAsync(cancellationToken);
        var reasons = await ReasonsAsync(db, late.Select(a => a.Id).ToList(), cancellationToken);

        var lateTasks = listed.Select(t =>
        {
            var units = late.Where(a => a.TaskId == t.Id).OrderBy(a => a.Due).ToList();
            var earliest = units.Count > 0 ? units[0].Due : today;
            return new LateTask(QuotedText.Clause(t.Plan), PlanPath.Citation(t.Path), TitleOf(t.Title, t.Text), earliest, today.DayNumber - earliest.DayNumber,
                units.Select(a => new LateUnit(a.Unit, reasons.GetValueOrDefault(a.Id))).ToList());
        }).ToList();

        return Outcome.Ok(new AnnualReportDraft(
            year, today, plans,
            Tasks: tasks.Count,
            Standings: Enum.GetValues<TaskStanding>().ToDictionary(s => s, s => tasks.Count(t => t.Standing == s)),
            Assignments: tasks.Sum(t => t.Assignments),
            Units: units,
            ClosedAssignments: tasks.Sum(t => t.Closed),
            ClosedOnTime: tasks.Sum(t => t.ClosedOnTime),
            LateTasks: lateTasks,
            LateTasksNotListed: lateIds.Count - lateTasks.Count,
            Achievements: await AchievementsAsync(db, scope, cancellationToken)));
    }

    /// <summary>
    /// What each plan's top-level sections (一、二、…) achieved, task by task in the document's order, each task told by
    /// its units: a closed assignment by its completion summary, an open one by its latest report the office did not
    /// send back (returned reports are not the unit's standing word; review remarks are the office's, not used).
    /// Tasks nobody has reported on yet are counted, not listed.
    /// </summary>
    private static async Task<List<AchievedPlan>> AchievementsAsync(AppDbContext db, DashboardScope scope, CancellationToken cancellationToken)
    {
        var plans = await db.Plans.AsNoTracking().OnRecord().Where(p => p.Year == scope.Year).OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.Title }).ToListAsync(cancellationToken);
        var planIds = plans.Select(p => p.Id).ToList();
        var sections = await db.Sections.AsNoTracking().Where(s => planIds.Contains(s.PlanId))
            .Select(s => new { s.Id, s.PlanId, s.ParentId, s.Path, s.Title, s.SortOrder }).ToDictionaryAsync(s => s.Id, cancellationToken);
        var tasks = await DashboardService.TasksInScope(db, scope).OrderBy(t => t.SortOrder).ThenBy(t => t.Id)
            .Select(t => new { t.Id, t.PlanId, t.SectionId, t.Path, t.Title, t.Text }).ToListAsync(cancellationToken);
        var assignments = await DashboardService.InScope(db, scope).OrderBy(a => a.Role).ThenBy(a => a.Id)
            .Select(a => new { a.Id, a.TaskId, a.Status, a.CompletionSummary, Unit = a.OrgUnit!.Name }).ToListAsync(cancellationToken);
        // The database picks each assignment's latest standing report: a year holds tens of thousands of reports.
        var latest = await DashboardService.ReportsInScope(db, scope)
            .Where(r => r.ReturnedAtUtc == null && !db.ProgressReports.Any(o => o.AssignmentId == r.AssignmentId && o.ReturnedAtUtc == null
                && (o.ReportedAtUtc > r.ReportedAtUtc || (o.ReportedAtUtc == r.ReportedAtUtc && o.Id > r.Id))))
            .Select(r => new { r.AssignmentId, r.Progress })
            .ToDictionaryAsync(r => r.AssignmentId, r => r.Progress, cancellationToken);
        var accounts = assignments
            .Select(a =>
            {
                var closed = a.Status == AssignmentStatus.Closed && !string.IsNullOrWhiteSpace(a.CompletionSummary);
                return new { a.TaskId, Account = new UnitAccount(a.Unit, closed, QuotedText.Clause(closed ? a.CompletionSummary : latest.GetValueOrDefault(a.Id))) };
            })
            .Where(a => a.Account.Text.Length > 0)
            .ToLookup(a => a.TaskId, a => a.Account);

        int? RootOf(int? sectionId)
        {
            while (sectionId is { } id && sections[id].ParentId is { } parent)
            {
                sectionId = parent;
            }

            return sectionId;
        }

        return plans.Select(plan =>
        {
            var groups = tasks.Where(t => t.PlanId == plan.Id).GroupBy(t => RootOf(t.SectionId))
                .OrderBy(g => g.Key is { } id ? sections[id].SortOrder : int.MaxValue)
                .Select(g =>
                {
                    var root = g.Key is { } id ? sections[id] : null;
                    var told = g.Where(t => accounts[t.Id].Any())
                        .Select(t => new AchievedTask(PlanPath.Citation(t.Path, root is null ? 0 : 1), TitleOf(t.Title, t.Text), accounts[t.Id].ToList()))
                        .ToList();
                    return new AchievedSection(
                        root is null ? "" : SectionNumber(root.Path),
                        QuotedText.Clause(root?.Title ?? "其他重点任务"),
                        told,
                        g.Count() - told.Count);
                })
                .ToList();
            return new AchievedPlan(QuotedText.Clause(plan.Title), groups);
        }).ToList();
    }

    /// <summary>A top-level section heads a second-level part of the report, so "一" is written "（一）" there.</summary>
    private static string SectionNumber(string path)
    {
        var top = PlanPath.TopLevel(path);
        return PlanPath.HeadingNumber(top).EndsWith('、') ? $"（{top}）" : PlanPath.Citation(top);
    }

    private static string TitleOf(string title, string text) => QuotedText.Clause(string.IsNullOrWhiteSpace(title) ? text : title);

    /// <summary>The newest thing each unit wrote about why it is late, by assignment.</summary>
    private static async Task<Dictionary<int, string>> ReasonsAsync(AppDbContext db, List<int> assignmentIds, CancellationToken cancellationToken)
    {
        var answers = await db.EscalationNotices.AsNoTracking()
            .Where(n => assignmentIds.Contains(n.AssignmentId) && n.Response != null && n.RespondedAtUtc != null)
            .Select(n => new Reason(n.AssignmentId, n.RespondedAtUtc!.Value, "督办回复", n.Response!)).ToListAsync(cancellationToken);
        var extensions = await db.ExtensionRequests.AsNoTracking()
            .Where(e => assignmentIds.Contains(e.AssignmentId))
            .Select(e => new Reason(e.AssignmentId, e.RequestedAtUtc, "延期理由", e.Reason)).ToListAsync(cancellationToken);
        var problems = await db.ProgressReports.AsNoTracking()
            .Where(r => assignmentIds.Contains(r.AssignmentId) && r.ReturnedAtUtc == null && r.Problems != null && r.Problems != "")
            .Select(r => new Reason(r.AssignmentId, r.ReportedAtUtc, "存在问题", r.Problems!)).ToListAsync(cancellationToken);
        return answers.Concat(extensions).Concat(problems)
            .Where(r => QuotedText.Clause(r.Text).Length > 0)
            .GroupBy(r => r.AssignmentId)
            .ToDictionary(g => g.Key, g => g.MaxBy(r => r.AtUtc)!.Said);
    }

    private sealed record Reason(int AssignmentId, DateTime AtUtc, string Label, string Text)
    {
        public string Said => $"{Label}：{QuotedText.Clause(Text)}";
    }
}

public sealed record AnnualReportDraft(
    int Year,
    DateOnly AsOf,
    IReadOnlyList<PlannedWork> Plans,
    int Tasks,
    IReadOnlyDictionary<TaskStanding, int> Standings,
    int Assignments,
    int Units,
    int ClosedAssignments,
    int ClosedOnTime,
    IReadOnlyList<LateTask> LateTasks,
    int LateTasksNotListed,
    IReadOnlyList<AchievedPlan> Achievements);

public sealed record PlannedWork(string Title, string? DocumentNumber, int Tasks);

/// <summary>A late task; <paramref name="Citation"/> numbers it as its plan does ("一、（二）3.").</summary>
public sealed record LateTask(string PlanTitle, string Citation, string Title, DateOnly DueDate, int DaysLate, IReadOnlyList<LateUnit> Units);

public sealed record LateUnit(string UnitName, string? Reason);

/// <summary>What one plan of the year achieved, by its top-level sections.</summary>
public sealed record AchievedPlan(string Title, IReadOnlyList<AchievedSection> Sections);

/// <summary>
/// One top-level section of a plan: <paramref name="Number"/> is its numeral as a second-level heading ("（二）"),
/// empty for the plan's tasks outside any section.
/// </summary>
public sealed record AchievedSection(string Number, string Title, IReadOnlyList<AchievedTask> Tasks, int TasksWithoutReport);

/// <summary>A task with what its units said; <paramref name="Citation"/> numbers it within its section ("（一）1.").</summary>
public sealed record AchievedTask(string Citation, string Title, IReadOnlyList<UnitAccount> Units);

/// <summary>A unit's own word on a task: its completion summary when <paramref name="Closed"/>, else its latest standing report.</summary>
public sealed record UnitAccount(string UnitName, bool Closed, string Text);

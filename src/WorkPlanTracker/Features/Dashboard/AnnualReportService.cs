using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Data;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Features.Dashboard;

/// <summary>
/// The draft of the annual report's part on the year's work plan (年度报告 "落实情况"): what was planned, what was
/// done, what is late and why. The "why" is what the units themselves last wrote: the answer to a 督办单, the reason
/// of an extension request, or the problems in the latest standing report, newest first.
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

        var plans = await db.Plans.AsNoTracking().Where(p => p.Year == year && p.Status != PlanStatus.Draft).OrderBy(p => p.Id)
            .Select(p => new PlannedWork(p.Title, p.DocumentNumber, p.Tasks.Count)).ToListAsync(cancellationToken);
        var tasks = await DashboardService.TaskFiguresAsync(db, scope, today, cancellationToken);
        var assignments = DashboardService.InScope(db, scope);
        var units = await assignments.Select(a => a.OrgUnitId).Distinct().CountAsync(cancellationToken);

        var lateIds = tasks.Where(t => t.Standing == TaskStanding.Overdue).Select(t => t.TaskId).ToList();
        var listed = await db.Tasks.AsNoTracking().Where(t => lateIds.Contains(t.Id)).OrderBy(t => t.PlanId).ThenBy(t => t.SortOrder)
            .Take(LateTasksListed).Select(t => new { t.Id, t.Path, t.Title }).ToListAsync(cancellationToken);
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
            return new LateTask(t.Path, t.Title, earliest, today.DayNumber - earliest.DayNumber,
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
            LateTasksNotListed: lateIds.Count - lateTasks.Count));
    }

    /// <summary>The newest thing each unit wrote about why it is late, by assignment.</summary>
    private static async Task<Dictionary<int, string>> ReasonsAsync(AppDbContext db, List<int> assignmentIds, CancellationToken cancellationToken)
    {
        var answers = await db.EscalationNotices.AsNoTracking()
            .Where(n => assignmentIds.Contains(n.AssignmentId) && n.Response != null && n.RespondedAtUtc != null)
            .Select(n => new Reason(n.AssignmentId, n.RespondedAtUtc!.Value, "督办回复：" + n.Response)).ToListAsync(cancellationToken);
        var extensions = await db.ExtensionRequests.AsNoTracking()
            .Where(e => assignmentIds.Contains(e.AssignmentId))
            .Select(e => new Reason(e.AssignmentId, e.RequestedAtUtc, "延期理由：" + e.Reason)).ToListAsync(cancellationToken);
        var problems = await db.ProgressReports.AsNoTracking()
            .Where(r => assignmentIds.Contains(r.AssignmentId) && r.ReturnedAtUtc == null && r.Problems != null && r.Problems != "")
            .Select(r => new Reason(r.AssignmentId, r.ReportedAtUtc, "存在问题：" + r.Problems)).ToListAsync(cancellationToken);
        return answers.Concat(extensions).Concat(problems)
            .GroupBy(r => r.AssignmentId)
            .ToDictionary(g => g.Key, g => g.MaxBy(r => r.AtUtc)!.Text);
    }

    private sealed record Reason(int AssignmentId, DateTime AtUtc, string Text);
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
    int LateTasksNotListed);

public sealed record PlannedWork(string Title, string? DocumentNumber, int Tasks);

public sealed record LateTask(string Path, string Title, DateOnly DueDate, int DaysLate, IReadOnlyList<LateUnit> Units);

public sealed record LateUnit(string UnitName, string? Reason);

using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Data;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Features.Rollover;

/// <summary>
/// A task's life across years (the chain of <see cref="WorkTask.PreviousTaskId"/> links made by 结转 and by import), and
/// a unit's completion year over year: read-only, for the office and leaders.
/// </summary>
public sealed class YearOverYearService(IDbContextFactory<AppDbContext> dbFactory)
{
    /// <summary>Links followed at most either way: a chain is a handful of years, a loop must not hang the page.</summary>
    private const int MaxYears = 30;

    /// <summary>Every year's task of the chain <paramref name="taskId"/> belongs to, oldest first, each with its outcome.</summary>
    public async Task<Outcome<IReadOnlyList<TaskYear>>> TaskYearsAsync(Actor actor, int taskId, CancellationToken cancellationToken = default)
    {
        if (!actor.IsPlanningOffice && !actor.IsLeadership)
        {
            return Refusals.NotPermitted.As<IReadOnlyList<TaskYear>>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var start = await db.Tasks.AsNoTracking().Select(t => new { t.Id, t.PreviousTaskId }).SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken);
        if (start is null)
        {
            return Refusals.TaskGone.As<IReadOnlyList<TaskYear>>();
        }

        var ids = new List<int> { start.Id };
        var previous = start.PreviousTaskId;
        while (previous is { } id && ids.Count < MaxYears && !ids.Contains(id))
        {
            ids.Insert(0, id);
            previous = await db.Tasks.Where(t => t.Id == id).Select(t => t.PreviousTaskId).SingleOrDefaultAsync(cancellationToken);
        }

        var current = start.Id;
        while (ids.Count < MaxYears
            && await db.Tasks.Where(t => t.PreviousTaskId == current).OrderBy(t => t.Id).Select(t => (int?)t.Id).FirstOrDefaultAsync(cancellationToken) is { } next
            && !ids.Contains(next))
        {
            ids.Add(next);
            current = next;
        }

        var tasks = await db.Tasks.AsNoTracking().Where(t => ids.Contains(t.Id))
            .Include(t => t.Plan)
            .Include(t => t.Assignments)
            .AsSplitQuery()
            .ToDictionaryAsync(t => t.Id, cancellationToken);
        IReadOnlyList<TaskYear> years = [.. ids.Where(tasks.ContainsKey).Select(id => TaskYear.Of(tasks[id], id == taskId))];
        return Outcome.Ok(years);
    }

    /// <summary>
    /// The unit's assignments per year of published (or archived) plans: how many, how many closed, how many of their
    /// tasks were carried on or closed as 未完成. Newest year first.
    /// </summary>
    public async Task<IReadOnlyList<UnitYear>> UnitYearsAsync(int unitId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Assignments.AsNoTracking().OnRecord()
            .Where(a => a.OrgUnitId == unitId)
            .GroupBy(a => a.WorkTask!.Plan!.Year)
            .Select(g => new UnitYear(
                g.Key,
                g.Count(),
                g.Count(a => a.Status == AssignmentStatus.Closed),
                g.Count(a => a.Status != AssignmentStatus.Closed && a.WorkTask!.YearEndOutcome == YearEndOutcome.Carried),
                g.Count(a => a.Status != AssignmentStatus.Closed && a.WorkTask!.YearEndOutcome == YearEndOutcome.Unfinished)))
            .ToListAsync(cancellationToken);
        return [.. rows.OrderByDescending(r => r.Year)];
    }
}

/// <summary>One year of a task's life: where it stood, and how its year ended.</summary>
public sealed record TaskYear(int TaskId, int Year, int PlanId, string PlanTitle, string Path, string Title, string Deadline, string Outcome, bool IsThisTask)
{
    public static TaskYear Of(WorkTask task, bool isThisTask)
    {
        ArgumentNullException.ThrowIfNull(task);
        var closed = task.Assignments.Count(a => a.Status == AssignmentStatus.Closed);
        var outcome = task.YearEndOutcome switch
        {
            YearEndOutcome.Carried => $"结转（{closed}/{task.Assignments.Count} 个单位已办结）",
            YearEndOutcome.Unfinished => $"以未完成关闭：{task.YearEndNote}",
            _ when task.IsClosed => "已办结",
            _ when task.Assignments.Count == 0 => "未分派",
            _ => $"推进中（{closed}/{task.Assignments.Count} 个单位已办结）",
        };
        var deadline = task.Ongoing ? "持续推进" : task.DeadlineText ?? "未注明";
        return new TaskYear(task.Id, task.Plan?.Year ?? 0, task.PlanId, task.Plan?.DisplayTitle ?? "", task.Path, task.Title, deadline, outcome, isThisTask);
    }
}

/// <summary>A unit's year: assignments, closed, and those whose task went on into a later year or was closed as 未完成.</summary>
public sealed record UnitYear(int Year, int Assignments, int Closed, int Carried, int Unfinished)
{
    /// <summary>Closed share in whole percent; 0 for a year without assignments.</summary>
    public int ClosedPercent => Assignments == 0 ? 0 : (int)Math.Round(100.0 * Closed / Assignments);
}

using System.Globalization;
using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Data;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Features.Assignments;

/// <summary>One line of a task's history: when, who, for which unit (none for the task itself), what.</summary>
public sealed record TaskHistoryLine(DateTime AtUtc, PersonName Who, string? UnitName, string What);

/// <summary>One page of a task's history (oldest first): a task given to dozens of units over years has thousands of lines.</summary>
public sealed record TaskHistory(WorkTask WorkTask, IReadOnlyList<TaskHistoryLine> Lines, int Total, int Page, int PageSize)
{
    public int PageCount => Paging.PageCount(PageSize, Total);
}

/// <summary>
/// A task's whole history across its units, read from the audit trail: the task's own edits, every assignment
/// (also those removed since), reports, files, extension requests and escalation notices. For the office and
/// leaders; a unit reads its own part on its assignment page.
/// </summary>
public sealed class TaskHistoryService(IDbContextFactory<AppDbContext> dbFactory)
{
    public const int PageSize = 200;

    public async Task<Outcome<TaskHistory>> GetAsync(Actor actor, int taskId, int page = 1, CancellationToken cancellationToken = default)
    {
        if (!actor.IsPlanningOffice && !actor.IsLeadership)
        {
            return Refusals.NotPermitted.As<TaskHistory>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var task = await db.Tasks.AsNoTracking().Include(t => t.Plan).SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken);
        if (task is null)
        {
            return Refusals.TaskGone.As<TaskHistory>();
        }

        var removed = await RemovedAssignments(db, taskId).ToListAsync(cancellationToken);
        var current = await db.Assignments.Where(a => a.TaskId == taskId).Select(a => a.Id).ToListAsync(cancellationToken);
        var assignmentIds = removed.Select(id => int.Parse(id, CultureInfo.InvariantCulture)).Union(current).ToList();
        var trail = await AssignmentAuditTrail.LoadAsync(db, assignmentIds, taskId, DateTime.MinValue, cancellationToken);

        // Which unit each assignment was for, also for removed ones (from the entry that recorded it).
        var unitOfAssignment = new Dictionary<int, int>();
        foreach (var entry in trail.Entries.Where(e => e.EntityType == nameof(TaskAssignment)))
        {
            if (AssignmentHistory.IntValue(entry, nameof(TaskAssignment.OrgUnitId)) is { } unitId)
            {
                unitOfAssignment[int.Parse(entry.EntityId, CultureInfo.InvariantCulture)] = unitId;
            }
        }

        var unitIds = unitOfAssignment.Values.Distinct().ToList();
        var unitNames = await db.Units.Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
        string? UnitOf(AuditEntry entry) =>
            trail.AssignmentOf(entry) is { } a && unitOfAssignment.TryGetValue(a, out var unit) ? unitNames.GetValueOrDefault(unit) : null;

        var people = await PersonNames.LoadAsync(db, actor, trail.Entries.Select(e => e.UserName), cancellationToken);
        var lines = trail.Entries
            .Select(e => new TaskHistoryLine(e.AtUtc, people.Of(e.UserName), UnitOf(e), AssignmentHistory.Describe(e)))
            .Where(l => l.What.Length > 0)
            .ToList();
        var skip = Paging.Skip(page, PageSize, lines.Count);
        return Outcome.Ok(new TaskHistory(task, lines.Skip(skip).Take(PageSize).ToList(), lines.Count, (skip / PageSize) + 1, PageSize));
    }

    /// <summary>
    /// Ids of the task's removed assignments: gone from their table, their deletion entry still names the task. Only
    /// deletions are searched (a small index of their own), not every assignment entry ever written.
    /// </summary>
    internal static IQueryable<string> RemovedAssignments(AppDbContext db, int taskId)
    {
        var taskKey = Key(taskId);
        var taskIdInJson = $"\"TaskId\":{taskKey},";
        var taskIdLastInJson = $"\"TaskId\":{taskKey}}}";
        return db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == AuditAction.Deleted && e.EntityType == nameof(TaskAssignment)
                && e.Before != null && (e.Before.Contains(taskIdInJson) || e.Before.Contains(taskIdLastInJson)))
            .Select(e => e.EntityId)
            .TagWith(AssignmentAuditTrail.Tag);
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}

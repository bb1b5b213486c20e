using System.Globalization;
using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Data;
using WorkPlanTracker.Domain;

namespace WorkPlanTracker.Features.Assignments;

/// <summary>One line of a task's history: when, who, for which unit (none for the task itself), what.</summary>
public sealed record TaskHistoryLine(DateTime AtUtc, string UserName, string? UnitName, string What);

public sealed record TaskHistory(WorkTask Task, IReadOnlyList<TaskHistoryLine> Lines);

/// <summary>
/// A task's whole history across its units, read from the audit trail: the task's own edits, every assignment
/// (also those removed since), reports, files, extension requests and escalation notices. For the office and
/// leaders; a unit reads its own part on its assignment page.
/// </summary>
public sealed class TaskHistoryService(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<TaskHistory?> GetAsync(Actor actor, int taskId, CancellationToken cancellationToken = default)
    {
        if (!actor.IsPlanningOffice && !actor.IsLeadership)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var task = await db.Tasks.AsNoTracking().Include(t => t.Plan).SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken);
        if (task is null)
        {
            return null;
        }

        var taskKey = Key(taskId);
        // A removed assignment is gone from its table; its deletion entry still names the task it belonged to.
        var taskIdInJson = $"\"TaskId\":{taskKey},";
        var taskIdLastInJson = $"\"TaskId\":{taskKey}}}";
        var assignmentEntries = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == nameof(TaskAssignment)
                && ((e.After != null && (e.After.Contains(taskIdInJson) || e.After.Contains(taskIdLastInJson)))
                    || (e.Before != null && (e.Before.Contains(taskIdInJson) || e.Before.Contains(taskIdLastInJson)))))
            .Select(e => e.EntityId).Distinct().ToListAsync(cancellationToken);
        var current = await db.Assignments.Where(a => a.TaskId == taskId).Select(a => a.Id).ToListAsync(cancellationToken);
        var assignmentIds = assignmentEntries.Union(current.Select(Key)).ToList();
        var assignmentNumbers = assignmentIds.Select(id => int.Parse(id, CultureInfo.InvariantCulture)).ToList();

        var reports = await db.ProgressReports.Where(r => assignmentNumbers.Contains(r.AssignmentId))
            .Select(r => new { r.Id, r.AssignmentId }).ToDictionaryAsync(r => Key(r.Id), r => r.AssignmentId, cancellationToken);
        var extensions = await db.ExtensionRequests.Where(r => assignmentNumbers.Contains(r.AssignmentId))
            .Select(r => new { r.Id, r.AssignmentId }).ToDictionaryAsync(r => Key(r.Id), r => r.AssignmentId, cancellationToken);
        var files = await db.EvidenceFiles.Where(f => assignmentNumbers.Contains(f.Report!.AssignmentId))
            .Select(f => new { f.Id, f.Report!.AssignmentId }).ToDictionaryAsync(f => Key(f.Id), f => f.AssignmentId, cancellationToken);
        var notices = await db.EscalationNotices.Where(n => assignmentNumbers.Contains(n.AssignmentId))
            .Select(n => new { n.Id, n.AssignmentId }).ToDictionaryAsync(n => Key(n.Id), n => n.AssignmentId, cancellationToken);
        var reportKeys = reports.Keys.ToList();
        var extensionKeys = extensions.Keys.ToList();
        var fileKeys = files.Keys.ToList();
        var noticeKeys = notices.Keys.ToList();

        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => (e.EntityType == nameof(WorkTask) && e.EntityId == taskKey)
                || (e.EntityType == nameof(TaskAssignment) && assignmentIds.Contains(e.EntityId))
                || (e.EntityType == nameof(ProgressReport) && reportKeys.Contains(e.EntityId))
                || (e.EntityType == nameof(ExtensionRequest) && extensionKeys.Contains(e.EntityId))
                || (e.EntityType == nameof(EvidenceFile) && fileKeys.Contains(e.EntityId))
                || (e.EntityType == nameof(EscalationNotice) && noticeKeys.Contains(e.EntityId)))
            .OrderBy(e => e.AtUtc).ThenBy(e => e.Id)
            .ToListAsync(cancellationToken);

        // Which unit each assignment was for, also for removed ones (from the entry that recorded it).
        var unitOfAssignment = new Dictionary<int, int>();
        foreach (var entry in entries.Where(e => e.EntityType == nameof(TaskAssignment)))
        {
            if (AssignmentHistory.IntValue(entry, nameof(TaskAssignment.OrgUnitId)) is { } unitId)
            {
                unitOfAssignment[int.Parse(entry.EntityId, CultureInfo.InvariantCulture)] = unitId;
            }
        }

        var unitIds = unitOfAssignment.Values.Distinct().ToList();
        var unitNames = await db.Units.Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);

        string? UnitOf(AuditEntry entry)
        {
            int? assignmentId = entry.EntityType switch
            {
                nameof(TaskAssignment) => int.Parse(entry.EntityId, CultureInfo.InvariantCulture),
                nameof(ProgressReport) => reports.GetValueOrDefault(entry.EntityId),
                nameof(ExtensionRequest) => extensions.GetValueOrDefault(entry.EntityId),
                nameof(EvidenceFile) => files.GetValueOrDefault(entry.EntityId),
                nameof(EscalationNotice) => notices.GetValueOrDefault(entry.EntityId),
                _ => null,
            };
            return assignmentId is { } a && unitOfAssignment.TryGetValue(a, out var unit) ? unitNames.GetValueOrDefault(unit) : null;
        }

        var lines = entries
            .Select(e => new TaskHistoryLine(e.AtUtc, e.UserName, UnitOf(e), AssignmentHistory.Describe(e)))
            .Where(l => l.What.Length > 0)
            .ToList();
        return new TaskHistory(task, lines);
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}

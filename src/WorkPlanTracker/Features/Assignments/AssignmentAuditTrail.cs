using System.Globalization;
using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Data;
using WorkPlanTracker.Domain;

namespace WorkPlanTracker.Features.Assignments;

/// <summary>
/// The audit entries about some assignments of one task: the assignments themselves, their reports, files,
/// extension requests and escalation notices, and the task's own entries from a given time on. Both a unit's
/// 办理记录 and a task's whole history read it.
/// </summary>
public sealed class AssignmentAuditTrail
{
    private readonly Dictionary<(string Type, string Id), int> owner;

    private AssignmentAuditTrail(IReadOnlyList<AuditEntry> entries, Dictionary<(string Type, string Id), int> owner)
    {
        Entries = entries;
        this.owner = owner;
    }

    /// <summary>Oldest first.</summary>
    public IReadOnlyList<AuditEntry> Entries { get; }

    /// <summary>The assignment an entry is about; null for the task's own entries.</summary>
    public int? AssignmentOf(AuditEntry entry) =>
        entry.EntityType == nameof(TaskAssignment) ? int.Parse(entry.EntityId, CultureInfo.InvariantCulture)
        : owner.TryGetValue((entry.EntityType, entry.EntityId), out var assignmentId) ? assignmentId : null;

    public static async Task<AssignmentAuditTrail> LoadAsync(
        AppDbContext db, IReadOnlyCollection<int> assignmentIds, int taskId, DateTime taskEntriesFromUtc, CancellationToken cancellationToken)
    {
        var owner = new Dictionary<(string Type, string Id), int>();
        void Own(string type, IEnumerable<(int Id, int AssignmentId)> rows)
        {
            foreach (var (id, assignmentId) in rows)
            {
                owner[(type, Key(id))] = assignmentId;
            }
        }

        Own(nameof(ProgressReport), (await db.ProgressReports.Where(r => assignmentIds.Contains(r.AssignmentId))
            .Select(r => new { r.Id, r.AssignmentId }).ToListAsync(cancellationToken)).Select(r => (r.Id, r.AssignmentId)));
        Own(nameof(ExtensionRequest), (await db.ExtensionRequests.Where(r => assignmentIds.Contains(r.AssignmentId))
            .Select(r => new { r.Id, r.AssignmentId }).ToListAsync(cancellationToken)).Select(r => (r.Id, r.AssignmentId)));
        Own(nameof(EvidenceFile), (await db.EvidenceFiles.Where(f => assignmentIds.Contains(f.Report!.AssignmentId))
            .Select(f => new { f.Id, f.Report!.AssignmentId }).ToListAsync(cancellationToken)).Select(f => (f.Id, f.AssignmentId)));
        Own(nameof(EscalationNotice), (await db.EscalationNotices.Where(n => assignmentIds.Contains(n.AssignmentId))
            .Select(n => new { n.Id, n.AssignmentId }).ToListAsync(cancellationToken)).Select(n => (n.Id, n.AssignmentId)));

        var assignmentKeys = assignmentIds.Select(Key).ToList();
        var reports = Keys(owner, nameof(ProgressReport));
        var extensions = Keys(owner, nameof(ExtensionRequest));
        var files = Keys(owner, nameof(EvidenceFile));
        var notices = Keys(owner, nameof(EscalationNotice));
        var taskKey = Key(taskId);
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => (e.EntityType == nameof(TaskAssignment) && assignmentKeys.Contains(e.EntityId))
                || (e.EntityType == nameof(ProgressReport) && reports.Contains(e.EntityId))
                || (e.EntityType == nameof(ExtensionRequest) && extensions.Contains(e.EntityId))
                || (e.EntityType == nameof(EvidenceFile) && files.Contains(e.EntityId))
                || (e.EntityType == nameof(EscalationNotice) && notices.Contains(e.EntityId))
                || (e.EntityType == nameof(WorkTask) && e.EntityId == taskKey && e.AtUtc >= taskEntriesFromUtc))
            .OrderBy(e => e.AtUtc).ThenBy(e => e.Id)
            .ToListAsync(cancellationToken);
        return new AssignmentAuditTrail(entries, owner);
    }

    private static List<string> Keys(Dictionary<(string Type, string Id), int> owner, string type) =>
        owner.Keys.Where(k => k.Type == type).Select(k => k.Id).ToList();

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}

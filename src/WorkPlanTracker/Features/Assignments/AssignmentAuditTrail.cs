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

    /// <summary>Names the trail's queries in the SQL, so tests can find them and read their plans.</summary>
    public const string Tag = "assignment-audit-trail";

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

        // What belongs to the assignments, in one query (UNION ALL) rather than one per kind.
        var owned = await db.ProgressReports.Where(r => assignmentIds.Contains(r.AssignmentId))
                .Select(r => new { Type = nameof(ProgressReport), r.Id, r.AssignmentId })
            .Concat(db.ExtensionRequests.Where(r => assignmentIds.Contains(r.AssignmentId))
                .Select(r => new { Type = nameof(ExtensionRequest), r.Id, r.AssignmentId }))
            .Concat(db.EvidenceFiles.Where(f => assignmentIds.Contains(f.Report!.AssignmentId))
                .Select(f => new { Type = nameof(EvidenceFile), f.Id, f.Report!.AssignmentId }))
            .Concat(db.EscalationNotices.Where(n => assignmentIds.Contains(n.AssignmentId))
                .Select(n => new { Type = nameof(EscalationNotice), n.Id, n.AssignmentId }))
            .TagWith(Tag)
            .ToListAsync(cancellationToken);
        foreach (var kind in owned.GroupBy(o => o.Type))
        {
            Own(kind.Key, kind.Select(o => (o.Id, o.AssignmentId)));
        }

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
            .TagWith(Tag)
            .ToListAsync(cancellationToken);
        return new AssignmentAuditTrail(entries, owner);
    }

    private static List<string> Keys(Dictionary<(string Type, string Id), int> owner, string type) =>
        owner.Keys.Where(k => k.Type == type).Select(k => k.Id).ToList();

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}

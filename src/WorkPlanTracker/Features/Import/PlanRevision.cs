using WorkPlanTracker.Domain;

namespace WorkPlanTracker.Features.Import;

/// <summary>
/// What re-importing a revised plan would change in the saved one. Tasks are matched by path, or by
/// identical text when the revision renumbered them, so reports already made stay with their task.
/// </summary>
public sealed class PlanRevision
{
    public required int PlanId { get; init; }
    public required string PlanTitle { get; init; }
    public List<ParsedTask> Added { get; } = [];
    public List<TaskChange> Changed { get; } = [];
    public List<WorkTask> Removed { get; } = [];
    public int UnchangedCount { get; set; }

    /// <summary>Every revised task that matched a saved one (changed or not), keyed by the revised task itself.</summary>
    public Dictionary<ParsedTask, WorkTask> Matches { get; } = new(ReferenceEqualityComparer.Instance);

    public bool HasChanges => Added.Count > 0 || Changed.Count > 0 || Removed.Count > 0;

    public static PlanRevision Compare(WorkPlan saved, ParsedPlan revised)
    {
        var revision = new PlanRevision { PlanId = saved.Id, PlanTitle = saved.DisplayTitle };
        var unmatched = saved.Tasks.ToList();
        foreach (var task in revised.Tasks)
        {
            var match = unmatched.FirstOrDefault(t => t.Path == task.Path)
                ?? unmatched.FirstOrDefault(t => t.Text == task.Text);
            if (match is null)
            {
                revision.Added.Add(task);
                continue;
            }

            unmatched.Remove(match);
            revision.Matches[task] = match;
            var fields = ChangedFields(match, task);
            if (fields.Count == 0)
            {
                revision.UnchangedCount++;
            }
            else
            {
                revision.Changed.Add(new TaskChange(match, task, fields));
            }
        }

        revision.Removed.AddRange(unmatched);
        return revision;
    }

    private static List<FieldChange> ChangedFields(WorkTask saved, ParsedTask revised)
    {
        var changes = new List<FieldChange>();
        void Compare(string field, string? before, string? after)
        {
            if (!string.Equals(before ?? "", after ?? "", StringComparison.Ordinal))
            {
                changes.Add(new FieldChange(field, before ?? "", after ?? ""));
            }
        }

        Compare("序号", saved.Path, revised.Path);
        Compare("标题", saved.Title, revised.Title);
        Compare("任务内容", saved.Text, revised.Text);
        Compare("牵头单位", Names(saved, AssignmentRole.Lead), string.Join("、", revised.LeadUnits));
        Compare("责任单位", Names(saved, AssignmentRole.Supporting), string.Join("、", revised.SupportingUnits));
        Compare("完成时限", DeadlineText(saved.Deadline, saved.Ongoing), DeadlineText(revised.Deadline, revised.Ongoing));
        return changes;
    }

    private static string Names(WorkTask task, AssignmentRole role) =>
        string.Join("、", task.Parties.Where(p => p.Role == role).OrderBy(p => p.SortOrder).Select(p => p.NameAsWritten));

    private static string DeadlineText(DateOnly? deadline, bool ongoing) =>
        ongoing ? "持续推进" : deadline?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "";
}

public sealed record TaskChange(WorkTask Saved, ParsedTask Revised, IReadOnlyList<FieldChange> Fields);

public sealed record FieldChange(string Field, string Before, string After);

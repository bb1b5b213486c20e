using System.Text.Json;
using WorkPlanTracker.Domain;

namespace WorkPlanTracker.Features.Import;

/// <summary>
/// What a plan's import remembers for the next one (stored as JSON on <see cref="PlanSource.ImportSnapshot"/>): the
/// document as the importer read it, before review, and the items the office took out of it (removed, or turned
/// into headings). With it a re-import is a three-way merge: old reading, the office's saved version, new reading.
/// </summary>
public sealed class ImportSnapshot
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public ParsedPlan Parsed { get; set; } = new();

    /// <summary>Texts of items the office removed in review; they stay out while the document keeps them unchanged.</summary>
    public List<SetAsideItem> Removed { get; set; } = [];

    /// <summary>Items the office turned into section headings; they stay headings while the document keeps them unchanged.</summary>
    public List<SetAsideItem> Demoted { get; set; } = [];

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ImportSnapshot? FromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<ImportSnapshot>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A deep copy of a plan as parsed, taken before the review edits it in place.</summary>
    public static ParsedPlan Copy(ParsedPlan plan) =>
        JsonSerializer.Deserialize<ParsedPlan>(JsonSerializer.Serialize(plan, Json), Json)!;
}

public sealed record SetAsideItem(string Path, string Text);

/// <summary>
/// Applies the office's corrections to a new reading of a revised plan: every field of a task the document did not
/// change (same in the old and the new reading) takes the office's saved value (units, deadline, 持续推进, title,
/// text, number); a field the document changed takes the document's new value. Items the office removed or turned
/// into headings stay out while their text is unchanged.
/// </summary>
public static class ReimportMerge
{
    public static void KeepOfficeCorrections(ImportSnapshot snapshot, WorkPlan saved, ParsedPlan revised)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(saved);
        ArgumentNullException.ThrowIfNull(revised);
        foreach (var item in snapshot.Removed.Concat(snapshot.Demoted))
        {
            revised.Tasks.RemoveAll(t => t.Text == item.Text);
        }

        foreach (var item in snapshot.Demoted.Where(d => revised.Sections.All(s => s.Path != d.Path)))
        {
            revised.Sections.Add(new ParsedSection { Path = item.Path, Title = item.Text });
        }

        var oldTasks = snapshot.Parsed.Tasks.ToList();
        var savedTasks = saved.Tasks.ToList();
        foreach (var task in revised.Tasks)
        {
            var old = oldTasks.FirstOrDefault(t => t.Path == task.Path) ?? oldTasks.FirstOrDefault(t => t.Text == task.Text);
            if (old is null)
            {
                continue;
            }

            oldTasks.Remove(old);
            var office = savedTasks.FirstOrDefault(t => t.Path == old.Path) ?? savedTasks.FirstOrDefault(t => t.Text == old.Text);
            if (office is null)
            {
                continue;
            }

            savedTasks.Remove(office);
            if (old.LeadUnits.SequenceEqual(task.LeadUnits))
            {
                task.LeadUnits = Names(office, AssignmentRole.Lead);
            }

            if (old.SupportingUnits.SequenceEqual(task.SupportingUnits))
            {
                task.SupportingUnits = Names(office, AssignmentRole.Supporting);
            }

            if (old.Deadline == task.Deadline && old.Ongoing == task.Ongoing)
            {
                task.Deadline = office.Deadline;
                task.Ongoing = office.Ongoing;
                task.DeadlineText = office.DeadlineText;
            }

            if (old.Title == task.Title)
            {
                task.Title = office.Title;
            }

            if (old.Text == task.Text)
            {
                task.Text = office.Text;
            }

            if (old.Path == task.Path)
            {
                task.Path = office.Path;
            }
        }
    }

    private static List<string> Names(WorkTask task, AssignmentRole role) =>
        task.Parties.Where(p => p.Role == role).OrderBy(p => p.SortOrder).Select(p => p.NameAsWritten).ToList();
}

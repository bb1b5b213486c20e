using System.Globalization;
using System.Text.RegularExpressions;

namespace WorkPlanTracker.Features.Import;

/// <summary>A numbered item or follow-on paragraph, placed in the document's numbering.</summary>
internal sealed class OutlineItem(string path, bool numbered)
{
    private readonly List<string> _paragraphs = [];

    public string Path { get; } = path;

    public bool Numbered { get; } = numbered;

    public UnitNote? Note { get; set; }

    public bool HasChildren { get; set; }

    /// <summary>How many follow-on paragraphs (#2, #3…) hang on this numbered item.</summary>
    public int FollowOns { get; set; }

    public bool HasBody => _paragraphs.Exists(p => p.Length > 0);

    public string BodyText => string.Join("\n", _paragraphs.Where(p => p.Length > 0));

    /// <summary>
    /// A heading holds other items and has no unit note of its own. An item with sub-items AND a note stays a task:
    /// the note assigns work to someone, and dropping it would lose that assignment.
    /// </summary>
    public bool IsSection => HasChildren && Note is not { HasUnits: true } && Note?.DeadlinePhrase is null;

    public void AddParagraph(string text) => _paragraphs.Add(text);
}

/// <summary>Places paragraphs in the numbering (一 → (一) → 1 → (1) → ①) and checks that the numbers run on.</summary>
internal static partial class PlanOutline
{
    public static List<OutlineItem> Build(List<PlanParagraph> paragraphs, List<ImportWarning> warnings)
    {
        var items = new List<OutlineItem>();
        var stack = new List<(NumberingMarker Marker, OutlineItem Item)>();
        var lastNumberByStyle = new Dictionary<NumberingStyle, int>();
        var usedPaths = new HashSet<string>(StringComparer.Ordinal);
        OutlineItem? lastNumbered = null;
        OutlineItem? lastItem = null;

        foreach (var paragraph in paragraphs)
        {
            var hasNote = UnitNoteParser.TrySplitTrailingNote(paragraph.Text, out var body, out var noteText)
                || (paragraph.Marker is not null && UnitNoteParser.TrySplitLeadingNote(paragraph.Text, out body, out noteText));
            var note = hasNote ? UnitNoteParser.Parse(noteText) : null;

            if (paragraph.Marker is { } paragraphMarker)
            {
                var marker = paragraphMarker;
                var level = stack.FindIndex(s => s.Marker.Style == marker.Style);
                int? previous = null;
                if (level >= 0)
                {
                    previous = stack[level].Marker.Number;
                    stack.RemoveRange(level, stack.Count - level);
                }

                if (marker.Style == NumberingStyle.Bullet)
                {
                    // Bullets carry no number: they are counted in order under their heading (-1, -2…).
                    var count = (previous ?? 0) + 1;
                    marker = marker with { Number = count, Label = "-" + count.ToString(CultureInfo.InvariantCulture) };
                    previous = null;
                    lastNumberByStyle.Remove(NumberingStyle.Bullet);
                }

                var parentPath = stack.Count > 0 ? stack[^1].Item.Path : null;
                var path = parentPath is null ? marker.Label : parentPath + "." + marker.Label;
                if (marker.Style != NumberingStyle.Bullet)
                {
                    CheckSequence(marker, previous, lastNumberByStyle, path, warnings);
                }

                lastNumberByStyle[marker.Style] = marker.Number;

                if (!usedPaths.Add(path) && lastNumbered is not null && lastNumbered.Path == path)
                {
                    // A repeated number must not produce two tasks with one path: read it as a follow-on.
                    path = NextFollowOnPath(lastNumbered);
                }

                if (stack.Count > 0)
                {
                    stack[^1].Item.HasChildren = true;
                }

                var item = new OutlineItem(path, numbered: true) { Note = note };
                item.AddParagraph(hasNote ? body : paragraph.Text);
                stack.Add((marker, item));
                items.Add(item);
                lastNumbered = item;
                lastItem = item;
                continue;
            }

            if (lastNumbered is null || lastItem is null)
            {
                // Preamble before the first numbered heading: never a task.
                continue;
            }

            if (note is { HasUnits: true })
            {
                if (lastItem == lastNumbered && lastNumbered.Note is null && !lastNumbered.HasChildren && IsBareHeading(lastNumbered))
                {
                    // "(一)强化组织领导" on its own line, its text and note in the next paragraph.
                    lastNumbered.AddParagraph(body);
                    lastNumbered.Note = note;
                    continue;
                }

                if (lastItem.Note is { HasUnits: true } previousNote && OrdinalPoint().IsMatch(body))
                {
                    // "（九）…一是…（A负责）二是…（B负责）": each point of the task's own 一是/二是 list has its note;
                    // the points are one task, answered for by all of them.
                    lastItem.AddParagraph(body);
                    lastItem.Note = Combine(previousNote, note);
                    continue;
                }

                var followOn = new OutlineItem(NextFollowOnPath(lastNumbered), numbered: false) { Note = note };
                followOn.AddParagraph(body);
                items.Add(followOn);
                lastItem = followOn;
                continue;
            }

            // No note of its own: the paragraph continues the task before it.
            lastItem.AddParagraph(paragraph.Text);
        }

        return items;
    }

    private static UnitNote Combine(UnitNote first, UnitNote next)
    {
        var leads = first.LeadUnits.Concat(next.LeadUnits).Distinct().ToList();
        var supporting = first.SupportingUnits.Concat(next.SupportingUnits).Where(u => !leads.Contains(u)).Distinct().ToList();
        return new UnitNote(leads, supporting, first.DeadlinePhrase ?? next.DeadlinePhrase)
        {
            NamesLead = first.NamesLead || next.NamesLead,
            CarriedSupportingUnits = [.. first.CarriedSupportingUnits.Concat(next.CarriedSupportingUnits).Distinct()],
        };
    }

    // A heading may be one short sentence with its full stop: "（一）提升农业供应链组织水平。".
    private static bool IsBareHeading(OutlineItem item)
    {
        var text = item.BodyText.TrimEnd();
        return text.Length <= 40 && text.IndexOf('。', StringComparison.Ordinal) is var stop && (stop < 0 || stop == text.Length - 1);
    }

    private static string NextFollowOnPath(OutlineItem numbered)
    {
        numbered.FollowOns++;
        return numbered.Path + "#" + (numbered.FollowOns + 1).ToString(CultureInfo.InvariantCulture);
    }

    private static void CheckSequence(
        NumberingMarker marker, int? previousSibling, Dictionary<NumberingStyle, int> lastNumberByStyle, string path, List<ImportWarning> warnings)
    {
        if (previousSibling is { } previous)
        {
            if (marker.Number == previous)
            {
                warnings.Add(new ImportWarning { Path = path, Message = $"编号重复：{marker.Label} 出现了两次" });
            }
            else if (marker.Number != previous + 1)
            {
                warnings.Add(new ImportWarning { Path = path, Message = $"编号不连续：上一项为 {previous}，本项为 {marker.Number}" });
            }

            return;
        }

        // The first item under a heading starts at 1, or carries on the numbering of the previous heading (宿州 2024).
        var carriedOn = lastNumberByStyle.TryGetValue(marker.Style, out var last) && marker.Number == last + 1;
        if (marker.Number != 1 && !carriedOn)
        {
            warnings.Add(new ImportWarning { Path = path, Message = $"编号不连续：本级第一项编号为 {marker.Number}" });
        }
    }

    // "二是…", "三是…": the next point of a list inside one task (一是 opens it in the task's own text).
    [GeneratedRegex("^[二三四五六七八九十]是")]
    private static partial Regex OrdinalPoint();
}

using DiffPlex;

namespace WorkPlanTracker.Features.Import;

/// <summary>
/// A changed text as the reviewer reads it: the common parts once, what was taken out and what was put in marked.
/// Character-level, because Chinese has no spaces between words and a word-level diff would mark whole sentences.
/// </summary>
public static class TextDiff
{
    public static IReadOnlyList<DiffSegment> Segments(string before, string after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var result = Differ.Instance.CreateCharacterDiffs(before, after, ignoreWhitespace: false);
        var segments = new List<DiffSegment>();
        var position = 0;
        foreach (var block in result.DiffBlocks)
        {
            Add(DiffKind.Same, before[position..block.DeleteStartA]);
            Add(DiffKind.Removed, before.Substring(block.DeleteStartA, block.DeleteCountA));
            Add(DiffKind.Added, after.Substring(block.InsertStartB, block.InsertCountB));
            position = block.DeleteStartA + block.DeleteCountA;
        }

        Add(DiffKind.Same, before[position..]);
        return segments;

        void Add(DiffKind kind, string text)
        {
            if (text.Length > 0)
            {
                segments.Add(new DiffSegment(kind, text));
            }
        }
    }
}

public enum DiffKind
{
    Same,
    Removed,
    Added,
}

public sealed record DiffSegment(DiffKind Kind, string Text);

using System.Text;
using System.Text.RegularExpressions;

namespace WorkPlanTracker.Features.Import.Documents;

/// <summary>A line of a page: prose to rebuild into paragraphs, or a table row already in the readers' line format.</summary>
internal readonly record struct PdfLine(string Text, bool IsTableRow);

/// <summary>
/// Turns the lines of a PDF's pages back into the paragraphs the plan was written in: drops page numbers
/// ("— 3 —", "- 3 -", "第3页 共9页") and running headers or footers repeated on the pages, and joins the
/// visual lines of a paragraph (also across a page break) so that a task and its note read as one line again.
/// Table rows stay as they are: each is one line already, and the prose around a table never runs into it.
/// </summary>
public static partial class PdfPageText
{
    /// <summary>How many lines at the top and the bottom of a page can be furniture.</summary>
    private const int EdgeLines = 2;

    public static string Join(IReadOnlyList<string> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        return Join(pages.Select(Prose).ToList());
    }

    internal static string Join(List<List<PdfLine>> lines)
    {
        RemovePageNumbers(lines);
        RemoveRunningLines(lines);
        return JoinParagraphs(lines);
    }

    /// <summary>The text of a page without tables, as PdfPig's content-order extractor gives it.</summary>
    internal static List<PdfLine> Prose(string page) => SplitLines(page).Select(l => new PdfLine(l, IsTableRow: false)).ToList();

    /// <summary>A line built from glyphs, with its white space made like the extractor's.</summary>
    internal static PdfLine ProseLine(string line) => new(Spaces().Replace(line.Replace('\u3000', ' '), " ").Trim(), IsTableRow: false);

    private static List<string> SplitLines(string page) =>
        page.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n')
            .Select(l => Spaces().Replace(l.Replace('\u3000', ' '), " ").Trim())
            .Where(l => l.Length > 0)
            .ToList();

    private static void RemovePageNumbers(List<List<PdfLine>> pages)
    {
        foreach (var page in pages)
        {
            for (var i = page.Count - 1; i >= 0; i--)
            {
                if (IsEdge(page, i) && !page[i].IsTableRow && PageNumber().IsMatch(page[i].Text))
                {
                    page.RemoveAt(i);
                }
            }
        }
    }

    /// <summary>A line at the edge of most pages (digits aside, as in "第3页") is a running header or footer, not the plan.</summary>
    private static void RemoveRunningLines(List<List<PdfLine>> pages)
    {
        if (pages.Count < 2)
        {
            return;
        }

        var pagesByKey = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        for (var p = 0; p < pages.Count; p++)
        {
            for (var i = 0; i < pages[p].Count; i++)
            {
                if (IsEdge(pages[p], i) && !pages[p][i].IsTableRow)
                {
                    var key = Key(pages[p][i].Text);
                    if (!pagesByKey.TryGetValue(key, out var set))
                    {
                        pagesByKey[key] = set = [];
                    }

                    set.Add(p);
                }
            }
        }

        var needed = Math.Max(2, (pages.Count + 1) / 2);
        var running = pagesByKey.Where(kv => kv.Value.Count >= needed).Select(kv => kv.Key).ToHashSet(StringComparer.Ordinal);
        if (running.Count == 0)
        {
            return;
        }

        for (var p = 0; p < pages.Count; p++)
        {
            var page = pages[p];
            for (var i = page.Count - 1; i >= 0; i--)
            {
                // The plan's own title opens page 1 even when later pages repeat it as a header.
                var isTitle = p == 0 && i == 0 && TitleWords().IsMatch(page[i].Text);
                if (!isTitle && IsEdge(page, i) && !page[i].IsTableRow && running.Contains(Key(page[i].Text)))
                {
                    page.RemoveAt(i);
                }
            }
        }
    }

    private static bool IsEdge(List<PdfLine> page, int index) => index < EdgeLines || index >= page.Count - EdgeLines;

    /// <summary>A line as it repeats from page to page: its numbers ("第3页", a date) set aside.</summary>
    internal static string Key(string line) => Digits().Replace(line, "#");

    internal static bool IsPageNumber(string line) => PageNumber().IsMatch(line);

    private static string JoinParagraphs(List<List<PdfLine>> pages)
    {
        var all = pages.SelectMany(p => p).ToList();
        if (all.Count == 0)
        {
            return "";
        }

        var fullWidth = TypicalFullWidth(all.Where(l => !l.IsTableRow).Select(l => l.Text).ToList());
        var text = new StringBuilder();
        text.Append(all[0].Text);
        for (var i = 1; i < all.Count; i++)
        {
            var previous = all[i - 1].Text;
            var line = all[i].Text;
            if (!all[i - 1].IsTableRow && !all[i].IsTableRow && ContinuesParagraph(previous, line, fullWidth))
            {
                if (IsAsciiWordChar(previous[^1]) && IsAsciiWordChar(line[0]))
                {
                    text.Append(' ');
                }
            }
            else
            {
                text.Append('\n');
            }

            text.Append(line);
        }

        return text.ToString();
    }

    /// <summary>
    /// A line filled to the right margin runs on into the next one, unless the next starts a numbered item; short
    /// lines (titles, headings, the last line of a paragraph) end there. A full line ending in "。" runs on too:
    /// inside a paragraph a sentence ends at the margin far more often than the paragraph itself does, and joining
    /// two unnumbered paragraphs costs the parser nothing, while cutting a task from its note loses the note.
    /// </summary>
    private static bool ContinuesParagraph(string previous, string line, double fullWidth) =>
        fullWidth > 0
        && Width(previous) >= fullWidth * 0.9
        && !StartsNumberedItem(line);

    /// <summary>The width of a full line: the median of the longer lines, since most lines of a plan are full ones.</summary>
    private static double TypicalFullWidth(List<string> lines)
    {
        var widths = lines.Select(Width).Where(w => w >= 12).OrderBy(w => w).ToList();
        return widths.Count < 3 ? 0 : widths[widths.Count / 2];
    }

    /// <summary>Chinese characters and full-width punctuation take one em (so do “” — … in a Chinese font), Latin letters and digits about half.</summary>
    internal static double Width(string line) => line.Sum(c => c >= '\u2e80' || PlanText.IsWide(c) ? 1.0 : 0.5);

    /// <summary>True for a line that opens a numbered item or heading (一、 （一） 1. ① 第一条), which starts a paragraph.</summary>
    private static bool StartsNumberedItem(string line) => NumberingStart().IsMatch(line);

    private static bool IsAsciiWordChar(char c) => c < 128 && char.IsLetterOrDigit(c);

    [GeneratedRegex(@"[ \t\u00A0]+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    [GeneratedRegex(@"^[\-—–－―~～·•\s]*(?:第\s*\d{1,4}\s*页(?:\s*[，,/／]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}(?:\s*[/／]\s*\d{1,4})?|[-—–－―]\s*\d{1,4}\s*[-—–－―]|Page\s*\d{1,4}(?:\s*of\s*\d{1,4})?)[\-—–－―~～·•\s]*$", RegexOptions.IgnoreCase)]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"(?:要点|方案|计划|清单|分解表|分工)")]
    private static partial Regex TitleWords();

    [GeneratedRegex(@"^(?:[一二三四五六七八九十百]+[、．.]|[（(][一二三四五六七八九十百\d]+[)）]|\d+[.．、](?!\d)|[①-⑳]|第[一二三四五六七八九十百\d]+[章节条部分项])")]
    private static partial Regex NumberingStart();
}

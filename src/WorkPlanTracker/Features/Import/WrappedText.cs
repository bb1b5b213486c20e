using System.Text;
using System.Text.RegularExpressions;
using WorkPlanTracker.Features.Import.Documents;

namespace WorkPlanTracker.Features.Import;

/// <summary>
/// Joins again the paragraphs of a text whose lines were broken at a fixed width: text copied out of a PDF viewer or
/// saved by pdftotext, an e-mail, a Markdown file wrapped at 80 columns. Read line by line, a task there is cut from its
/// note and a number inside a cut paragraph is never seen. A text is taken as wrapped when most of its lines are
/// about as wide as its full lines and almost none is wider; then a full line runs on into the next one unless that
/// one opens a numbered item, a blank line ends a paragraph, a line that is only a page number goes, and the space a
/// PDF sets between a digit and a Chinese character goes too.
/// </summary>
internal static partial class WrappedText
{
    private const int MinimumFullLines = 8;

    public static string Unwrap(string text)
    {
        var lines = PageLines(text);
        var fullWidth = FullWidth(lines);
        if (fullWidth is not { } width)
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        var previous = "";
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (PdfPageText.IsPageNumber(line) && line.Length > 0)
            {
                continue;
            }

            if (line.Length == 0)
            {
                previous = "";
                result.Append('\n');
                continue;
            }

            var runsOn = previous.Length > 0 && PdfPageText.Width(previous) >= width * 0.9 && !PdfPageText.StartsNumberedItem(line);
            if (!runsOn && result.Length > 0)
            {
                result.Append('\n');
            }
            else if (runsOn && char.IsAsciiLetterOrDigit(previous[^1]) && char.IsAsciiLetterOrDigit(line[0]))
            {
                result.Append(' ');
            }

            result.Append(DigitSpacing().Replace(line, ""));
            previous = line;
        }

        return result.ToString();
    }

    /// <summary>
    /// The lines of the text with the blank lines and page numbers that end or open a page (at a form feed) left out, so a
    /// paragraph cut by a page break still runs on into the next page.
    /// </summary>
    private static string[] PageLines(string text)
    {
        if (!text.Contains('\f', StringComparison.Ordinal))
        {
            return text.Split('\n');
        }

        var lines = new List<string>();
        foreach (var page in text.Split('\f'))
        {
            var pageLines = page.Split('\n').ToList();
            while (pageLines.Count > 0 && IsPageEdge(pageLines[^1]))
            {
                pageLines.RemoveAt(pageLines.Count - 1);
            }

            while (pageLines.Count > 0 && IsPageEdge(pageLines[0]))
            {
                pageLines.RemoveAt(0);
            }

            lines.AddRange(pageLines);
        }

        return [.. lines];
    }

    private static bool IsPageEdge(string line) => string.IsNullOrWhiteSpace(line) || PdfPageText.IsPageNumber(line.Trim());

    /// <summary>
    /// The width of a full line when the text is wrapped: at least <see cref="MinimumFullLines"/> lines and two in five
    /// of the longer ones within a tenth of the median width, and hardly any line wider (a text with a paragraph per line
    /// has lines of every width, the longest far over the median).
    /// </summary>
    private static double? FullWidth(string[] lines)
    {
        var widths = lines.Select(l => PdfPageText.Width(l.Trim())).Where(w => w >= 12).Order().ToList();
        if (widths.Count < MinimumFullLines)
        {
            return null;
        }

        var median = widths[widths.Count / 2];
        var full = widths.Count(w => w >= median * 0.9 && w <= median * 1.1 + 1);
        var wider = widths.Count(w => w > median * 1.25 + 1);
        return full >= MinimumFullLines && full * 5 >= widths.Count * 2 && wider * 20 <= widths.Count ? median : null;
    }

    // pdftotext sets a space between a digit and a Chinese character ("2023 年", "检查 1 次"), as the PDF spaces them.
    [GeneratedRegex(@"(?<=\d) (?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff]) (?=\d)")]
    private static partial Regex DigitSpacing();
}

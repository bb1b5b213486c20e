using System.Text.RegularExpressions;
using WorkPlanTracker.Features.Import.Documents;

namespace WorkPlanTracker.Features.Import;

/// <summary>
/// Joins again the paragraphs of a text whose lines were broken at a fixed width: text copied out of a PDF viewer or
/// saved by pdftotext, an e-mail, a Markdown file wrapped at 80 columns. Read line by line, a task there is cut from its
/// note and a number inside a cut paragraph is never seen. A text is taken as wrapped when most of its lines are about
/// as wide as its full lines and almost none is wider; it is then joined as the PDF reader joins a PDF's lines
/// (<see cref="PdfPageText"/>: pages at form feeds, page numbers and running headers dropped, a full line runs on unless
/// the next opens a numbered item), and the space a PDF sets between a digit and a Chinese character goes too.
/// </summary>
internal static partial class WrappedText
{
    private const int MinimumFullLines = 8;

    public static string Unwrap(string text) =>
        IsWrapped(text.Split('\n', '\f')) ? DigitSpacing().Replace(PdfPageText.Join(text.Split('\f')), "") : text;

    /// <summary>
    /// At least <see cref="MinimumFullLines"/> lines and two in five of the longer ones within a tenth of the median
    /// width, and hardly any line wider: a text with a paragraph per line has lines of every width, the longest far over
    /// the median.
    /// </summary>
    private static bool IsWrapped(string[] lines)
    {
        var widths = lines.Select(l => PdfPageText.Width(l.Trim())).Where(w => w >= 12).Order().ToList();
        if (widths.Count < MinimumFullLines)
        {
            return false;
        }

        var median = widths[widths.Count / 2];
        var full = widths.Count(w => w >= median * 0.9 && w <= median * 1.1 + 1);
        var wider = widths.Count(w => w > median * 1.25 + 1);
        return full >= MinimumFullLines && full * 5 >= widths.Count * 2 && wider * 20 <= widths.Count;
    }

    // pdftotext sets a space between a digit and a Chinese character ("2023 年", "检查 1 次"), as the PDF spaces them.
    [GeneratedRegex(@"(?<=\d) (?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff]) (?=\d)")]
    private static partial Regex DigitSpacing();
}

using System.Text;
using System.Text.RegularExpressions;

namespace WorkPlanTracker.Features.Import;

/// <summary>
/// A plan copied as Markdown: headings (<c>## 一、…</c>), emphasis (<c>**（一）…**</c>), quotes (<c>&gt; </c>), list
/// bullets, escapes (<c>1\.</c>), links and pipe tables. The marks are taken off so the numbering and the notes read as in
/// a plain text; a pipe table becomes tab-separated rows, which the flattened-table reader knows. A text that does not
/// look like Markdown is returned unchanged.
/// </summary>
internal static partial class MarkdownText
{
    public static string ToPlainText(string text)
    {
        if (!LooksLikeMarkdown(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (TableRule().IsMatch(line) || HorizontalRule().IsMatch(line))
            {
                continue;
            }

            line = LinePrefix().Replace(line, "");
            line = Image().Replace(line, "");
            line = Link().Replace(line, "$1");
            line = Strong().Replace(line, "");
            line = Emphasis().Replace(line, "$1");
            line = Escape().Replace(line, "$1");
            if (TableRow().IsMatch(line))
            {
                line = string.Join('\t', line.Trim().Trim('|').Split('|').Select(c => c.Trim()));
            }

            builder.Append(line).Append('\n');
        }

        return builder.ToString();
    }

    private static bool LooksLikeMarkdown(string text)
    {
        var marks = 0;
        foreach (Match _ in MarkdownLine().Matches(text))
        {
            if (++marks >= 2)
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"^(?:#{1,6}[ \t]|>[ \t]?|\|.*\|[ \t]*\r?$)|\*\*[^*\n]+\*\*|__[^_\n]+__", RegexOptions.Multiline)]
    private static partial Regex MarkdownLine();

    // Heading marks, quote marks and list bullets at the start of a line ("## ", "> > ", "- ", "* ", "+ ").
    [GeneratedRegex(@"^\s*(?:(?:#{1,6}|>)[ \t]*|[-*+][ \t]+)+")]
    private static partial Regex LinePrefix();

    [GeneratedRegex(@"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")]
    private static partial Regex TableRule();

    [GeneratedRegex(@"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")]
    private static partial Regex HorizontalRule();

    [GeneratedRegex(@"^\s*\|.*\|\s*$")]
    private static partial Regex TableRow();

    [GeneratedRegex(@"!\[[^\]]*\]\([^)]*\)")]
    private static partial Regex Image();

    [GeneratedRegex(@"\[([^\]]+)\]\([^)]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"\*\*|__")]
    private static partial Regex Strong();

    [GeneratedRegex(@"(?<![\w*])\*(?!\s)([^*\n]+?)(?<!\s)\*(?![\w*])")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"\\([\\`*_{}\[\]()#+\-.!|>~])")]
    private static partial Regex Escape();
}

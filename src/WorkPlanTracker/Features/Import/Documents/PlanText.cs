using System.Text;
using System.Text.RegularExpressions;

namespace WorkPlanTracker.Features.Import.Documents;

/// <summary>
/// The shape every reader hands to the parser: one paragraph per line, no blank lines, no
/// indentation (Chinese paragraphs start with two ideographic spaces that carry no meaning).
/// </summary>
internal static partial class PlanText
{
    public static string FromLines(IEnumerable<string> lines)
    {
        var builder = new StringBuilder();
        foreach (var raw in lines)
        {
            foreach (var line in raw.Split('\n'))
            {
                var clean = TrimLine(line);
                if (clean.Length == 0)
                {
                    continue;
                }

                if (builder.Length > 0)
                {
                    builder.Append('\n');
                }

                builder.Append(clean);
            }
        }

        return builder.ToString();
    }

    public static string FromText(string text) =>
        FromLines(text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n'));

    /// <summary>Trims all kinds of spaces, including the ideographic and no-break spaces Word and web pages use for indenting.</summary>
    public static string TrimLine(string line)
    {
        var withoutControls = RemoveControls(line);
        return withoutControls.Trim(' ', '\t', '\u00A0', '\u3000', '\uFEFF', '\u200B', '\f', '\v');
    }

    /// <summary>Collapses runs of white space as a browser would, except that a line break between two Chinese characters vanishes instead of becoming a space.</summary>
    public static string CollapseWhiteSpace(string text)
    {
        var joined = LineBreakBetweenChinese().Replace(text, "");
        return WhiteSpaceRun().Replace(joined, " ");
    }

    public static bool IsChinese(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';

    /// <summary>Chinese characters plus the full-width punctuation that sits between them without spaces.</summary>
    public static bool IsWide(char c) => IsChinese(c) || c is >= '\u3000' and <= '\u303F' or >= '\uFF00' and <= '\uFFEF' or '“' or '”' or '‘' or '’' or '…' or '—';

    public static int CountChinese(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (IsChinese(c))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Joins the lines of one cell into one phrase: nothing between Chinese text, a space between Latin words.</summary>
    public static string JoinPhrases(IEnumerable<string> parts)
    {
        var builder = new StringBuilder();
        foreach (var part in parts.Select(TrimLine).Where(p => p.Length > 0))
        {
            if (builder.Length > 0 && !(IsWide(builder[^1]) && IsWide(part[0])))
            {
                builder.Append(' ');
            }

            builder.Append(part);
        }

        return builder.ToString();
    }

    /// <summary>Joins unit names written one per line in a cell with the enumeration comma the parser splits on.</summary>
    public static string JoinUnits(IEnumerable<string> parts)
    {
        var builder = new StringBuilder();
        foreach (var part in parts.Select(TrimLine).Where(p => p.Length > 0))
        {
            if (builder.Length > 0 && builder[^1] is not ('、' or '，' or ',' or '；' or ';'))
            {
                builder.Append('、');
            }

            builder.Append(part);
        }

        return builder.ToString();
    }

    public static IEnumerable<string> SplitLines(string text) =>
        text.Split('\n').Select(TrimLine).Where(l => l.Length > 0);

    private static string RemoveControls(string line)
    {
        if (!line.Any(c => char.IsControl(c) && c != '\t'))
        {
            return line;
        }

        return new string(line.Where(c => !char.IsControl(c) || c == '\t').ToArray());
    }

    [GeneratedRegex(@"(?<=[\u3400-\u9FFF\u3000-\u303F\uFF00-\uFFEF])[ \t\u00A0]*[\r\n][\s\u00A0]*(?=[\u3400-\u9FFF\u3000-\u303F\uFF00-\uFFEF])")]
    private static partial Regex LineBreakBetweenChinese();

    [GeneratedRegex(@"[\s\u00A0]+")]
    private static partial Regex WhiteSpaceRun();
}

/// <summary>Recognises the numbered headings of Chinese official documents: 一、 (一) 第一部分.</summary>
internal static partial class SectionHeading
{
    public static bool IsHeading(string text) => HeadingStart().IsMatch(text);

    /// <summary>A 序号 cell that numbers a section rather than a task: 一 / 一、 / (一).</summary>
    public static bool IsChineseNumber(string text) => ChineseNumberOnly().IsMatch(text);

    /// <summary>Rebuilds a section heading split over a 序号 cell and a text cell.</summary>
    public static string Compose(string number, string title)
    {
        var trimmed = number.Trim();
        if (trimmed.EndsWith('、') || trimmed.EndsWith(')') || trimmed.EndsWith('）'))
        {
            return trimmed + title;
        }

        return trimmed.TrimEnd('.', '．') + "、" + title;
    }

    [GeneratedRegex(@"^\s*(第[一二三四五六七八九十百零〇]+(部分|章|节|篇)|[一二三四五六七八九十百零〇]+\s*[、．.]|[（(]\s*[一二三四五六七八九十百零〇]+\s*[)）])")]
    private static partial Regex HeadingStart();

    [GeneratedRegex(@"^\s*([一二三四五六七八九十百零〇]+\s*[、．.]?|[（(]\s*[一二三四五六七八九十百零〇]+\s*[)）])\s*$")]
    private static partial Regex ChineseNumberOnly();
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace WorkPlanTracker.Features.Import;

/// <summary>
/// Puts back the line breaks a crawler or a copy from a web page lost: a body on one line is cut before every
/// item number found inside the running text. A number counts only where it continues its own sequence
/// (一、 after 一、 is 二、; 1. after 3. is 4.), which tells a real marker from 1.5亿元, 第1季度, a date, or a
/// number quoted inside a sentence.
/// </summary>
internal static partial class RunningTextSplitter
{
    // Shorter lines are ordinary lines of a document that kept its breaks.
    private const int LongLine = 300;

    public static List<string> Split(IReadOnlyList<string> lines)
    {
        var result = new List<string>(lines.Count);
        var sequence = new MarkerSequence();
        // Once a long line turned out to be running text, the lines after it are pieces of the same running text
        // (a PDF cuts it where a visual line happens to start at a number; a page keeps a few of its breaks).
        var runningText = false;
        // A document that is one line, however short, lost its breaks: no ordinary plan puts its title and tasks on one line.
        var oneLine = lines.Count(l => !string.IsNullOrWhiteSpace(l)) == 1;
        foreach (var line in lines)
        {
            if (line.Length < LongLine && !runningText && !oneLine)
            {
                result.Add(line);
                NoteLineStart(line, sequence);
                continue;
            }

            var start = 0;
            var candidates = ReadCandidates(line);
            var opening = line.Length - line.TrimStart().Length;
            var insideSentence = new HashSet<int>();
            for (var c = 0; c < candidates.Count; c++)
            {
                var (cut, style, number) = candidates[c];
                if (cut == opening && style is not null and not NumberingStyle.Bullet)
                {
                    // A number the line opens with is a marker whatever the sequence expected (see NoteLineStart).
                    sequence.Take(style.Value, number);
                    continue;
                }

                if (insideSentence.Contains(c))
                {
                    continue;
                }

                if (style is NumberingStyle.Arabic or NumberingStyle.ParenthesizedArabic && sequence.HasLevelAbove(style.Value)
                    && ListInsideSentence(line, candidates, c) is { Count: > 0 } entries)
                {
                    insideSentence.UnionWith(entries);
                    continue;
                }

                var startsAgain = StartsAgainAtOne(line, candidates, c) || OpensTable(line, cut);
                if (style is not null and not NumberingStyle.Bullet && !sequence.Accept(style.Value, number, SkipsOneNumber(candidates, c), StartsListAfterColon(line, candidates, c), startsAgain))
                {
                    continue;
                }

                if (cut > start)
                {
                    result.Add(line[start..cut].Trim());
                    runningText = true;
                }

                start = cut;
            }

            result.Add(line[start..].Trim());
        }

        return result;
    }

    /// <summary>
    /// A line break before a number is the document's own word that an item starts there: the sequence goes on from
    /// it, so running text after a few kept breaks (a PDF that cut a paragraph at "（2）", a page that kept some
    /// paragraphs) is read on from the right number instead of waiting for a number it already passed.
    /// </summary>
    private static void NoteLineStart(string line, MarkerSequence sequence)
    {
        var opening = line.AsSpan().TrimStart();
        var match = InlineMarker().Match(line, line.Length - opening.Length);
        if (match.Success && match.Index == line.Length - opening.Length && TryClassify(match, out var style, out var number))
        {
            sequence.Take(style, number);
        }
    }

    private static List<(int Index, NumberingStyle? Style, int Number)> ReadCandidates(string line)
    {
        var candidates = new List<(int, NumberingStyle?, int)>();
        var tableStart = TaskTableStart(line);
        var attachments = false;
        foreach (Match match in InlineMarker().Matches(line))
        {
            if (match.Groups["dash"].Success)
            {
                candidates.Add((match.Index, NumberingStyle.Bullet, 0));
            }
            else if (match.Groups["bare"].Success)
            {
                // "…措施。各处室(中心) 2对标…": a table row's number glued to its text, trusted only inside a task table.
                if (tableStart >= 0 && match.Index > tableStart)
                {
                    candidates.Add((match.Index, NumberingStyle.Arabic, int.Parse(match.Groups["bare"].ValueSpan, CultureInfo.InvariantCulture)));
                }
            }
            else if (match.Groups["noise"].Success)
            {
                candidates.Add((match.Index, null, 0));
            }
            else if (TryClassify(match, out var style, out var number))
            {
                // "附件：1.权力运行流程图示例 2.…": the names of the attached files, not items of work, up to the next
                // part of the document (an attached plan starts again at 一、 or (一)).
                var isPart = style is NumberingStyle.ChineseNumeral or NumberingStyle.ParenthesizedChinese;
                attachments = !isPart && (attachments || AttachmentList().IsMatch(line.AsSpan(0, match.Index)));
                if (!attachments)
                {
                    candidates.Add((match.Index, style, number));
                }
            }
        }

        return candidates;
    }

    // A published plan may skip numbers (…27. 29. 30.…, （三）→（六）（七）): a number up to three past the expected
    // one is still a marker when the next number of its style continues from it.
    private static bool SkipsOneNumber(List<(int Index, NumberingStyle? Style, int Number)> candidates, int at)
    {
        var (_, style, number) = candidates[at];
        for (var i = at + 1; i < candidates.Count; i++)
        {
            if (candidates[i].Style == style)
            {
                if (candidates[i].Number == number + 1)
                {
                    return true;
                }

                if (candidates[i].Number == number - 1)
                {
                    return false;
                }
            }
        }

        return false;
    }

    // "…主要任务如下：1.梳理…。2.编制…": a sentence that announces a list starts a new list at 1, even after an
    // earlier list of the same style, when the next number of its style is 2 after a full sentence.
    private static bool StartsListAfterColon(string line, List<(int Index, NumberingStyle? Style, int Number)> candidates, int at)
    {
        var (index, style, number) = candidates[at];
        if (number != 1 || index == 0 || line[index - 1] is not ('：' or ':'))
        {
            return false;
        }

        for (var i = at + 1; i < candidates.Count; i++)
        {
            if (candidates[i].Style == style)
            {
                // Entries ending in "；" are a list inside one sentence, not items of work.
                return candidates[i].Number == 2 && line[candidates[i].Index - 1] is '。';
            }
        }

        return false;
    }

    // "一是出入境业务自助服务：1.办理…申请；2.…签发证；3.…缴费。": a list announced by a colon whose entries end in
    // "；" is one sentence of the item it sits in, not items of work (a plan's own items end their sentences). Gives
    // the candidates of that list, or none.
    private static List<int> ListInsideSentence(string line, List<(int Index, NumberingStyle? Style, int Number)> candidates, int at)
    {
        var (index, style, number) = candidates[at];
        if (number != 1 || PreviousChar(line, index) is not ('：' or ':'))
        {
            return [];
        }

        var entries = new List<int> { at };
        for (var i = at + 1; i < candidates.Count; i++)
        {
            if (candidates[i].Style != style)
            {
                continue;
            }

            if (candidates[i].Number != candidates[entries[^1]].Number + 1 || PreviousChar(line, candidates[i].Index) is not ('；' or ';'))
            {
                break;
            }

            entries.Add(i);
        }

        return entries.Count > 1 ? entries : [];
    }

    private static char PreviousChar(string line, int index)
    {
        var i = index - 1;
        while (i >= 0 && char.IsWhiteSpace(line[i]))
        {
            i--;
        }

        return i >= 0 ? line[i] : '\0';
    }

    // A second document on the same page (a 责任清单 after the 工作要点) numbers its parts from 一、 again: a 一、
    // right after the second document's title, followed by an arabic 1. and then by a 二、, starts over.
    private static bool StartsAgainAtOne(string line, List<(int Index, NumberingStyle? Style, int Number)> candidates, int at)
    {
        var (index, style, number) = candidates[at];
        if (style != NumberingStyle.ChineseNumeral || number != 1 || index == 0 || !char.IsWhiteSpace(line[index - 1]))
        {
            return false;
        }

        var sawArabicOne = false;
        for (var i = at + 1; i < candidates.Count; i++)
        {
            if (candidates[i].Style == NumberingStyle.Arabic && candidates[i].Number == 1)
            {
                sawArabicOne = true;
            }
            else if (candidates[i].Style == NumberingStyle.ChineseNumeral)
            {
                return sawArabicOne && candidates[i].Number == 2;
            }
        }

        return false;
    }

    // Where the header of a task table ("序号重点工作任务责任单位…") ends in the line, or -1.
    private static int TaskTableStart(string line)
    {
        foreach (Match header in NumberColumnHeader().Matches(line))
        {
            var window = line.Substring(header.Index, Math.Min(60, line.Length - header.Index));
            if (TableRowUnits.HasTableHeader(window))
            {
                return header.Index + header.Length;
            }
        }

        return -1;
    }

    // "…任务分解表 序号重点工作任务责任单位工作落实情况一、健全…": the table numbers its sections from 一、 again.
    private static bool OpensTable(string line, int index)
    {
        var from = Math.Max(0, index - 40);
        var before = line[from..index];
        var header = NumberColumnHeader().Match(before);
        return header.Success && !before[header.Index..].Contains('。', StringComparison.Ordinal)
            && TableRowUnits.HasTableHeader(before[header.Index..]);
    }

    [GeneratedRegex(@"附\s*件\s*[:：]\s*$")]
    private static partial Regex AttachmentList();

    [GeneratedRegex(@"序\s*号")]
    private static partial Regex NumberColumnHeader();

    private static bool TryClassify(Match match, out NumberingStyle style, out int number)
    {
        number = 0;
        style = default;
        if (match.Groups["cn"].Success)
        {
            style = NumberingStyle.ChineseNumeral;
            return PlanNumbering.TryParseChineseNumeral(match.Groups["cn"].Value, out number);
        }

        if (match.Groups["pcn"].Success)
        {
            style = NumberingStyle.ParenthesizedChinese;
            return PlanNumbering.TryParseChineseNumeral(match.Groups["pcn"].Value, out number);
        }

        if (match.Groups["par"].Success)
        {
            style = NumberingStyle.ParenthesizedArabic;
            number = int.Parse(match.Groups["par"].ValueSpan, CultureInfo.InvariantCulture);
            return true;
        }

        if (match.Groups["ar"].Success)
        {
            style = NumberingStyle.Arabic;
            number = int.Parse(match.Groups["ar"].ValueSpan, CultureInfo.InvariantCulture);
            return true;
        }

        style = NumberingStyle.Circled;
        number = match.Groups["ci"].Value[0] - '①' + 1;
        return true;
    }

    /// <summary>
    /// The numbering of the document as read so far. Levels follow the order official documents use
    /// (一、 (一) 1. (1) ①), whatever list the text happens to start with; a number of a higher level lets every
    /// lower level start again at 1 (or go on, for plans numbering across sections).
    /// </summary>
    private sealed class MarkerSequence
    {
        private readonly List<NumberingStyle> _levels =
            [NumberingStyle.ChineseNumeral, NumberingStyle.ParenthesizedChinese, NumberingStyle.Arabic, NumberingStyle.ParenthesizedArabic, NumberingStyle.Circled];

        private readonly HashSet<NumberingStyle> _seen = [];
        private readonly Dictionary<NumberingStyle, int> _last = [];
        private readonly HashSet<NumberingStyle> _mayRestart = [];

        /// <summary>True once a marker of a higher level than <paramref name="style"/> was read: a list of that style sits inside an item.</summary>
        public bool HasLevelAbove(NumberingStyle style) => _levels.Take(_levels.IndexOf(style)).Any(_seen.Contains);

        public bool Accept(NumberingStyle style, int number, bool continuesAfterGap, bool startsListAfterColon = false, bool startsNewDocument = false)
        {
            var last = _last.GetValueOrDefault(style);
            var known = _seen.Contains(style);
            var fits = number == last + 1 || (number == 1 && (!known || _mayRestart.Contains(style) || startsListAfterColon || (style == NumberingStyle.ChineseNumeral && startsNewDocument)))
                || (known && last > 0 && number > last + 1 && number <= last + 4 && continuesAfterGap);
            if (!fits)
            {
                return false;
            }

            Take(style, number);
            return true;
        }

        /// <summary>The document itself says this is the next number of <paramref name="style"/>.</summary>
        public void Take(NumberingStyle style, int number)
        {
            _seen.Add(style);
            _last[style] = number;
            _mayRestart.Remove(style);
            foreach (var deeper in _levels.Skip(_levels.IndexOf(style) + 1))
            {
                _mayRestart.Add(deeper);
            }
        }
    }

    // A Chinese numeral not part of a longer numeral or 第…; an Arabic number not part of a longer number or a
    // decimal; parenthesised forms after normalisation use ASCII parentheses.
    [GeneratedRegex(
        @"(?<![一二三四五六七八九十第])(?<cn>[一二三四五六七八九十]{1,3})[、]"
        + @"|\((?<pcn>[一二三四五六七八九十]{1,3})\)"
        + @"|\((?<par>\d{1,2})\)"
        + @"|(?<![\d.．第]|附件|附表|见表|见图)(?<ar>\d{1,2})[.．、](?![\d])"
        + @"|(?<ci>[①-⑳])"
        + @"|(?<=[。；)\s])(?<dash>-{2,3}|—{2}|－{2})(?=[\u4e00-\u9fff“])"
        + @"|(?<=[\u4e00-\u9fff。；)”\s])(?<!第)(?<bare>\d{1,2})(?=[\u4e00-\u9fff“《])(?![年月日号个次家项条万亿元天周岁名期批届余多])"
        + @"|(?<noise>(?<=\s)(?:来源[:：]|附件下载|分享到|【?打印本页|【?关闭窗口|扫一扫在手机)|(?<=[\s。；)])抄送[:：]|(?<=\s)[—－―]\s?\d{1,3}\s?[—－―](?=\s))")]
    private static partial Regex InlineMarker();
}

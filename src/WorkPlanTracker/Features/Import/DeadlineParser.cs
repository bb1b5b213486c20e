using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;

namespace WorkPlanTracker.Features.Import;

/// <summary>Finds the dated steps a task names (2020年9月底前, 12月底前, 年底前, 印发后30日内) and reads 完成时限 phrases.</summary>
internal static partial class DeadlineParser
{
    /// <summary>Puts back the 年 that OCR dropped: <c>20247月底前</c> → <c>2024年7月底前</c>, <c>202412月</c> → <c>2024年12月</c>.</summary>
    public static string RepairGarbledDates(string text) =>
        text.Contains('月', StringComparison.Ordinal) ? YearWithoutNian().Replace(text, "$1年$2") : text;

    /// <summary>True when a 完成时限 says the work has no end date (持续推进, 长期坚持, 常态化…).</summary>
    public static bool IsOngoing(string phrase) => OngoingPhrase().IsMatch(phrase.Trim());

    /// <summary>True for a bare deadline phrase that may stand at the end of a note without the 完成时限 label.</summary>
    public static bool LooksLikeDeadline(string phrase)
    {
        var trimmed = phrase.Trim();
        if (trimmed.Length == 0 || trimmed.Length > 20)
        {
            return false;
        }

        if (IsOngoing(trimmed))
        {
            return true;
        }

        var match = DatedStep().Match(trimmed);
        return match.Success && match.Index == 0 && IsDeadlineMatch(match);
    }

    /// <param name="isDeadlineSlot">True for the text of a 完成时限 slot, where a plain date ("2021年11月30日") is the deadline.</param>
    public static List<ParsedMilestone> FindDatedSteps(string text, int? planYear, DateOnly? issuedOn, bool isDeadlineSlot = false)
    {
        var steps = new List<ParsedMilestone>();
        int? contextYear = null;
        foreach (Match match in DatedStep().Matches(text))
        {
            if (match.Groups["year"].Success)
            {
                contextYear = int.Parse(match.Groups["year"].ValueSpan, CultureInfo.InvariantCulture);
            }

            if (!(IsDeadlineMatch(match) || (isDeadlineSlot && (match.Groups["month"].Success || match.Groups["quarter"].Success || match.Groups["half"].Success)))
                || ClosesValidityWindow(text, match)
                || IsBaselineOrCondition(text, match) || EndsWorkCycle(text, match))
            {
                continue;
            }

            if (match.Groups["openingYear"].Success && !OpensWorkOfTheYear(text, match, planYear))
            {
                continue;
            }

            var date = ToDate(match, contextYear ?? planYear, issuedOn);
            if (date is { } value)
            {
                steps.Add(new ParsedMilestone { Date = value, Text = match.Value });
            }
        }

        return steps;
    }

    /// <summary>
    /// A day the calendar does not have ("9月31日"): the importer reads it as the month's last day, and says so.
    /// Null when the text names no such day.
    /// </summary>
    public static string? FindImpossibleDay(string text, int? planYear)
    {
        foreach (Match match in DatedStep().Matches(text))
        {
            var year = match.Groups["year"].Success ? int.Parse(match.Groups["year"].ValueSpan, CultureInfo.InvariantCulture) : planYear ?? 2000;
            if (match.Groups["day"].Success && int.TryParse(match.Groups["month"].ValueSpan, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12
                && int.Parse(match.Groups["day"].ValueSpan, CultureInfo.InvariantCulture) is var day && day > DateTime.DaysInMonth(year is >= 1 and <= 9999 ? year : 2000, month) && day <= 31)
            {
                return match.Value;
            }
        }

        return null;
    }

    // "有效期自2019年1月1日起至12月31日止": the end of a period something is valid for, not work falling due.
    private static bool ClosesValidityWindow(string text, Match match)
    {
        var at = match.Index;
        if (at == 0 || text[at - 1] is not ('至' or '到'))
        {
            return false;
        }

        var before = text[Math.Max(0, at - 16)..(at - 1)];
        return WindowStart().IsMatch(before);
    }

    // "2022年北港村、大坪村…开展试点" / "2023年65%的行政村按标准设置微型消防站": a sentence opening with a year states the
    // work of that year. Not when the year is past ("2021年全区…" tells what happened), the sentence holds a level
    // ("2022年研发投入强度不得低于3%" is an annual target), or it is a title ("2023年…重点普法责任清单").
    private static bool OpensWorkOfTheYear(string text, Match match, int? planYear)
    {
        var year = int.Parse(match.Groups["openingYear"].ValueSpan, CultureInfo.InvariantCulture);
        var end = text.AsSpan(match.Index).IndexOfAny("。；;\n");
        var sentence = end < 0 ? text[match.Index..] : text.Substring(match.Index, end);
        return (planYear is not { } current || year >= current) && !TargetOrTitle().IsMatch(sentence.TrimEnd());
    }

    [GeneratedRegex("(?:低于|高于|少于|超过|同比|增长率)|(?:清单|方案|要点|计划|通知|意见|办法|规划|安排)$")]
    private static partial Regex TargetOrTitle();

    private static readonly SearchValues<char> ClauseBreak = SearchValues.Create("。；;，,“");

    // "月跟踪督促、季现场推进、半年分析、年底总结": the year's end as the last step of a cycle of months, quarters and
    // half-years recurs every year; "年底前完成" or "2023年底" is a date.
    private static bool EndsWorkCycle(string text, Match match)
    {
        if (!match.Groups["yearEnd"].Success || match.Groups["yearEndYear"].Success || match.Value.EndsWith('前') || match.Index == 0
            || text[match.Index - 1] != '、')
        {
            return false;
        }

        var clauseStart = text.AsSpan(0, match.Index).LastIndexOfAny(ClauseBreak) + 1;
        var before = text.AsSpan(clauseStart, match.Index - clauseStart);
        return before.Contains("半年", StringComparison.Ordinal) || before.Contains('季') || before.StartsWith("月");
    }

    // "与2021年底相比" is a baseline; "对6月底没完成…的", "年底前未完成…的" a condition of a penalty: neither falls due.
    private static bool IsBaselineOrCondition(string text, Match match)
    {
        var before = text.AsSpan(0, match.Index).TrimEnd();
        var after = text.AsSpan(match.Index + match.Length).TrimStart();
        return (before.Length > 0 && before[^1] is '与' or '较' or '比' && (after.StartsWith("相比") || after.StartsWith("比较") || before[^1] is '较'))
            || after.StartsWith("没") || (after.StartsWith("未") && !after.StartsWith("未来"));
    }

    // A month or day only counts as a step when the text says "by" (前, 底, 止…): "2018年1月1日起" is not a deadline.
    private static bool IsDeadlineMatch(Match match) =>
        match.Groups["relative"].Success
        || match.Groups["relativeMonths"].Success
        || match.Groups["rangeEnd"].Success
        || match.Groups["dayRangeEnd"].Success
        || match.Groups["yearEnd"].Success
        || match.Groups["statedYear"].Success
        || match.Groups["openingYear"].Success
        || match.Groups["withinYear"].Success
        || match.Groups["monthEnd"].Success
        || (match.Groups["month"].Success && match.Groups["by"].Success)
        || ((match.Groups["quarter"].Success || match.Groups["half"].Success) && (match.Groups["periodBy"].Success || match.Value.EndsWith('前')));

    private static DateOnly? ToDate(Match match, int? year, DateOnly? issuedOn)
    {
        if (match.Groups["relative"].Success)
        {
            return issuedOn?.AddDays(int.Parse(match.Groups["relative"].ValueSpan, CultureInfo.InvariantCulture));
        }

        if (match.Groups["relativeMonths"].Success)
        {
            return issuedOn?.AddMonths(int.Parse(match.Groups["relativeMonths"].ValueSpan, CultureInfo.InvariantCulture));
        }

        // "2023年，完成…" / "力争2021年…": the work of a stated year is due at its end; "年内" opening a sentence (or
        // "年内完成") is the plan year's, while "年内至少听取一次" is how often, not by when.
        if (match.Groups["statedYear"].Success || match.Groups["openingYear"].Success)
        {
            var stated = match.Groups["statedYear"].Success ? match.Groups["statedYear"] : match.Groups["openingYear"];
            return new DateOnly(int.Parse(stated.ValueSpan, CultureInfo.InvariantCulture), 12, 31);
        }

        if (match.Groups["withinYear"].Success)
        {
            return year is { } within and >= 1900 and <= 2200 ? new DateOnly(within, 12, 31) : null;
        }

        if (match.Groups["yearEnd"].Success)
        {
            var endYear = match.Groups["yearEndYear"].Success
                ? int.Parse(match.Groups["yearEndYear"].ValueSpan, CultureInfo.InvariantCulture)
                : year + (match.Groups["next"].Success ? 1 : 0);
            return endYear is { } y ? new DateOnly(y, 12, 31) : null;
        }

        if (year is not { } known || known is < 1900 or > 2200)
        {
            return null;
        }

        // "三季度末", "2024年上半年": a quarter or a half-year is due when it ends.
        if (match.Groups["quarter"].Success)
        {
            var quarter = "一二三四".IndexOf(match.Groups["quarter"].Value[0], StringComparison.Ordinal) is var q and >= 0 ? q + 1 : match.Groups["quarter"].Value[0] - '0';
            return new DateOnly(known, quarter * 3, DateTime.DaysInMonth(known, quarter * 3));
        }

        if (match.Groups["half"].Success)
        {
            return match.Groups["half"].Value == "上" ? new DateOnly(known, 6, 30) : new DateOnly(known, 12, 31);
        }

        // "11月-12月": a range of months is due when the range ends.
        var month = int.Parse((match.Groups["rangeEnd"].Success ? match.Groups["rangeEnd"] : match.Groups["month"]).ValueSpan, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12)
        {
            return null;
        }

        var lastDay = DateTime.DaysInMonth(known, month);
        if (match.Groups["dayRangeEnd"].Success)
        {
            // "2023年9月18日-22日": a range of days in one month is due on its last day.
            var end = int.Parse(match.Groups["dayRangeEnd"].ValueSpan, CultureInfo.InvariantCulture);
            return end >= 1 && end <= 31 ? new DateOnly(known, month, Math.Min(end, lastDay)) : null;
        }

        if (!match.Groups["day"].Success || match.Groups["rangeEnd"].Success)
        {
            return new DateOnly(known, month, lastDay);
        }

        // "9月31日" names a day the month does not have: the month's last day is meant (FindImpossibleDay warns).
        var day = int.Parse(match.Groups["day"].ValueSpan, CultureInfo.InvariantCulture);
        return day >= 1 && day <= 31 ? new DateOnly(known, month, Math.Min(day, lastDay)) : null;
    }

    [GeneratedRegex(@"(?<!\d)(20\d{2})(1[0-2]|[1-9])(?=月)")]
    private static partial Regex YearWithoutNian();

    [GeneratedRegex(@"^(?:持续推进|持续开展|持续落实|持续|长期坚持|长期推进|长期|常态化推进|常态化开展|常态化|常年)[\u4e00-\u9fff]{0,4}$")]
    private static partial Regex OngoingPhrase();

    // A time of day may stand between the day and 前: "于6月20日18：00前报送".
    [GeneratedRegex(
        @"印发(?:之日起|之日后|之后|后)(?:(?<relative>\d{1,3})(?:个工作日|日|天)|(?<relativeMonths>\d{1,2})个月)内"
        + @"|(?:(?<year>\d{4})年)?(?<month>\d{1,2})月?[-—–－~～至到]+(?<rangeEnd>\d{1,2})月(?<by>底前|底|末|前)?(?![\d日])"
        + @"|(?:(?<year>\d{4})年)?(?<month>\d{1,2})月\d{1,2}日?[-—–－~～至到]+(?<dayRangeEnd>\d{1,2})日(?!\d)"
        + @"|(?<![每各逐分])(?:(?<year>\d{4})年)?第?(?<quarter>[一二三四1-4])季度(?<periodBy>末|底)?(?:之前|以前|前)?"
        + @"|(?<![每各逐分])(?:(?<year>\d{4})年)?(?<half>[上下])半年(?<periodBy>末|底)?(?:之前|以前|前)?"
        + @"|(?<yearEnd>(?<yearEndYear>\d{4})年内)(?=完成|全部完成|实现|$)"
        + @"|(?:^|(?<=[。；\n]))(?<statedYear>\d{4})年(?=[，,])|(?<=力争|确保|争取|力争到|确保到|争取到)(?<statedYear>\d{4})年(?![底末度内初中前后以起至的月\d])"
        + @"|(?:^|(?<=[。；\n]))(?<openingYear>\d{4})年(?!\d{1,2}月|[底末度内初中前后以起至的和、—\-－~～及与或第]|[上下]半年|[一二三四1-4]季度)"
        + @"|(?:^|(?<=[。；\n]))(?<withinYear>年内)|(?<![\d一二三四五六七八九十两几每当])(?<withinYear>年内)(?=完成|全部完成|实现)"
        + @"|(?<yearEnd>(?:(?<yearEndYear>\d{4})|(?<next>明)|今)?年(?:底|末)(?:之前|以前|前)?)"
        + @"|(?<yearEnd>(?<yearEndYear>\d{4})年(?:之前|以前|前)(?![一二三四五六七八九十两几半\d]))"
        + @"|(?:(?<year>\d{4})年)?(?<month>\d{1,2})月份?(?:(?<monthEnd>底|末)|(?<day>\d{1,2})日底?(?:\s*(?:[上下]午)?\d{1,2}(?:[:：]\d{2}|时|点))?)?(?<by>之前|以前|前|止)?")]
    private static partial Regex DatedStep();

    [GeneratedRegex(@"\d{1,2}日起?$|起$")]
    private static partial Regex WindowStart();
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace WorkPlanTracker.Features.Import;

internal enum NumberingStyle
{
    ChineseNumeral,
    ParenthesizedChinese,
    Arabic,
    ParenthesizedArabic,
    Circled,

    /// <summary>"---确定权力清单…" / "——坚持…": an unnumbered bullet, counted in order under its heading.</summary>
    Bullet,
}

/// <summary>An item number at the start of a line, after OCR repairs (<c>l .</c> → 1, <c>2，</c> → 2).</summary>
/// <param name="Label">The path segment: 一, (一), 1, (1), ①.</param>
/// <param name="Length">How many characters of the line the number and its separator take.</param>
/// <param name="SeparatorLost">True for <c>1聚焦…</c>: trusted only when the number continues the sequence.</param>
internal readonly record struct NumberingMarker(NumberingStyle Style, int Number, string Label, int Length, bool SeparatorLost);

/// <summary>Reads the document's own item numbers: 一、 (一) 1. (1) ①, including the forms OCR garbles.</summary>
internal static partial class PlanNumbering
{
    private const string ChineseDigits = "零一二三四五六七八九";

    public static bool TryRead(string line, out NumberingMarker marker)
    {
        marker = default;
        if (line.Length == 0)
        {
            return false;
        }

        var match = ChineseNumeralHeading().Match(line);
        if (match.Success && TryParseChineseNumeral(match.Groups[1].Value, out var number))
        {
            marker = new NumberingMarker(NumberingStyle.ChineseNumeral, number, match.Groups[1].Value, match.Length, false);
            return true;
        }

        match = ParenthesizedChineseHeading().Match(line);
        if (match.Success && TryParseChineseNumeral(match.Groups[1].Value, out number))
        {
            marker = new NumberingMarker(NumberingStyle.ParenthesizedChinese, number, $"({match.Groups[1].Value})", match.Length, false);
            return true;
        }

        match = ParenthesizedArabicHeading().Match(line);
        if (match.Success)
        {
            number = int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
            marker = new NumberingMarker(NumberingStyle.ParenthesizedArabic, number, $"({number})", match.Length, false);
            return true;
        }

        if (line[0] is >= '①' and <= '⑳')
        {
            var length = 1;
            while (length < line.Length && line[length] is ' ' or '、' or '.')
            {
                length++;
            }

            marker = new NumberingMarker(NumberingStyle.Circled, line[0] - '①' + 1, line[0].ToString(), length, false);
            return true;
        }

        match = BulletItem().Match(line);
        if (match.Success)
        {
            marker = new NumberingMarker(NumberingStyle.Bullet, 0, "-", match.Length, false);
            return true;
        }

        match = ArabicItem().Match(line);
        if (match.Success)
        {
            number = ReadArabic(match.Groups[1].Value);
            marker = new NumberingMarker(NumberingStyle.Arabic, number, number.ToString(CultureInfo.InvariantCulture), match.Length, false);
            return true;
        }

        match = ArabicItemWithoutSeparator().Match(line);
        if (match.Success)
        {
            number = int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
            marker = new NumberingMarker(NumberingStyle.Arabic, number, number.ToString(CultureInfo.InvariantCulture), match.Length, true);
            return true;
        }

        return false;
    }

    public static bool TryParseChineseNumeral(string text, out int value)
    {
        value = 0;
        if (text.Length == 0)
        {
            return false;
        }

        var ten = text.IndexOf('十', StringComparison.Ordinal);
        if (ten < 0)
        {
            if (text.Length != 1)
            {
                return false;
            }

            value = ChineseDigits.IndexOf(text[0], StringComparison.Ordinal);
            return value > 0;
        }

        var tens = ten == 0 ? 1 : ten == 1 ? ChineseDigits.IndexOf(text[0], StringComparison.Ordinal) : -1;
        var units = ten == text.Length - 1 ? 0 : ten == text.Length - 2 ? ChineseDigits.IndexOf(text[^1], StringComparison.Ordinal) : -1;
        if (tens <= 0 || units < 0)
        {
            return false;
        }

        value = tens * 10 + units;
        return true;
    }

    // OCR reads the digit 1 as a lower-case L or capital I.
    private static int ReadArabic(string digits) => digits is "l" or "I" ? 1 : int.Parse(digits, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^([一二三四五六七八九十]{1,3})\s*[、，,.．]\s*")]
    private static partial Regex ChineseNumeralHeading();

    [GeneratedRegex(@"^(?:-{2,3}|—{2}|－{2})\s?(?=[\u4e00-\u9fff“])")]
    private static partial Regex BulletItem();

    [GeneratedRegex(@"^\(\s*([一二三四五六七八九十]{1,3})\s*\)\s*[、，.]?\s*")]
    private static partial Regex ParenthesizedChineseHeading();

    [GeneratedRegex(@"^\(\s*(\d{1,2})\s*\)\s*[、，.]?\s*")]
    private static partial Regex ParenthesizedArabicHeading();

    // "1.", "1、", "1 .", "2，", "3 ·", "l ." — but not "2.5" or "2020年".
    [GeneratedRegex(@"^(\d{1,2}|[lI])\s*[.．、，,·•・‧:：]\s*(?!\d)")]
    private static partial Regex ArabicItem();

    // "1聚焦…", "1 加强…": the separator was lost; units and dates ("3个", "12月") are not item numbers.
    [GeneratedRegex(@"^(\d{1,2})(?!\d)\s?(?=[\u4e00-\u9fff“""《])(?![年月日号个次家项条万亿元天周岁名期批届%])")]
    private static partial Regex ArabicItemWithoutSeparator();
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace WorkPlanTracker.Features.Import;

/// <summary>Reads the plan's title, issuer, 文号 and signature date from the notice and header around the plan.</summary>
internal static partial class PlanMetadataReader
{
    public static void Read(IReadOnlyList<string> lines, PlanParseOptions? options, ParsedPlan plan)
    {
        plan.Title = FindTitle(lines);
        plan.Issuer = FindIssuer(lines);
        plan.DocumentNumber = FindDocumentNumber(lines);
        plan.IssuedOn = FindIssuedOn(lines);

        var year = YearInTitle().Match(plan.Title);
        plan.Year = year.Success
            ? int.Parse(year.Groups[1].ValueSpan, CultureInfo.InvariantCulture)
            : options?.Year ?? plan.IssuedOn?.Year ?? BracketYear(plan.DocumentNumber) ?? LatestCitedYear(lines);
    }

    // A 文号 carries its year (岚综管办〔2020〕35号). A notice with neither title year, date nor 文号 of its own
    // (a forwarding notice copied without its header) is dated by the newest document it cites: it cannot be
    // older, and offices forward a document within weeks.
    private static int? BracketYear(string? documentNumber) =>
        documentNumber is not null && CitedDocumentYear().Match(documentNumber) is { Success: true } match
            ? int.Parse(match.Groups["y"].ValueSpan, CultureInfo.InvariantCulture)
            : null;

    private static int? LatestCitedYear(IReadOnlyList<string> lines)
    {
        int? latest = null;
        foreach (var line in lines)
        {
            foreach (Match match in CitedDocumentYear().Matches(line))
            {
                var year = int.Parse(match.Groups["y"].ValueSpan, CultureInfo.InvariantCulture);
                latest = latest is null || year > latest ? year : latest;
            }
        }

        return latest;
    }

    private static string FindTitle(IReadOnlyList<string> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (!PlanTitle().IsMatch(line))
            {
                continue;
            }

            // "湖北省人民防空办公室" / "2020年度政务公开工作要点": a title broken after the issuer's name.
            if (char.IsAsciiDigit(line[0]) && !PlaceInTitle().IsMatch(line))
            {
                var previous = PreviousNonEmpty(lines, i);
                if (previous is not null && OrganisationLine().IsMatch(previous))
                {
                    return previous + line;
                }
            }

            return line;
        }

        foreach (var line in lines)
        {
            var quoted = QuotedPlanTitle().Match(line);
            if (quoted.Success)
            {
                return quoted.Groups[1].Value;
            }
        }

        foreach (var line in lines)
        {
            var notice = NoticeTitle().Match(line);
            if (notice.Success)
            {
                return notice.Groups["plan"].Value;
            }
        }

        return lines.FirstOrDefault(l => l.Length > 0 && !WebPageNoise.IsNoise(l)) ?? "";
    }

    private static string? FindIssuer(IReadOnlyList<string> lines)
    {
        foreach (var line in lines)
        {
            var notice = NoticeTitle().Match(line);
            if (notice.Success)
            {
                return notice.Groups["issuer"].Value;
            }
        }

        foreach (var line in lines)
        {
            var field = PublisherField().Match(line);
            if (field.Success)
            {
                return field.Groups[1].Value;
            }
        }

        return null;
    }

    private static string? FindDocumentNumber(IReadOnlyList<string> lines)
    {
        foreach (var line in lines)
        {
            var field = DocumentNumberField().Match(line);
            if (field.Success)
            {
                return field.Groups[1].Value;
            }
        }

        // A 文号 cited inside the text is not the plan's own: only a line that holds nothing else counts.
        return lines.FirstOrDefault(l => DocumentNumberLine().IsMatch(l));
    }

    private static DateOnly? FindIssuedOn(IReadOnlyList<string> lines)
    {
        foreach (var line in lines)
        {
            var date = SignatureDate().Match(line);
            if (date.Success && TryDate(date.Groups["y"].Value, date.Groups["m"].Value, date.Groups["d"].Value, out var value))
            {
                return value;
            }

            // OCR lost the 年/月/日 of the signature: "2024521" is 2024-05-21.
            var digits = GarbledSignatureDate().Match(line);
            if (digits.Success && TryGarbledDate(digits.Groups[1].Value, digits.Groups[2].Value, out value))
            {
                return value;
            }
        }

        foreach (var pattern in new[] { WrittenOnField(), PublishedOnField() })
        {
            foreach (var line in lines)
            {
                var date = pattern.Match(line);
                if (date.Success && TryDate(date.Groups["y"].Value, date.Groups["m"].Value, date.Groups["d"].Value, out var value))
                {
                    return value;
                }
            }
        }

        return null;
    }

    private static bool TryGarbledDate(string year, string monthDay, out DateOnly value)
    {
        // Prefer the reading that keeps both parts valid, two-digit month first (20241105 → 11-05).
        for (var monthLength = Math.Min(2, monthDay.Length - 1); monthLength >= 1; monthLength--)
        {
            if (TryDate(year, monthDay[..monthLength], monthDay[monthLength..], out value))
            {
                return true;
            }
        }

        value = default;
        return false;
    }

    private static bool TryDate(string year, string month, string day, out DateOnly value)
    {
        value = default;
        if (!int.TryParse(year, CultureInfo.InvariantCulture, out var y) || !int.TryParse(month, CultureInfo.InvariantCulture, out var m)
            || !int.TryParse(day, CultureInfo.InvariantCulture, out var d) || m is < 1 or > 12 || y is < 1900 or > 2200
            || d < 1 || d > DateTime.DaysInMonth(y, m) || day.Length > 2)
        {
            return false;
        }

        value = new DateOnly(y, m, d);
        return true;
    }

    private static string? PreviousNonEmpty(IReadOnlyList<string> lines, int index)
    {
        for (var i = index - 1; i >= 0; i--)
        {
            if (lines[i].Length > 0)
            {
                return lines[i];
            }
        }

        return null;
    }

    [GeneratedRegex(@"^(?!.*(?:关于|通知|印发|《))[\u4e00-\u9fff()]{0,30}\d{4}年度?[\u4e00-\u9fff()]{2,40}(?:工作要点|分工方案|任务分解表|实施方案|工作方案|工作安排|工作计划|任务清单|工作清单)$")]
    private static partial Regex PlanTitle();

    [GeneratedRegex("[省市区县州盟旗局委办厅]")]
    private static partial Regex PlaceInTitle();

    [GeneratedRegex(@"^[\u4e00-\u9fff()]{2,24}(?:办公室|政府|局|委员会|委|厅|办|处|中心)$")]
    private static partial Regex OrganisationLine();

    [GeneratedRegex(@"《([^《》]{4,60}(?:要点|方案|分解表|安排|计划|清单))》")]
    private static partial Regex QuotedPlanTitle();

    [GeneratedRegex(@"(?:^|[:：]\s*)(?<issuer>[\u4e00-\u9fff()]{2,30}?)关于印发(?<plan>.+?)的通知")]
    private static partial Regex NoticeTitle();

    [GeneratedRegex(@"发布机构[:：]\s*([\u4e00-\u9fff()]{2,30})")]
    private static partial Regex PublisherField();

    [GeneratedRegex(@"文\s*号[:：]\s*(\S+?〔\d{4}〕\d{1,4}号)")]
    private static partial Regex DocumentNumberField();

    [GeneratedRegex(@"^[\u4e00-\u9fff]{1,10}[〔\[【(]\d{4}[〕\]】)]\d{1,4}号$")]
    private static partial Regex DocumentNumberLine();

    [GeneratedRegex(@"^(?<y>\d{4})\s*年\s*(?<m>\d{1,2})\s*月\s*(?<d>\d{1,2})\s*日$")]
    private static partial Regex SignatureDate();

    [GeneratedRegex(@"^(20\d{2})(\d{2,4})$")]
    private static partial Regex GarbledSignatureDate();

    [GeneratedRegex(@"成文日期[:：]\s*(?<y>\d{4})[-./年](?<m>\d{1,2})[-./月](?<d>\d{1,2})")]
    private static partial Regex WrittenOnField();

    [GeneratedRegex(@"发布(?:时间|日期)[:：]\s*(?<y>\d{4})[-./年](?<m>\d{1,2})[-./月](?<d>\d{1,2})")]
    private static partial Regex PublishedOnField();

    [GeneratedRegex(@"(\d{4})年")]
    private static partial Regex YearInTitle();

    [GeneratedRegex(@"[〔\[【]\s*(?<y>(?:19|20)\d{2})\s*[〕\]】]\s*\d{1,4}\s*号")]
    private static partial Regex CitedDocumentYear();
}

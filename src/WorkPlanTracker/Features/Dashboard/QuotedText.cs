namespace WorkPlanTracker.Features.Dashboard;

/// <summary>
/// Text the report quotes from users or from the plan (report progress, completion summaries, reasons, titles) made
/// fit to sit inside the report's own sentence: one line, no sentence mark at its end, since the report adds its own
/// "；" or "。" after it and "。。" or "。；" reads as a slip in an official paper.
/// </summary>
public static class QuotedText
{
    /// <summary>A quotation longer than this is cut at its last full stop before it (or hard, with "……").</summary>
    public const int MaxLength = 300;

    private static readonly char[] EndMarks = ['。', '；', '，', '、', '：', '！', '？', '.', ';', ',', ':', '!', '?', ' ', '\u3000', '\t', '\r', '\n'];

    /// <summary>
    /// <paramref name="text"/> as a clause: lines joined with "；" (a unit's numbered points stay apart), each line's
    /// closing mark dropped, cut to <see cref="MaxLength"/>; empty when nothing is left.
    /// </summary>
    public static string Clause(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var lines = text.Split('\n').Select(l => l.Trim().TrimEnd(EndMarks).Trim()).Where(l => l.Length > 0);
        var joined = string.Join("；", lines);
        if (joined.Length > MaxLength)
        {
            var stop = joined.LastIndexOf('。', MaxLength - 1);
            joined = stop > MaxLength / 2 ? joined[..stop] : joined[..MaxLength].TrimEnd(EndMarks) + "……";
        }

        return joined.TrimEnd(EndMarks);
    }
}

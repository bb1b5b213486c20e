namespace WorkPlanTracker.Domain;

/// <summary>Task and section paths ("一.(二).3#2"): segments joined by '.', as the document numbers them.</summary>
public static class PlanPath
{
    /// <summary>The last segment as a reader expects to see it in a heading: "一、", "(二)", "3.".</summary>
    public static string HeadingNumber(string path)
    {
        var last = path.Split('#')[0].Split('.')[^1];
        return last.Length == 0 || last[0] is '(' or '①' or '②' or '③' or '④' or '⑤' or '⑥' or '⑦' or '⑧' or '⑨' or '⑩'
            ? last
            : char.IsAsciiDigit(last[0]) ? last + "." : last + "、";
    }
}

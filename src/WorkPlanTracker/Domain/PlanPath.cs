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

    /// <summary>
    /// The path as a printed paper cites the item: "一.(二).3#2" is "一、（二）3.", each level labelled the way the
    /// document labels it, brackets full-width as in the text; <paramref name="skipLevels"/> leaves out the outer
    /// levels when the reader already stands in that section (under "一、" the same task is "（二）3.").
    /// </summary>
    public static string Citation(string path, int skipLevels = 0)
    {
        var segments = path.Split('#')[0].Split('.', StringSplitOptions.RemoveEmptyEntries);
        return string.Concat(segments.Skip(Math.Min(skipLevels, segments.Length - 1)).Select(Label));
    }

    /// <summary>The first level of the path ("一" of "一.(二).3").</summary>
    public static string TopLevel(string path) => path.Split('#')[0].Split('.')[0];

    private static string Label(string segment) =>
        segment[0] == '(' ? "（" + segment.Trim('(', ')') + "）" : HeadingNumber(segment);
}

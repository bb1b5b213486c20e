namespace WorkPlanTracker.Domain;

/// <summary>
/// Unicode's invisible direction controls (U+200E, U+200F, U+202A–U+202E, U+2066–U+2069). Chinese names and file
/// names never need them, and a right-to-left override makes "报告[U+202E]fdp.exe" read as "报告exe.pdf": they are dropped
/// from every name the system keeps.
/// </summary>
public static class BidiControls
{
    public static bool IsBidiControl(char c) => c is '\u200e' or '\u200f' or >= '\u202a' and <= '\u202e' or >= '\u2066' and <= '\u2069';

    public static string Strip(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.AsSpan().IndexOfAny(Controls) < 0 ? text : string.Concat(text.Where(c => !IsBidiControl(c)));
    }

    private static readonly System.Buffers.SearchValues<char> Controls =
        System.Buffers.SearchValues.Create("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069");
}

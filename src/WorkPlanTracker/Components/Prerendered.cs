namespace WorkPlanTracker.Components;

/// <summary>
/// What a page read while it was prerendered, and for which query (route and query-string values), kept in the page
/// as persistent component state (<c>[PersistentState]</c>) so the interactive render that follows shows it instead
/// of reading it again: without it every visit ran the page's queries twice.
/// </summary>
public sealed record Prerendered<T>(string Key, T Data)
{
    /// <summary>The carried data when it answers <paramref name="key"/>; null when the page now shows something else.</summary>
    public T? For(string key) => Key == key ? Data : default;
}

public static class Prerendered
{
    /// <summary>A key from the values that choose what a page shows.</summary>
    public static string KeyOf(params object?[] values) => string.Join('\u001f', values.Select(v => v?.ToString() ?? ""));
}

using System.Collections.Concurrent;
using System.Globalization;

namespace WorkPlanTracker.Load;

/// <summary>The durations and failures of one step (sign-in, a page, a report) across every virtual user.</summary>
public sealed class StepTimings(string name)
{
    private readonly ConcurrentBag<double> milliseconds = [];
    private readonly ConcurrentDictionary<string, int> errors = new(StringComparer.Ordinal);

    public string Name { get; } = name;

    public int Count => milliseconds.Count;

    public int ErrorCount => errors.Values.Sum();

    public IReadOnlyDictionary<string, int> Errors => errors;

    public void Record(TimeSpan elapsed) => milliseconds.Add(elapsed.TotalMilliseconds);

    public void Fail(string why) => errors.AddOrUpdate(why, 1, (_, n) => n + 1);

    public StepSummary Summarize()
    {
        var sorted = milliseconds.Order().ToArray();
        return new StepSummary(Name, sorted.Length, ErrorCount,
            Percentile.Of(sorted, 50), Percentile.Of(sorted, 95), sorted.Length == 0 ? 0 : sorted[^1]);
    }
}

public sealed record StepSummary(string Name, int Count, int Errors, double P50, double P95, double Max)
{
    public string ToMarkdownRow() => string.Create(CultureInfo.InvariantCulture,
        $"| {Name} | {Count} | {Errors} | {P50:0} | {P95:0} | {Max:0} |");
}

/// <summary>Nearest-rank percentiles: the value below which <c>p</c> % of the samples fall, always one that was measured.</summary>
public static class Percentile
{
    public static double Of(IReadOnlyList<double> sortedAscending, double percent)
    {
        ArgumentNullException.ThrowIfNull(sortedAscending);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(percent, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        if (sortedAscending.Count == 0)
        {
            return 0;
        }

        var rank = (int)Math.Ceiling(percent / 100 * sortedAscending.Count);
        return sortedAscending[Math.Clamp(rank, 1, sortedAscending.Count) - 1];
    }
}

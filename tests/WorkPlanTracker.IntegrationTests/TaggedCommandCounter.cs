using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace WorkPlanTracker.IntegrationTests;

/// <summary>
/// Counts the app's SQL commands that carry a query tag (<c>TagWith</c>, written as a leading <c>-- tag</c> comment),
/// so a test can tell how often a page ran a query. Untagged commands are not kept.
/// </summary>
public sealed class TaggedCommandCounter : DbCommandInterceptor
{
    private readonly ConcurrentDictionary<string, int> counts = new(StringComparer.Ordinal);

    public int Count(string tag) => counts.GetValueOrDefault(tag);

    public void Reset(string tag) => counts.TryRemove(tag, out _);

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    private void Record(DbCommand command)
    {
        using var lines = new StringReader(command.CommandText);
        for (var line = lines.ReadLine(); line is not null && line.StartsWith("-- ", StringComparison.Ordinal); line = lines.ReadLine())
        {
            counts.AddOrUpdate(line[3..].Trim(), 1, (_, n) => n + 1);
        }
    }
}

using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace WorkPlanTracker.Features.Accounts;

/// <summary>
/// Slows password guessing per source instead of locking accounts: after <see cref="AccountsOptions.MaxFailedLogins"/>
/// wrong passwords for one user name from one address, or <see cref="AccountsOptions.MaxFailedLoginsPerSource"/> for
/// any names, that address may not try again for <see cref="AccountsOptions.LockoutMinutes"/>. A stranger can so
/// never lock the administrator out of their own office, and an unknown user name is treated exactly like a known one.
/// </summary>
public sealed class SignInThrottle(IOptions<AccountsOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Failures> failures = new(StringComparer.Ordinal);

    private TimeSpan Window => TimeSpan.FromMinutes(options.Value.LockoutMinutes);

    public bool IsBlocked(string source, string userName)
    {
        var now = clock.GetUtcNow();
        return Count(NameKey(source, userName), now) >= options.Value.MaxFailedLogins
            || Count(SourceKey(source), now) >= options.Value.MaxFailedLoginsPerSource;
    }

    public void RecordFailure(string source, string userName)
    {
        var now = clock.GetUtcNow();
        Add(NameKey(source, userName), now);
        Add(SourceKey(source), now);
        if (failures.Count > 10_000)
        {
            // Old entries go, so a flood of made-up names cannot fill the memory.
            foreach (var (key, value) in failures)
            {
                if (value.Since + Window <= now)
                {
                    failures.TryRemove(key, out _);
                }
            }
        }
    }

    public void RecordSuccess(string source, string userName) => failures.TryRemove(NameKey(source, userName), out _);

    private int Count(string key, DateTimeOffset now) =>
        failures.TryGetValue(key, out var entry) && entry.Since + Window > now ? entry.Count : 0;

    private void Add(string key, DateTimeOffset now) =>
        failures.AddOrUpdate(key, _ => new Failures(1, now), (_, old) => old.Since + Window > now ? old with { Count = old.Count + 1 } : new Failures(1, now));

    private static string NameKey(string source, string userName) => source + "\n" + userName.Trim().ToUpperInvariant();

    private static string SourceKey(string source) => source;

    private sealed record Failures(int Count, DateTimeOffset Since);
}

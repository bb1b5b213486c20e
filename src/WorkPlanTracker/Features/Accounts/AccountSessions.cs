using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WorkPlanTracker.Data;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Features.Accounts;

/// <summary>
/// Whether a signed-in session still speaks for its account: its security stamp must be the account's current one.
/// Checked on every request and by every open page, cached for a few seconds so pages and files do not each cost a
/// query, and forgotten at once when an administrator changes or disables the account, which also tells that
/// person's open pages (circuits) to sign out.
/// </summary>
public sealed class AccountSessions(IServiceScopeFactory scopes, IOptions<IdentityOptions> identity, TimeProvider clock) : ISessionCheck
{
    /// <summary>How long a looked-up stamp is trusted; a change made in this app is seen at once regardless.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, (string? Stamp, DateTimeOffset Until)> stamps = new(StringComparer.Ordinal);

    // Counts the changes per account, so a lookup that read the stamp before a change cannot cache it after the change
    // dropped the old one (an open page would then stay signed in until the stale entry expired).
    private readonly Dictionary<string, long> changes = new(StringComparer.Ordinal);
    private readonly Lock changing = new();

    /// <summary>Raised with the account's id after an administrator changed it.</summary>
    public event Action<string>? AccountChanged;

    public static string? UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>True for anonymous visitors (nothing to revoke) and for sessions whose stamp is still current.</summary>
    public async Task<bool> IsCurrentAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return true;
        }

        var userId = UserId(user);
        var sessionStamp = user.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        if (userId is null || sessionStamp is null)
        {
            return false;
        }

        return await CurrentStampAsync(userId, cancellationToken) == sessionStamp;
    }

    /// <summary>Drops the cached stamp and ends the account's open pages; call after changing roles, units, lock or password.</summary>
    public void Changed(string userId)
    {
        lock (changing)
        {
            changes[userId] = changes.GetValueOrDefault(userId) + 1;
            stamps.TryRemove(userId, out _);
        }

        AccountChanged?.Invoke(userId);
    }

    private async Task<string?> CurrentStampAsync(string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (stamps.TryGetValue(userId, out var cached) && cached.Until > now)
        {
            return cached.Stamp;
        }

        long changesBefore;
        lock (changing)
        {
            changesBefore = changes.GetValueOrDefault(userId);
        }

        await using var scope = scopes.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(cancellationToken);
        var stamp = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.SecurityStamp).FirstOrDefaultAsync(cancellationToken);
        lock (changing)
        {
            if (changes.GetValueOrDefault(userId) == changesBefore)
            {
                stamps[userId] = (stamp, now + CacheFor);
            }
        }

        return stamp;
    }
}

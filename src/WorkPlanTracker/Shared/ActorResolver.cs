using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Data;

namespace WorkPlanTracker.Shared;

/// <summary>Builds the <see cref="Actor"/> of the current circuit from its authentication state and the user's units in the database.</summary>
public sealed class ActorResolver(
    AuthenticationStateProvider authentication,
    IDbContextFactory<AppDbContext> dbFactory,
    ISessionCheck? sessions = null)
{
    /// <summary>The circuit's user, or nobody when the account was disabled or changed since the page opened.</summary>
    public async Task<Actor> CurrentAsync()
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        if (sessions is not null && !await sessions.IsCurrentAsync(user))
        {
            user = new ClaimsPrincipal(new ClaimsIdentity());
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        return await ForUserAsync(user, db);
    }

    /// <summary>Roles from the sign-in claims; units from the database, so a changed unit membership counts at once.</summary>
    public static async Task<Actor> ForUserAsync(ClaimsPrincipal user, AppDbContext db, CancellationToken cancellationToken = default)
    {
        var name = user.Identity?.IsAuthenticated == true ? user.Identity.Name ?? "" : "";
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var units = name.Length == 0
            ? []
            : await db.Users.Where(u => u.UserName == name).SelectMany(u => u.Units.Select(x => x.Id)).ToListAsync(cancellationToken);
        return new Actor(name, roles, units.ToHashSet());
    }
}

/// <summary>Tells whether a signed-in user's session still stands (the account was not disabled or changed since).</summary>
public interface ISessionCheck
{
    Task<bool> IsCurrentAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default);
}

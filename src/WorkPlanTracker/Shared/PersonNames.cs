using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Data;

namespace WorkPlanTracker.Shared;

/// <summary>
/// A person as a reader sees them: the display name with their unit, e.g. 张三（市数据资源局）. The login name is
/// only for administrators, who manage accounts by it; for everyone else it stays null.
/// </summary>
public sealed record PersonName(string Shown, string? LoginName);

/// <summary>
/// The people behind the login names a page shows (the audit trail and 督办单 keep login names, which change less
/// than display names do), read in one query for the whole page.
/// </summary>
public sealed class PersonNames
{
    private readonly Dictionary<string, string> shown;
    private readonly bool showLoginNames;

    private PersonNames(Dictionary<string, string> shown, bool showLoginNames)
    {
        this.shown = shown;
        this.showLoginNames = showLoginNames;
    }

    /// <summary>
    /// The person behind <paramref name="userName"/>; a login name without an account (deleted since, or 系统) is
    /// shown as it was stored, since nothing better is known.
    /// </summary>
    public PersonName Of(string userName) => shown.TryGetValue(userName, out var name)
        ? new PersonName(name, showLoginNames ? userName : null)
        : new PersonName(userName, null);

    public static async Task<PersonNames> LoadAsync(AppDbContext db, Actor viewer, IEnumerable<string> userNames, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(viewer);
        var wanted = userNames.Distinct(StringComparer.Ordinal).ToList();
        var people = wanted.Count == 0 ? [] : await db.Users.AsNoTracking()
            .Where(u => wanted.Contains(u.UserName!))
            .Select(u => new { u.UserName, u.DisplayName, Units = u.Units.OrderBy(x => x.Name).Select(x => x.Name).ToList() })
            .ToListAsync(cancellationToken);
        var shown = people.ToDictionary(p => p.UserName!, p => Shown(p.DisplayName, p.Units, p.UserName!), StringComparer.Ordinal);
        return new PersonNames(shown, viewer.Roles.Contains(AppRoles.Admin));
    }

    // Office and leader accounts belong to no unit, and a unit's shared account is often named after the unit
    // (市数据资源局（演示）): the display name alone says who they are, without the unit said twice.
    internal static string Shown(string displayName, List<string> units, string userName)
    {
        var name = string.IsNullOrWhiteSpace(displayName) ? userName : displayName.Trim();
        var unsaid = units.Where(u => !name.Contains(u, StringComparison.Ordinal)).ToList();
        return unsaid.Count == 0 ? name : $"{name}（{string.Join("、", unsaid)}）";
    }
}

/// <summary>Reads <see cref="PersonNames"/> for pages that have no database context of their own at hand.</summary>
public sealed class PersonNameService(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<PersonNames> ForAsync(Actor viewer, IEnumerable<string> userNames, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await PersonNames.LoadAsync(db, viewer, userNames, cancellationToken);
    }
}

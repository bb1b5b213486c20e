using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Data;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Features.Accounts;

/// <summary>What an administrator does with accounts: create them, set role and units, reset passwords, lock and unlock.</summary>
public sealed class UserAdminService(
    UserManager<AppUser> users,
    IDbContextFactory<AppDbContext> dbFactory,
    TimeProvider clock,
    ICurrentUser actingUser,
    AccountSessions sessions)
{
    public async Task<IReadOnlyList<UserRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var rows = await db.Users.AsNoTracking()
            .OrderBy(u => u.UserName)
            .Select(u => new
            {
                u.Id,
                u.UserName,
                u.DisplayName,
                u.LockoutEnd,
                u.ConcurrencyStamp,
                Units = u.Units.Select(x => new { x.Id, x.Name }).ToList(),
                Roles = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(u => new UserRow
        {
            Id = u.Id,
            UserName = u.UserName ?? "",
            DisplayName = u.DisplayName,
            Role = u.Roles.FirstOrDefault() ?? "",
            UnitNames = string.Join("、", u.Units.Select(x => x.Name)),
            UnitIds = u.Units.Select(x => x.Id).ToList(),
            ConcurrencyStamp = u.ConcurrencyStamp ?? "",
            IsLocked = u.LockoutEnd is { } end && end > now,
        }).ToList();
    }

    public async Task<IReadOnlyList<UnitChoice>> UnitChoicesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return (await db.Units.AsNoTracking().Select(u => new UnitChoice(u.Id, u.Name)).ToListAsync(cancellationToken))
            .OrderBy(u => u.Name, ChineseOrder.Names)
            .ToList();
    }

    public async Task<Outcome> CreateAsync(NewUser input)
    {
        if (!AppRoles.All.Contains(input.Role))
        {
            return Outcome.Invalid("请选择角色");
        }

        if (input.Role == AppRoles.UnitUser && input.UnitIds.Count == 0)
        {
            return Outcome.Invalid("承办单位的账号至少要关联一个单位");
        }

        var user = new AppUser { UserName = input.UserName.Trim(), DisplayName = input.DisplayName.Trim() };
        await using var db = await dbFactory.CreateDbContextAsync();
        var created = await users.CreateAsync(user, input.Password);
        if (!created.Succeeded)
        {
            return Refused(created);
        }

        await users.AddToRoleAsync(user, input.Role);
        var unitIds = input.Role == AppRoles.UnitUser ? input.UnitIds : [];
        await SetUnitsAsync(user.Id, unitIds);
        await RecordAccessAsync(user.Id, null, [], input.Role, await UnitNamesAsync(unitIds));
        return Outcome.Ok($"已创建账号 {user.UserName}");
    }

    /// <summary>
    /// Changes an account's name, role and units. Refused when another administrator changed the account since the
    /// page was loaded, and when it would leave no active administrator. The person is signed out everywhere at once
    /// and signs in again with the new role.
    /// </summary>
    public async Task<Outcome> UpdateAsync(UserEdit edit)
    {
        var user = await users.FindByIdAsync(edit.Id);
        if (user is null)
        {
            return AccountNotFound;
        }

        if (user.ConcurrencyStamp != edit.ConcurrencyStamp)
        {
            return Changed;
        }

        if (!AppRoles.All.Contains(edit.Role))
        {
            return Outcome.Invalid("请选择角色");
        }

        if (edit.Role == AppRoles.UnitUser && edit.UnitIds.Count == 0)
        {
            return Outcome.Invalid("承办单位的账号至少要关联一个单位");
        }

        var oldRoles = await users.GetRolesAsync(user);
        if (oldRoles.Contains(AppRoles.Admin) && edit.Role != AppRoles.Admin && !IsLocked(user) && await ActiveAdministratorCountAsync() <= 1)
        {
            return Outcome.Invalid("这是唯一可用的管理员账号，不能改为其他角色");
        }

        user.DisplayName = edit.DisplayName.Trim();
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            return updated.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)) ? Changed : Refused(updated);
        }

        var oldUnits = await UnitNamesOfAsync(user.Id);
        var newUnitIds = edit.Role == AppRoles.UnitUser ? edit.UnitIds : [];
        if (!oldRoles.SequenceEqual([edit.Role]))
        {
            await users.RemoveFromRolesAsync(user, oldRoles);
            await users.AddToRoleAsync(user, edit.Role);
        }

        await SetUnitsAsync(user.Id, newUnitIds);
        await RecordAccessAsync(user.Id, oldRoles.FirstOrDefault(), oldUnits, edit.Role, await UnitNamesAsync(newUnitIds));
        await users.UpdateSecurityStampAsync(user);
        sessions.Changed(user.Id);
        return Outcome.Ok($"已保存 {user.UserName} 的账号设置");
    }

    private static readonly Outcome Changed = Outcome.Conflict("这个账号刚被其他管理员修改过，请刷新页面后再操作");

    private static readonly Outcome AccountNotFound = Outcome.NotFound("账号不存在，可能已被删除");

    /// <summary>Identity's refusal in its own (Chinese) words: a taken name is a conflict, anything else bad input.</summary>
    private static Outcome Refused(IdentityResult result)
    {
        var message = string.Join("；", result.Errors.Select(e => e.Description));
        return result.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateUserName) or nameof(IdentityErrorDescriber.DuplicateEmail))
            ? Outcome.Conflict(message)
            : Outcome.Invalid(message);
    }

    private bool IsLocked(AppUser user) => user.LockoutEnd is { } end && end > clock.GetUtcNow();

    private async Task<IReadOnlyList<string>> UnitNamesOfAsync(string userId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Users.Where(u => u.Id == userId).SelectMany(u => u.Units).OrderBy(u => u.Name).Select(u => u.Name).ToListAsync();
    }

    private async Task<IReadOnlyList<string>> UnitNamesAsync(IReadOnlyCollection<int> unitIds)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Units.Where(u => unitIds.Contains(u.Id)).OrderBy(u => u.Name).Select(u => u.Name).ToListAsync();
    }

    // Roles and units live in link tables the auditing interceptor does not watch, so the change is written here.
    private async Task RecordAccessAsync(string userId, string? oldRole, IReadOnlyList<string> oldUnits, string newRole, IReadOnlyList<string> newUnits)
    {
        if (oldRole == newRole && oldUnits.SequenceEqual(newUnits))
        {
            return;
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = clock.GetUtcNow().UtcDateTime,
            UserName = actingUser.Name,
            EntityType = nameof(AppUser),
            EntityId = userId,
            Action = AuditAction.Modified,
            Before = oldRole is null ? null : AccessJson(oldRole, oldUnits),
            After = AccessJson(newRole, newUnits),
        });
        await db.SaveChangesAsync();
    }

    private static string AccessJson(string role, IReadOnlyList<string> units) =>
        AuditingInterceptor.ToJson(new { Role = AppRoles.DisplayName(role), Units = units });

    public async Task<Outcome> ResetPasswordAsync(string userId, string newPassword)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return AccountNotFound;
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, newPassword);
        sessions.Changed(user.Id);
        return result.Succeeded ? Outcome.Ok($"已重置 {user.UserName} 的密码") : Refused(result);
    }

    /// <summary>Locks an account (until unlocked) or unlocks it; the last unlocked administrator cannot be locked out.</summary>
    public async Task<Outcome> SetLockedAsync(string userId, bool locked)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return AccountNotFound;
        }

        if (locked && await users.IsInRoleAsync(user, AppRoles.Admin) && await ActiveAdministratorCountAsync() <= 1)
        {
            return Outcome.Invalid("这是唯一可用的管理员账号，不能停用");
        }

        await users.SetLockoutEnabledAsync(user, true);
        var result = await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null);
        if (!locked)
        {
            await users.ResetAccessFailedCountAsync(user);
        }

        // A new security stamp ends the locked person's sessions: open pages at once, any other request at its next check.
        await users.UpdateSecurityStampAsync(user);
        sessions.Changed(user.Id);
        return result.Succeeded ? Outcome.Ok(locked ? $"已停用 {user.UserName}" : $"已启用 {user.UserName}") : Refused(result);
    }

    private async Task<int> ActiveAdministratorCountAsync()
    {
        var now = clock.GetUtcNow();
        return (await users.GetUsersInRoleAsync(AppRoles.Admin)).Count(u => u.LockoutEnd is not { } end || end <= now);
    }

    private async Task SetUnitsAsync(string userId, IReadOnlyCollection<int> unitIds)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var user = await db.Users.Include(u => u.Units).SingleAsync(u => u.Id == userId);
        user.Units = await db.Units.Where(u => unitIds.Contains(u.Id)).ToListAsync();
        await db.SaveChangesAsync();
    }
}

public sealed class UserRow
{
    public string Id { get; set; } = "";
    public string UserName { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string Role { get; set; } = "";
    public string UnitNames { get; set; } = "";
    public bool IsLocked { get; set; }
    public List<int> UnitIds { get; set; } = [];

    /// <summary>The account as it was when listed; saving against an older one is refused.</summary>
    public string ConcurrencyStamp { get; set; } = "";
}

/// <summary>An administrator's change to an existing account.</summary>
public sealed class UserEdit
{
    public string Id { get; set; } = "";
    public string ConcurrencyStamp { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string Role { get; set; } = AppRoles.UnitUser;
    public List<int> UnitIds { get; set; } = [];
}

public sealed record UnitChoice(int Id, string Name);

public sealed class NewUser
{
    public string UserName { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string Role { get; set; } = AppRoles.UnitUser;
    public string Password { get; set; } = "";
    public List<int> UnitIds { get; set; } = [];
}

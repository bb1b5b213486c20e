using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WorkPlanTracker.Data;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Features.Accounts;

/// <summary>
/// Creates the roles and the first administrator on an empty user table, and the demo accounts when asked.
/// There is never a fixed default password: the administrator's comes from configuration or is generated
/// and shown once.
/// </summary>
public sealed class AccountSeeder(
    UserManager<AppUser> users,
    RoleManager<IdentityRole> roles,
    AppDbContext db,
    IOptions<AccountsOptions> options,
    ILogger<AccountSeeder> logger)
{
    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        foreach (var role in AppRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), role);
            }
        }

        if (!await users.Users.AnyAsync(cancellationToken))
        {
            await CreateAdministratorAsync();
        }

        if (options.Value.Demo)
        {
            await CreateDemoAccountsAsync(cancellationToken);
        }
    }

    private async Task CreateAdministratorAsync()
    {
        var configured = options.Value.AdminPassword;
        var password = string.IsNullOrWhiteSpace(configured) ? GeneratePassword() : configured;
        var admin = new AppUser { UserName = options.Value.AdminUserName, DisplayName = "系统管理员" };
        Check(await users.CreateAsync(admin, password), admin.UserName);
        Check(await users.AddToRoleAsync(admin, AppRoles.Admin), admin.UserName);
        if (string.IsNullOrWhiteSpace(configured))
        {
            // Shown once, on the console of the person who installed the app; it is not stored anywhere readable.
            logger.LogWarning("已创建管理员账号 {UserName}，初始密码：{Password}（只显示这一次，请登录后在“用户管理”中修改）", admin.UserName, password);
        }
    }

    private async Task CreateDemoAccountsAsync(CancellationToken cancellationToken)
    {
        foreach (var demo in DemoAccounts.All)
        {
            if (await users.FindByNameAsync(demo.UserName) is not null)
            {
                continue;
            }

            var user = new AppUser { UserName = demo.UserName, DisplayName = demo.DisplayName };
            if (demo.UnitName is not null && await db.Units.FirstOrDefaultAsync(u => u.Name == demo.UnitName, cancellationToken) is { } unit)
            {
                user.Units.Add(unit);
            }

            Check(await users.CreateAsync(user, DemoAccounts.Password), demo.UserName);
            Check(await users.AddToRoleAsync(user, demo.Role), demo.UserName);
        }
    }

    private static string GeneratePassword() =>
        "Wp" + Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant() + RandomNumberGenerator.GetInt32(10, 99);

    private static void Check(IdentityResult result, string? name)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"无法创建 {name}：{string.Join("；", result.Errors.Select(e => e.Description))}");
        }
    }
}

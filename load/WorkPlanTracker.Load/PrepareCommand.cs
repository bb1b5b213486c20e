using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WorkPlanTracker.Data;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Api;
using WorkPlanTracker.Hosting;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Load;

/// <summary>
/// Makes <c>users</c> unit users (load001…), each alone in a unit of its own (负载测试单位001…) that carries one open
/// assignment of the newest published plan (on a fresh database the newest sample plan, published), with an API token each, on the database the app's own settings name
/// (<c>--Storage:Provider</c>, <c>--Storage:ConnectionString</c>): the app's services write them, so both engines work.
/// Run again, it keeps what exists and issues fresh tokens. Writes the users to a JSON file for <c>run</c>.
/// </summary>
public static class PrepareCommand
{
    public const string Password = "Load-Test-2026";
    private const string UnitPrefix = "负载测试单位";

    public static async Task<int> RunAsync(int count, string usersFile, string[] appArguments)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = appArguments, ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.AddWorkPlanTrackerCore();
        builder.AddWorkPlanTrackerWeb();
        await using var app = builder.Build();
        await app.PrepareDatabaseAsync();

        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var dbFactory = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var tokens = services.GetRequiredService<ApiTokenService>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

        var unitIds = await UnitsAsync(dbFactory, count);
        var assignmentIds = await AssignmentsAsync(dbFactory, unitIds, now);
        // One hash for all: hashing is deliberately slow (PBKDF2), and the users share one password anyway.
        var passwordHash = users.PasswordHasher.HashPassword(new AppUser(), Password);
        var prepared = new List<LoadUser>(count);
        for (var i = 0; i < count; i++)
        {
            var name = UserName(i);
            var user = await users.FindByNameAsync(name);
            if (user is null)
            {
                user = new AppUser { UserName = name, DisplayName = $"负载测试用户{i + 1:000}", PasswordHash = passwordHash };
                Check(await users.CreateAsync(user), name);
                Check(await users.AddToRoleAsync(user, AppRoles.UnitUser), name);
                await using var db = await dbFactory.CreateDbContextAsync();
                var stored = await db.Users.Include(u => u.Units).SingleAsync(u => u.Id == user.Id);
                stored.Units.Add(await db.Units.SingleAsync(u => u.Id == unitIds[i]));
                await db.SaveChangesAsync();
            }

            var token = await tokens.CreateAsync(user.Id, "负载测试", 1);
            if (!token.Succeeded)
            {
                throw new InvalidOperationException($"{name}：{token.Message}");
            }

            prepared.Add(new LoadUser(name, Password, assignmentIds[i], token.Value.Secret));
        }

        await File.WriteAllTextAsync(usersFile, JsonSerializer.Serialize(prepared));
        Console.WriteLine($"已准备 {prepared.Count} 个承办单位用户，写入 {Path.GetFullPath(usersFile)}");
        return 0;
    }

    public static string UserName(int index) => $"load{index + 1:000}";

    private static async Task<List<int>> UnitsAsync(IDbContextFactory<AppDbContext> dbFactory, int count)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var names = Enumerable.Range(1, count).Select(i => $"{UnitPrefix}{i:000}").ToList();
        var existing = await db.Units.Where(u => names.Contains(u.Name)).Select(u => u.Name).ToListAsync();
        db.Units.AddRange(names.Except(existing).Select(n => new OrgUnit { Name = n, Kind = OrgUnitKind.Department }));
        await db.SaveChangesAsync();
        var ids = await db.Units.Where(u => names.Contains(u.Name)).ToDictionaryAsync(u => u.Name, u => u.Id);
        return names.Select(n => ids[n]).ToList();
    }

    /// <summary>Each load unit's assignment: spread over the tasks of the newest published plan, one per unit.</summary>
    private static async Task<List<int>> AssignmentsAsync(IDbContextFactory<AppDbContext> dbFactory, List<int> unitIds, DateTime now)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var plan = await db.Plans.Where(p => p.Status == PlanStatus.Published).OrderByDescending(p => p.Year).ThenByDescending(p => p.Id).FirstOrDefaultAsync();
        if (plan is null)
        {
            // A fresh database holds the sample plans as drafts: the newest is published, as the office would.
            var drafts = await db.Plans.Where(p => p.Status == PlanStatus.Draft).OrderByDescending(p => p.Year).ThenByDescending(p => p.Id).ToListAsync();
            plan = drafts.FirstOrDefault(p => !p.IsUpperPlan)
                ?? throw new InvalidOperationException("数据库中没有可发布的计划：先以默认设置启动一次应用（空库会装入示例计划）。");
            plan.Publish();
            await db.SaveChangesAsync();
        }

        var tasks = await db.Tasks.Include(t => t.Assignments).Where(t => t.PlanId == plan.Id).OrderBy(t => t.Id).ToListAsync();
        for (var i = 0; i < unitIds.Count; i++)
        {
            tasks[i % tasks.Count].AssignTo(unitIds[i], AssignmentRole.Supporting, now);
        }

        await db.SaveChangesAsync();
        var byUnit = await db.Assignments.Where(a => unitIds.Contains(a.OrgUnitId))
            .GroupBy(a => a.OrgUnitId).Select(g => new { Unit = g.Key, Id = g.Min(a => a.Id) })
            .ToDictionaryAsync(g => g.Unit, g => g.Id);
        return unitIds.Select(u => byUnit[u]).ToList();
    }

    private static void Check(IdentityResult result, string name)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"{name}：{string.Join("；", result.Errors.Select(e => e.Description))}");
        }
    }
}

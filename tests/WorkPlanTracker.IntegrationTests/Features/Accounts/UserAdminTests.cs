using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkPlanTracker.Data;
using WorkPlanTracker.Features.Accounts;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.IntegrationTests.Features.Accounts;

public class UserAdminTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<T> WithAdminAsync<T>(Func<UserAdminService, Task<T>> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<UserAdminService>());
    }

    private async Task<int> UnitIdAsync(string name)
    {
        await using var db = app.NewDbContext();
        return await db.Units.Where(u => u.Name == name).Select(u => u.Id).SingleAsync();
    }

    [Fact]
    public async Task A_new_unit_user_gets_the_role_and_units_and_can_sign_in()
    {
        var unitId = await UnitIdAsync("市数据资源局");

        var result = await WithAdminAsync(a => a.CreateAsync(new NewUser { UserName = "zhang", DisplayName = "张三", Role = AppRoles.UnitUser, Password = "Zhang-12345-x", UnitIds = [unitId] }));

        Assert.True(result.Succeeded, result.Message);
        var row = (await WithAdminAsync(a => a.ListAsync())).Single(u => u.UserName == "zhang");
        Assert.Equal((AppRoles.UnitUser, "市数据资源局", false), (row.Role, row.UnitNames, row.IsLocked));
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInClientAsync("zhang", "Zhang-12345-x")).GetAsync("/")).StatusCode);
    }

    [Theory]
    [InlineData("li", AppRoles.UnitUser, "Li-12345678x", false, "至少要关联一个单位")]
    [InlineData("wang", AppRoles.Leadership, "short1", false, "密码至少需要 12 位")]
    [InlineData("zhao", AppRoles.Leadership, "nodigitsatall", false, "密码至少需要包含一个数字")]
    [InlineData("admin", AppRoles.Leadership, "Admin-12345x", false, "用户名“admin”已被使用")]
    [InlineData("sun", "NoSuchRole", "Sun-12345678x", false, "请选择角色")]
    public async Task Invalid_accounts_are_refused_with_a_chinese_reason_and_nothing_is_created(string userName, string role, string password, bool withUnit, string reason)
    {
        var before = (await WithAdminAsync(a => a.ListAsync())).Count;

        var result = await WithAdminAsync(a => a.CreateAsync(new NewUser { UserName = userName, DisplayName = userName, Role = role, Password = password, UnitIds = withUnit ? [1] : [] }));

        Assert.False(result.Succeeded);
        Assert.Contains(reason, result.Message);
        Assert.Equal(before, (await WithAdminAsync(a => a.ListAsync())).Count);
    }

    [Fact]
    public async Task A_reset_password_replaces_the_old_one()
    {
        await WithAdminAsync(a => a.CreateAsync(new NewUser { UserName = "qian", DisplayName = "钱", Role = AppRoles.Leadership, Password = "Qian-12345-x" }));
        var id = (await WithAdminAsync(a => a.ListAsync())).Single(u => u.UserName == "qian").Id;

        var result = await WithAdminAsync(a => a.ResetPasswordAsync(id, "Qian-54321-x"));

        Assert.True(result.Succeeded, result.Message);
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.OK, (await AppFactory.SubmitLoginAsync(client, "qian", "Qian-12345-x")).StatusCode);
        await app.SignedInClientAsync("qian", "Qian-54321-x");
    }

    [Fact]
    public async Task A_locked_account_cannot_sign_in_until_unlocked()
    {
        await WithAdminAsync(a => a.CreateAsync(new NewUser { UserName = "zhou", DisplayName = "周", Role = AppRoles.Leadership, Password = "Zhou-12345-x" }));
        var id = (await WithAdminAsync(a => a.ListAsync())).Single(u => u.UserName == "zhou").Id;

        Assert.True((await WithAdminAsync(a => a.SetLockedAsync(id, locked: true))).Succeeded);
        var refused = await AppFactory.SubmitLoginAsync(app.CreateClient(new() { AllowAutoRedirect = false }), "zhou", "Zhou-12345-x");
        Assert.Contains("已被管理员停用", await refused.Content.ReadAsStringAsync());

        Assert.True((await WithAdminAsync(a => a.SetLockedAsync(id, locked: false))).Succeeded);
        await app.SignedInClientAsync("zhou", "Zhou-12345-x");
    }

    [Fact]
    public async Task The_only_administrator_cannot_be_locked_out()
    {
        var admin = (await WithAdminAsync(a => a.ListAsync())).Single(u => u.UserName == "admin");

        var result = await WithAdminAsync(a => a.SetLockedAsync(admin.Id, locked: true));

        Assert.False(result.Succeeded);
        Assert.Contains("唯一可用的管理员", result.Message);
        await app.SignedInClientAsync("admin", AppFactory.AdminPassword);
    }

    [Theory]
    [InlineData("office")]
    [InlineData("unit")]
    [InlineData("leader")]
    public async Task Only_administrators_reach_user_management(string userName)
    {
        var client = await app.SignedInClientAsync(userName, DemoAccounts.Password);

        var response = await client.GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/access-denied", response.Headers.Location!.ToString());
        var admin = await app.SignedInClientAsync("admin", AppFactory.AdminPassword);
        Assert.Contains("新建账号", await admin.GetStringAsync("/admin/users"));
    }

    [Fact]
    public async Task An_administrator_moves_a_unit_user_to_other_units_and_the_change_is_in_the_audit_trail()
    {
        var first = await UnitIdAsync("市数据资源局");
        var second = await UnitIdAsync("市财政局");
        await WithAdminAsync(a => a.CreateAsync(new NewUser { UserName = "zhou", DisplayName = "周", Role = AppRoles.UnitUser, Password = "Zhou-12345-x", UnitIds = [first] }));
        var row = (await WithAdminAsync(a => a.ListAsync())).Single(u => u.UserName == "zhou");

        var result = await WithAdminAsync(a => a.UpdateAsync(new UserEdit { Id = row.Id, ConcurrencyStamp = row.ConcurrencyStamp, DisplayName = "周科长", Role = AppRoles.UnitUser, UnitIds = [second] }));

        Assert.True(result.Succeeded, result.Message);
        var after = (await WithAdminAsync(a => a.ListAsync())).Single(u => u.UserName == "zhou");
        Assert.Equal(("周科长", AppRoles.UnitUser, "市财政局"), (after.DisplayName, after.Role, after.UnitNames));
        await using var db = app.NewDbContext();
        var entry = await db.AuditEntries.Where(e => e.EntityType == nameof(AppUser) && e.EntityId == row.Id && e.Before != null && e.Before.Contains("市数据资源局")).SingleAsync();
        Assert.Contains("市财政局", entry.After);
    }

    [Fact]
    public async Task A_role_change_takes_the_units_away_from_a_former_unit_user_and_the_new_role_applies_at_sign_in()
    {
        var unitId = await UnitIdAsync("市数据资源局");
        await WithAdminAsync(a => a.CreateAsync(new NewUser { UserName = "wu", DisplayName = "吴", Role = AppRoles.UnitUser, Password = "Wu-12345678x", UnitIds = [unitId] }));
        var row = (await WithAdminAsync(a => a.ListAsync())).Single(u => u.UserName == "wu");

        var result = await WithAdminAsync(a => a.UpdateAsync(new UserEdit { Id = row.Id, ConcurrencyStamp = row.ConcurrencyStamp, DisplayName = "吴", Role = AppRoles.PlanningOffice, UnitIds = [unitId] }));

        Assert.True(result.Succeeded, result.Message);
        var after = (await WithAdminAsync(a => a.ListAsync())).Single(u => u.UserName == "wu");
        Assert.Equal((AppRoles.PlanningOffice, ""), (after.Role, after.UnitNames));
        var client = await app.SignedInClientAsync("wu", "Wu-12345678x");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/review")).StatusCode);
    }

    [Fact]
    public async Task An_edit_made_on_a_stale_row_or_leaving_no_administrator_or_a_unit_user_without_units_changes_nothing()
    {
        await WithAdminAsync(a => a.CreateAsync(new NewUser { UserName = "zheng", DisplayName = "郑", Role = AppRoles.Leadership, Password = "Zheng-12345x" }));
        var stale = (await WithAdminAsync(a => a.ListAsync())).Single(u => u.UserName == "zheng");
        Assert.True((await WithAdminAsync(a => a.UpdateAsync(new UserEdit { Id = stale.Id, ConcurrencyStamp = stale.ConcurrencyStamp, DisplayName = "郑主任", Role = AppRoles.Leadership }))).Succeeded);

        var second = await WithAdminAsync(a => a.UpdateAsync(new UserEdit { Id = stale.Id, ConcurrencyStamp = stale.ConcurrencyStamp, DisplayName = "郑", Role = AppRoles.PlanningOffice }));
        var fresh = (await WithAdminAsync(a => a.ListAsync())).Single(u => u.UserName == "zheng");
        var noUnits = await WithAdminAsync(a => a.UpdateAsync(new UserEdit { Id = fresh.Id, ConcurrencyStamp = fresh.ConcurrencyStamp, DisplayName = "郑", Role = AppRoles.UnitUser }));
        var admin = (await WithAdminAsync(a => a.ListAsync())).Single(u => u.UserName == "admin");
        var lastAdmin = await WithAdminAsync(a => a.UpdateAsync(new UserEdit { Id = admin.Id, ConcurrencyStamp = admin.ConcurrencyStamp, DisplayName = "管理员", Role = AppRoles.Leadership }));
        var missing = await WithAdminAsync(a => a.UpdateAsync(new UserEdit { Id = "no-such-user", Role = AppRoles.Leadership }));

        Assert.Equal("这个账号刚被其他管理员修改过，请刷新页面后再操作", second.Message);
        Assert.Contains("至少要关联一个单位", noUnits.Message);
        Assert.Contains("唯一可用的管理员账号", lastAdmin.Message);
        Assert.Contains("账号不存在", missing.Message);
        Assert.Equal(
            [OutcomeKind.Conflict, OutcomeKind.Invalid, OutcomeKind.Invalid, OutcomeKind.NotFound],
            new[] { second, noUnits, lastAdmin, missing }.Select(r => r.Kind));
        var rows = await WithAdminAsync(a => a.ListAsync());
        Assert.Equal(("郑主任", AppRoles.Leadership), rows.Where(u => u.UserName == "zheng").Select(u => (u.DisplayName, u.Role)).Single());
        Assert.Equal(AppRoles.Admin, rows.Single(u => u.UserName == "admin").Role);
    }
}

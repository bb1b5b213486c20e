using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkPlanTracker.Features.Accounts;

namespace WorkPlanTracker.IntegrationTests.Features.Accounts;

public class SignInTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task First_start_creates_the_four_roles_and_one_administrator_with_the_configured_password()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();

        Assert.Equal(AppRoles.All.Order(), (await roles.Roles.Select(r => r.Name!).ToListAsync()).Order());
        var admins = await users.GetUsersInRoleAsync(AppRoles.Admin);
        var admin = Assert.Single(admins);
        Assert.True(await users.CheckPasswordAsync(admin, AppFactory.AdminPassword));
        Assert.DoesNotContain(app.LogMessages, m => m.Contains("初始密码", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_the_login_page_with_the_way_back()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync("/units");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.ToString());
        Assert.Contains("ReturnUrl=%2Funits", response.Headers.Location!.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_without_saying_which_part_was_wrong()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await AppFactory.SubmitLoginAsync(client, "admin", "wrong-password-1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("用户名或密码不正确", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_password()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.CreateAsync(new AppUser { UserName = "locktest", DisplayName = "锁定测试" }, "Right-12345x");
        }

        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        for (var i = 0; i < 5; i++)
        {
            await AppFactory.SubmitLoginAsync(client, "locktest", "Wrong12345");
        }

        var response = await AppFactory.SubmitLoginAsync(client, "locktest", "Right-12345x");

        Assert.Contains("账号已锁定", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Demo_mode_creates_one_account_per_role_and_lists_them_on_the_login_page()
    {
        var login = await app.CreateClient().GetStringAsync("/account/login");

        foreach (var demo in DemoAccounts.All)
        {
            Assert.Contains(demo.UserName, login);
            var client = await app.SignedInClientAsync(demo.UserName, DemoAccounts.Password);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        }

        await using var db = app.NewDbContext();
        var unitUser = await db.Users.Include(u => u.Units).SingleAsync(u => u.UserName == "unit");
        Assert.Equal(["市数据资源局"], unitUser.Units.Select(u => u.Name));
    }

    [Theory]
    [InlineData("unit")]
    [InlineData("leader")]
    public async Task Only_the_planning_office_and_admins_may_open_the_import_page(string userName)
    {
        var client = await app.SignedInClientAsync(userName, DemoAccounts.Password);

        var response = await client.GetAsync("/import");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/access-denied", response.Headers.Location!.ToString());
        Assert.Contains("没有权限", await client.GetStringAsync(response.Headers.Location));
        var office = await app.SignedInClientAsync("office", DemoAccounts.Password);
        Assert.Contains("plan-file", await office.GetStringAsync("/import"));
    }

    [Fact]
    public async Task Logging_out_ends_the_session()
    {
        var client = await app.SignedInClientAsync("leader", DemoAccounts.Password);
        var page = await client.GetStringAsync("/");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;

        var logout = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task The_audit_trail_never_holds_password_hashes()
    {
        await using var db = app.NewDbContext();
        var userEntries = await db.AuditEntries.Where(e => e.EntityType == nameof(AppUser)).ToListAsync();

        Assert.NotEmpty(userEntries);
        Assert.All(userEntries, e => Assert.DoesNotContain("AQAAAA", e.After ?? ""));
        Assert.Contains(userEntries, e => (e.After ?? "").Contains("\"PasswordHash\":\"（已隐藏）\"", StringComparison.Ordinal));
    }
}

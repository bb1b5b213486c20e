using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkPlanTracker.Data;
using WorkPlanTracker.Features.Accounts;
using WorkPlanTracker.Shared;

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
    public async Task Five_wrong_passwords_from_one_place_stop_that_place_but_never_lock_the_administrator_out()
    {
        using var factory = WithSources();
        var attacker = SourceClient(factory, "203.0.113.9");
        for (var i = 1; i <= 4; i++)
        {
            Assert.Contains("用户名或密码不正确", await LoginTextAsync(attacker, "admin", "Wrong-12345x"), StringComparison.Ordinal);
        }

        Assert.Contains("密码输错次数过多", await LoginTextAsync(attacker, "admin", "Wrong-12345x"), StringComparison.Ordinal);
        Assert.Contains("密码输错次数过多", await LoginTextAsync(attacker, "admin", AppFactory.AdminPassword), StringComparison.Ordinal);

        var office = SourceClient(factory, "198.51.100.20");
        Assert.Equal(HttpStatusCode.Redirect, (await AppFactory.SubmitLoginAsync(office, "admin", AppFactory.AdminPassword)).StatusCode);
    }

    [Fact]
    public async Task An_unknown_user_name_gets_exactly_the_answers_a_real_one_gets()
    {
        using var factory = WithSources();
        var known = SourceClient(factory, "192.0.2.1");
        var unknown = SourceClient(factory, "192.0.2.2");

        var answers = new List<string>();
        for (var i = 1; i <= 6; i++)
        {
            var answer = Message(await LoginTextAsync(known, "leader", "Wrong-12345x"));
            Assert.Equal(answer, Message(await LoginTextAsync(unknown, "nobody-like-this", "Wrong-12345x")));
            answers.Add(answer);
        }

        Assert.Equal("用户名或密码不正确。", answers[0]);
        Assert.Contains("密码输错次数过多", answers[^1], StringComparison.Ordinal);
    }

    private WebApplicationFactory<Program> WithSources() =>
        app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IStartupFilter, SourceFromHeader>()));

    private static HttpClient SourceClient(WebApplicationFactory<Program> factory, string address)
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(SourceFromHeader.Header, address);
        return client;
    }

    private static async Task<string> LoginTextAsync(HttpClient client, string userName, string password) =>
        await (await AppFactory.SubmitLoginAsync(client, userName, password)).Content.ReadAsStringAsync();

    private static string Message(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "alert-danger[^>]*>([^<]+)<").Groups[1].Value;

    /// <summary>The test server has no client address; this gives each test client one, as a real connection would.</summary>
    private sealed class SourceFromHeader : IStartupFilter
    {
        public const string Header = "X-Test-Source";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => builder =>
        {
            builder.Use((context, following) =>
            {
                if (context.Request.Headers.TryGetValue(Header, out var address))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
                }

                return following(context);
            });
            next(builder);
        };
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

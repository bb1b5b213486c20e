using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using WorkPlanTracker.Benchmarks;
using WorkPlanTracker.Features.Accounts;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.IntegrationTests.Browser;

/// <summary>The security rules in a real browser, where scripts actually run: the reflected XSS runs nothing, every page lives with the CSP, revoked accounts leave at once.</summary>
[Collection(SecondBrowserCollection.Name)]
public class SecurityBrowserTests(BrowserFixture browser) : BrowserTests(browser)
{
    private const string Payload = "<img src=x onerror=\"window.xssRan=1;alert(document.domain)\">";

    // Reports what the page's CSP blocked, from the page itself (console wording differs between browser versions).
    private const string ViolationListener =
        "window.cspViolations = []; document.addEventListener('securitypolicyviolation', e => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));";

    [Theory]
    [InlineData("/dashboard/list?year=")]
    [InlineData("/dashboard?year=")]
    [InlineData("/dashboard/trend?year=")]
    public async Task The_dashboard_xss_link_runs_no_script_for_a_signed_in_administrator(string url)
    {
        var page = await Browser.OpenAsync(url + Uri.EscapeDataString(Payload));
        var dialogs = 0;
        page.Dialog += (_, dialog) =>
        {
            dialogs++;
            _ = dialog.DismissAsync();
        };

        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Task.Delay(500);

        Assert.Equal(0, dialogs);
        Assert.Null(await page.EvaluateAsync<int?>("() => window.xssRan ?? null"));
        Assert.Equal(0, await page.Locator("img[src='x']").CountAsync());
        await Assertions.Expect(page.Locator("h1").First).Not.ToHaveTextAsync("页面出现了错误");
        await page.CloseAsync();
    }

    [Fact]
    public async Task The_xss_link_runs_no_script_after_an_anonymous_visitor_signs_in()
    {
        var context = await Browser.Browser.NewContextAsync(new() { Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        var dialogs = 0;
        page.Dialog += (_, dialog) =>
        {
            dialogs++;
            _ = dialog.DismissAsync();
        };

        await page.GotoAsync(Browser.Url("/dashboard/list?year=" + Uri.EscapeDataString(Payload)));
        await page.WaitForURLAsync("**/account/login**");
        await page.Locator("#login-user").FillAsync("admin");
        await page.Locator("#login-password").FillAsync(AppFactory.AdminPassword);
        await page.Locator("#login-submit").ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/dashboard/list", StringComparison.Ordinal));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Task.Delay(500);

        Assert.Equal(0, dialogs);
        Assert.Null(await page.EvaluateAsync<int?>("() => window.xssRan ?? null"));
        Assert.Equal(0, await page.Locator("img[src='x']").CountAsync());
        await context.CloseAsync();
    }

    [Fact]
    public async Task Every_page_loads_for_every_role_without_a_csp_violation_or_script_error()
    {
        var routes = await RoutesAsync();
        var problems = new ConcurrentBag<string>();
        var sessions = new (string User, IBrowserContext Session, string[] Routes)[]
        {
            ("admin", Browser.Session, routes.All),
            ("office", await Browser.NewSessionAsync("office", DemoAccounts.Password), routes.Shared),
            ("unit", await Browser.NewSessionAsync("unit", DemoAccounts.Password), routes.Unit),
            ("leader", await Browser.NewSessionAsync("leader", DemoAccounts.Password), routes.Shared),
        };

        foreach (var (_, session, _) in sessions)
        {
            await session.AddInitScriptAsync(ViolationListener);
        }

        // Each page is a page of its own: a few at a time overlap their waits for the network and the circuit
        // (one after another, the pages took minutes on a loaded machine). The chart pages go one at a time at
        // the end: three Plotly pages drawing at once did not draw within the wait on the loaded machine.
        var visits = sessions.SelectMany(s => s.Routes.Select(url => (s.User, s.Session, Url: url))).ToList();
        var charts = visits.Where(v => v.Url is "/dashboard" or "/dashboard/trend").ToList();
        await Parallel.ForEachAsync(visits.Except(charts), new ParallelOptions { MaxDegreeOfParallelism = 3 }, async (visit, _) => await VisitAsync(visit));
        foreach (var visit in charts)
        {
            await VisitAsync(visit);
        }

        async Task VisitAsync((string User, IBrowserContext Session, string Url) visit)
        {
            var (user, session, url) = visit;
            var page = await session.NewPageAsync();
            await page.BringToFrontAsync();
            page.Console += (_, message) =>
            {
                if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add($"{user} {url}: {message.Text}");
                }
            };
            page.PageError += (_, error) => problems.Add($"{user} {url}: script error {error}");
            var response = await page.GotoAsync(Browser.Url(url));
            Assert.True(response is { Ok: true }, $"{user} {url}: {response?.Status}");
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            if (url is "/dashboard" or "/dashboard/trend")
            {
                // Plotly draws once the circuit is up: the charts' scripts must have run under the policy too.
                try
                {
                    await page.Locator(".main-svg").First.WaitForAsync(new() { Timeout = 20_000 });
                }
                catch (TimeoutException)
                {
                    problems.Add($"{user} {url}: no chart drawn");
                }
            }

            foreach (var violation in await page.EvaluateAsync<string[]>("() => window.cspViolations ?? []"))
            {
                problems.Add($"{user} {url}: blocked {violation}");
            }

            await page.CloseAsync();
        }

        foreach (var (_, session, _) in sessions.Where(s => s.User != "admin"))
        {
            await session.CloseAsync();
        }

        Assert.Empty(problems);
    }

    [Fact]
    public async Task A_disabled_users_open_page_goes_to_the_login_page_at_once()
    {
        var userName = "revoked" + Guid.NewGuid().ToString("N")[..6];
        var created = await Browser.App.Get<UserAdminService>().CreateAsync(new NewUser
        {
            UserName = userName, DisplayName = "将被停用", Role = AppRoles.Leadership, Password = DemoAccounts.Password,
        });
        Assert.True(created.Succeeded, created.Message);
        var session = await Browser.NewSessionAsync(userName, DemoAccounts.Password);
        var page = await Browser.OpenAsync("/assignments", session);
        await Assertions.Expect(page.Locator(".app-user")).ToContainTextAsync(userName);
        // The lock-out reaches an open page through its circuit: lock only once the page is interactive. Locked
        // before the circuit connects, the page would connect later still signed in (CI saw that once).
        await Assertions.Expect(page.Locator("h1[data-rendered=interactive]")).ToHaveCountAsync(1, new() { Timeout = 30_000 });

        var id = (await Browser.App.Get<UserAdminService>().ListAsync()).Single(u => u.UserName == userName).Id;
        Assert.True((await Browser.App.Get<UserAdminService>().SetLockedAsync(id, locked: true)).Succeeded);

        // Seconds, not the half hour it took before; on a loaded machine the page itself may take a while to connect.
        // (AccountRevocationTests shows the change reaching an open page's state at once, without a Browser.)
        await Browser.WaitForUrlAsync(page, "/account/login", TimeSpan.FromSeconds(20));
        await Assertions.Expect(page.Locator("#login-submit")).ToBeVisibleAsync();
        await session.CloseAsync();
    }

    [Fact]
    public async Task Kestrel_does_not_name_itself()
    {
        using var client = new HttpClient();

        var response = await client.GetAsync(Browser.Url("/account/login"));

        Assert.False(response.Headers.Contains("Server"), string.Join(",", response.Headers.Select(h => h.Key)));
        Assert.True(response.Headers.Contains("Content-Security-Policy"));
    }

    private sealed record Routes(string[] All, string[] Shared, string[] Unit);

    private async Task<Routes> RoutesAsync()
    {
        await using var db = Browser.App.NewDbContext();
        var year = DateTime.UtcNow.Year;
        if (!await db.Plans.AnyAsync(p => p.Title == $"{year}年政务公开工作要点"))
        {
            // The same generated plans the dashboard tests use, so the charts have something to draw.
            await new DashboardDataSet { Years = 2, PlansPerYear = 2, TasksPerPlan = 25, Units = 14, AsOfUtc = DateTime.UtcNow }.FillAsync(db);
        }

        var assignment = await db.Assignments.OrderBy(a => a.Id).Select(a => new { a.Id, a.TaskId, UnitId = a.OrgUnitId, PlanId = a.WorkTask!.PlanId }).FirstAsync();
        var group = await db.UnitGroups.OrderBy(g => g.Id).Select(g => g.Id).FirstOrDefaultAsync();
        string[] dashboards = ["/dashboard", "/dashboard/units", "/dashboard/trend", $"/dashboard/list?year={year}&show=Tasks", $"/dashboard/units/{assignment.UnitId}"];
        string[] shared = ["/", $"/plans/{assignment.PlanId}", "/inbox", "/reminders/preferences", "/account/access-denied"];
        string[] office =
        [
            .. shared, .. dashboards, "/import", "/review", "/assignments", $"/assignments/{assignment.Id}", $"/plans/{assignment.PlanId}/assign",
            $"/plans/{assignment.PlanId}/rollover", $"/tasks/{assignment.TaskId}/years", "/escalations", $"/tasks/{assignment.TaskId}/history", $"/tasks/{assignment.TaskId}/assignments", "/units", .. (group > 0 ? [$"/units/groups/{group}"] : Array.Empty<string>()),
            "/reminders/contacts", "/reminders/log", "/reminders/settings", $"/plans/{assignment.PlanId}/public", "/upper-plans", "/account/api-tokens",
        ];
        // The administrator opens every page. A page's scripts and styles are the same whoever opens it, so the
        // other roles open only the pages each role sees drawn differently (home, plan, inbox; the unit's own list
        // and upload) instead of every page again: the walk was the longest test of the suite.
        return new Routes(
            All: [.. office, "/admin/users", "/ledger/upload", "/hangfire"],
            Shared: shared,
            Unit: [.. shared, "/assignments", "/ledger/upload"]);
    }
}

using System.Net;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using WorkPlanTracker.Data;
using WorkPlanTracker.Features.Accounts;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.IntegrationTests.Features.Accounts;

/// <summary>A disabled or demoted account loses its power on its very next request, and its open pages with it: a revoked person must not keep acting through a tab left open.</summary>
public class AccountRevocationTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<string> CreateAsync(string role, string password = DemoAccounts.Password)
    {
        var userName = role.ToLowerInvariant() + Guid.NewGuid().ToString("N")[..6];
        var unitIds = role == AppRoles.UnitUser ? new List<int> { await app.UnitIdAsync("市数据资源局") } : [];
        var created = await app.Get<UserAdminService>().CreateAsync(new NewUser
        {
            UserName = userName, DisplayName = userName, Role = role, Password = password, UnitIds = unitIds,
        });
        Assert.True(created.Succeeded, created.Message);
        return userName;
    }

    private async Task<UserRow> RowAsync(string userName) =>
        (await app.Get<UserAdminService>().ListAsync()).Single(u => u.UserName == userName);

    [Fact]
    public async Task A_disabled_accounts_cookie_is_refused_on_its_next_request()
    {
        var userName = await CreateAsync(AppRoles.Leadership);
        var client = await app.SignedInClientAsync(userName, DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/dashboard")).StatusCode);

        Assert.True((await app.Get<UserAdminService>().SetLockedAsync((await RowAsync(userName)).Id, locked: true)).Succeeded);

        var response = await client.GetAsync("/dashboard");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_demoted_office_user_can_no_longer_import_on_the_next_request()
    {
        var userName = await CreateAsync(AppRoles.PlanningOffice);
        var client = await app.SignedInClientAsync(userName, DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/import")).StatusCode);
        var row = await RowAsync(userName);

        var demoted = await app.Get<UserAdminService>().UpdateAsync(new UserEdit
        {
            Id = row.Id, ConcurrencyStamp = row.ConcurrencyStamp, DisplayName = row.DisplayName, Role = AppRoles.UnitUser,
            UnitIds = [await app.UnitIdAsync("市数据资源局")],
        });
        Assert.True(demoted.Succeeded, demoted.Message);

        var response = await client.GetAsync("/import");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        var again = await app.SignedInClientAsync(userName, DemoAccounts.Password);
        Assert.Contains("/account/access-denied", (await again.GetAsync("/import")).Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_open_page_of_a_demoted_user_is_signed_out_and_its_next_action_has_no_role()
    {
        var userName = await CreateAsync(AppRoles.PlanningOffice);
        await using var circuit = app.Services.CreateAsyncScope();
        var services = circuit.ServiceProvider;
        var user = (await services.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(userName))!;
        var principal = await services.GetRequiredService<SignInManager<AppUser>>().CreateUserPrincipalAsync(user);
        var authentication = services.GetRequiredService<AuthenticationStateProvider>();
        ((IHostEnvironmentAuthenticationStateProvider)authentication).SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        var signedOut = new TaskCompletionSource<AuthenticationState>();
        authentication.AuthenticationStateChanged += state => state.ContinueWith(t => signedOut.TrySetResult(t.Result), TaskScheduler.Default);
        var actors = services.GetRequiredService<ActorResolver>();
        Assert.True((await actors.CurrentAsync()).IsPlanningOffice);

        var row = await RowAsync(userName);
        Assert.True((await app.Get<UserAdminService>().UpdateAsync(new UserEdit
        {
            Id = row.Id, ConcurrencyStamp = row.ConcurrencyStamp, DisplayName = row.DisplayName, Role = AppRoles.Leadership,
        })).Succeeded);

        Assert.False((await actors.CurrentAsync()).IsPlanningOffice);
        var state = await signedOut.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(state.User.Identity?.IsAuthenticated);
    }
}

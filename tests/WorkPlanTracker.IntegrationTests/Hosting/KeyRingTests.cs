using System.Net;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WorkPlanTracker.Hosting;

namespace WorkPlanTracker.IntegrationTests.Hosting;

/// <summary>A sign-in cookie of one installation (its own data folder) is worthless at another: each keeps its own key ring, so a copied cookie signs nobody in elsewhere.</summary>
public class KeyRingTests
{
    [SqliteOnlyFact("keys in the data folder; on PostgreSQL they are in the database (SharedKeyRingTests)")]
    public async Task A_cookie_from_another_installation_is_refused_and_each_keeps_its_keys_in_its_data_folder()
    {
        using var first = new AppFactory();
        using var second = new AppFactory();
        var cookies = new CookieContainerHandler();
        var firstClient = first.CreateDefaultClient(cookies);
        Assert.Equal(HttpStatusCode.Redirect, (await AppFactory.SubmitLoginAsync(firstClient, "admin", AppFactory.AdminPassword)).StatusCode);
        var authCookie = cookies.Container.GetCookies(first.Server.BaseAddress).Single(c => c.Name == "WorkPlanTracker.Auth").Value;
        second.StartServer();

        Assert.NotNull(TicketFormat(first).Unprotect(authCookie));
        Assert.Null(TicketFormat(second).Unprotect(authCookie));
        var foreign = second.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        foreign.DefaultRequestHeaders.Add("Cookie", $"WorkPlanTracker.Auth={authCookie}");
        var response = await foreign.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.ToString(), StringComparison.Ordinal);

        foreach (var app in new[] { first, second })
        {
            Assert.NotEmpty(Directory.GetFiles(Path.Combine(app.DataDirectory, KeyRingServices.KeyFolderName), "key-*.xml"));
            Assert.True(File.Exists(Path.Combine(app.DataDirectory, KeyRingServices.InstallationIdFileName)));
        }

        Assert.NotEqual(
            await File.ReadAllTextAsync(Path.Combine(first.DataDirectory, KeyRingServices.InstallationIdFileName)),
            await File.ReadAllTextAsync(Path.Combine(second.DataDirectory, KeyRingServices.InstallationIdFileName)));
    }

    [Fact]
    public async Task The_same_data_folder_started_again_still_accepts_its_cookie()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "wpt-it", Guid.NewGuid().ToString("N"));
        try
        {
            string authCookie;
            using (var first = new AppFactory(dataDirectory))
            {
                var cookies = new CookieContainerHandler();
                await AppFactory.SubmitLoginAsync(first.CreateDefaultClient(cookies), "admin", AppFactory.AdminPassword);
                authCookie = cookies.Container.GetCookies(first.Server.BaseAddress).Single(c => c.Name == "WorkPlanTracker.Auth").Value;
            }

            using var again = new AppFactory(dataDirectory);
            again.StartServer();
            Assert.NotNull(TicketFormat(again).Unprotect(authCookie));
        }
        finally
        {
            AppFactory.DeleteDirectory(dataDirectory);
        }
    }

    private static Microsoft.AspNetCore.Authentication.ISecureDataFormat<Microsoft.AspNetCore.Authentication.AuthenticationTicket> TicketFormat(AppFactory app) =>
        app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme).TicketDataFormat;
}

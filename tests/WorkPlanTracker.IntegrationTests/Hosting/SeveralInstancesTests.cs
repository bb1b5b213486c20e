using System.Net;
using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;

namespace WorkPlanTracker.IntegrationTests.Hosting;

/// <summary>
/// Instances of one installation share one PostgreSQL database: a sign-in form served by one is accepted by another
/// (antiforgery token), the cookie it gives works on both, and an installation on another database refuses it.
/// </summary>
public class SeveralInstancesTests
{
    [PostgreSqlFact]
    public async Task A_form_and_a_cookie_from_one_instance_work_on_another_of_the_installation_and_on_no_other_installation()
    {
        using var first = new AppFactory();
        first.StartServer();
        using var second = new AppFactory();
        second.JoinInstallationOf(first);
        using var elsewhere = new AppFactory();
        var cookies = new CookieContainerHandler();
        var toFirst = first.CreateDefaultClient(cookies);
        var toSecond = second.CreateDefaultClient(new CookieContainerHandler(cookies.Container));

        // The login form (and its antiforgery cookie) from the first instance, posted to the second.
        var form = await toFirst.GetStringAsync("/account/login");
        var fields = System.Text.RegularExpressions.Regex.Matches(form, "<input[^>]*type=\"hidden\"[^>]*>")
            .Select(m => (Name: Attribute(m.Value, "name"), Value: Attribute(m.Value, "value")))
            .Where(f => f.Name.Length > 0)
            .ToDictionary(f => f.Name, f => WebUtility.HtmlDecode(f.Value));
        fields["Input.UserName"] = "admin";
        fields["Input.Password"] = AppFactory.AdminPassword;
        var signIn = await toSecond.PostAsync("/account/login", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        // The second's cookie on the first.
        Assert.Equal(HttpStatusCode.OK, (await toFirst.GetAsync("/admin/users")).StatusCode);

        var authCookie = cookies.Container.GetCookies(first.Server.BaseAddress).Single(c => c.Name == "WorkPlanTracker.Auth").Value;
        var foreign = elsewhere.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        foreign.DefaultRequestHeaders.Add("Cookie", $"WorkPlanTracker.Auth={authCookie}");
        var refused = await foreign.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/account/login", refused.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [PostgreSqlFact]
    public void Scheduled_jobs_are_kept_in_the_shared_database_not_in_one_instance_s_memory()
    {
        using var app = new AppFactory();

        Assert.IsType<PostgreSqlStorage>(app.Services.GetRequiredService<JobStorage>());
    }

    private static string Attribute(string tag, string name) =>
        System.Text.RegularExpressions.Regex.Match(tag, name + "=\"([^\"]*)\"").Groups[1].Value;
}

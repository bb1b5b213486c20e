using System.Net;
using WorkPlanTracker.Features.Accounts;

namespace WorkPlanTracker.IntegrationTests.Features.Reminders;

/// <summary>The Hangfire dashboard and the office's reminder pages refuse everyone they are not for.</summary>
[Collection(SharedAppCollection.Name)]
public class RemindersAccessTests
{
    private readonly AppFactory app;

    public RemindersAccessTests(AppFactory app)
    {
        this.app = app;
        app.StartServer();
    }

    [Fact]
    public async Task The_hangfire_dashboard_is_for_administrators_only()
    {
        var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/hangfire")).StatusCode);

        foreach (var user in new[] { "office", "unit", "leader" })
        {
            var client = await app.SignedInClientAsync(user, DemoAccounts.Password);
            var refused = await client.GetAsync("/hangfire");
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            var text = await refused.Content.ReadAsStringAsync();
            Assert.Contains("无权访问", text, StringComparison.Ordinal);
            Assert.DoesNotContain("页面不存在", text, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/hangfire/recurring")).StatusCode);
        }

        var admin = await app.SignedInClientAsync("admin", AppFactory.AdminPassword);
        var page = await admin.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("工作计划督办台 · 后台任务", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/reminders/log")]
    [InlineData("/reminders/settings")]
    [InlineData("/reminders/contacts")]
    public async Task Office_pages_are_refused_to_units_and_leaders(string path)
    {
        foreach (var user in new[] { "unit", "leader" })
        {
            var client = await app.SignedInClientAsync(user, DemoAccounts.Password);
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("access-denied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        }

        var office = await app.SignedInClientAsync("office", DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task Every_signed_in_user_has_an_inbox_and_own_preferences()
    {
        var unit = await app.SignedInClientAsync("unit", DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.OK, (await unit.GetAsync("/inbox")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await unit.GetAsync("/reminders/preferences")).StatusCode);
    }
}

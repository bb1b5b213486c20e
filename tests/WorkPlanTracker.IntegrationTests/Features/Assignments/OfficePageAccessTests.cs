using System.Net;
using WorkPlanTracker.Features.Accounts;

namespace WorkPlanTracker.IntegrationTests.Features.Assignments;

/// <summary>The office's pages refuse other roles on the server, whatever the menu shows.</summary>
[Collection(SharedAppCollection.Name)]
public class OfficePageAccessTests(AppFactory app)
{
    [Theory]
    [InlineData("unit", "/review")]
    [InlineData("leader", "/review")]
    [InlineData("unit", "/tasks/1/assignments")]
    [InlineData("leader", "/tasks/1/assignments")]
    [InlineData("unit", "/plans/1/assign")]
    [InlineData("leader", "/plans/1/assign")]
    [InlineData("unit", "/tasks/1/history")]
    [InlineData("leader", "/plans/1/rollover")]
    [InlineData("unit", "/tasks/1/years")]
    public async Task Units_and_leaders_are_refused(string userName, string url)
    {
        var client = await app.SignedInClientAsync(userName, DemoAccounts.Password);

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/access-denied", response.Headers.Location!.ToString());
    }

    [Theory]
    [InlineData("/review", "待审核")]
    [InlineData("/tasks/1/assignments", "调整分派")]
    [InlineData("/plans/1/assign", "批量分派")]
    [InlineData("/tasks/1/history", "办理记录：")]
    [InlineData("/plans/1/rollover", "年度结转")]
    [InlineData("/tasks/1/years", "任务历年情况")]
    public async Task The_office_gets_its_pages(string url, string heading)
    {
        var client = await app.SignedInClientAsync("office", DemoAccounts.Password);

        var html = await client.GetStringAsync(url);

        Assert.Contains(heading, html);
    }

    [Fact]
    public async Task Leaders_read_a_tasks_whole_history()
    {
        var client = await app.SignedInClientAsync("leader", DemoAccounts.Password);

        var html = await client.GetStringAsync("/tasks/1/history");

        Assert.Contains("办理记录：", html);
        Assert.Contains("任务列入计划", html);
    }
}

using System.Net;
using DocumentFormat.OpenXml.Packaging;
using WorkPlanTracker.Features.Accounts;

namespace WorkPlanTracker.IntegrationTests.Features.Dashboard;

/// <summary>The dashboards and the annual report draft are for leaders and the office; the server refuses unit users.</summary>
[Collection(SharedAppCollection.Name)]
public class DashboardAccessTests(AppFactory app)
{
    [Theory]
    [InlineData("/dashboard")]
    [InlineData("/dashboard/units")]
    [InlineData("/dashboard/trend")]
    [InlineData("/dashboard/list?year=2026&show=OverdueAssignments")]
    [InlineData("/dashboard/units/1")]
    [InlineData("/dashboard/annual-report/2026.docx")]
    public async Task A_unit_user_is_refused(string url)
    {
        var client = await app.SignedInClientAsync("unit", DemoAccounts.Password);

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/access-denied", response.Headers.Location!.ToString());
    }

    [Theory]
    [InlineData("leader", "/dashboard", "领导驾驶舱")]
    [InlineData("leader", "/dashboard/units", "单位考核排名")]
    [InlineData("leader", "/dashboard/trend", "月度趋势")]
    [InlineData("office", "/dashboard", "领导驾驶舱")]
    [InlineData("leader", "/dashboard/list?year=2026&show=Tasks", "全部任务")]
    public async Task Leaders_and_the_office_get_the_dashboards(string user, string url, string heading)
    {
        var client = await app.SignedInClientAsync(user, DemoAccounts.Password);

        var html = await client.GetStringAsync(url);

        // The page's own heading: the menu alone already says 领导驾驶舱 to a leader.
        Assert.Contains($"{heading}</h1>", html);
    }

    [Fact]
    public async Task The_menu_shows_the_dashboard_to_leaders_only()
    {
        var leader = await app.SignedInClientAsync("leader", DemoAccounts.Password);
        var unit = await app.SignedInClientAsync("unit", DemoAccounts.Password);

        Assert.Contains("href=\"dashboard\"", await leader.GetStringAsync("/assignments"));
        Assert.DoesNotContain("href=\"dashboard\"", await unit.GetStringAsync("/assignments"));
    }

    [Fact]
    public async Task A_leader_downloads_the_annual_report_draft_as_a_word_document()
    {
        var client = await app.SignedInClientAsync("leader", DemoAccounts.Password);

        var response = await client.GetAsync("/dashboard/annual-report/2024.docx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        using var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), isEditable: false);
        Assert.Contains("2024年度工作计划落实情况（草稿）", document.MainDocumentPart!.Document.Body!.InnerText);
    }
}

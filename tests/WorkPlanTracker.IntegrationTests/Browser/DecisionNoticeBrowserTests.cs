using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Accounts;
using WorkPlanTracker.Features.Assignments;
using WorkPlanTracker.Features.Escalations;

namespace WorkPlanTracker.IntegrationTests.Browser;

/// <summary>The office's decisions reaching the unit's bell and inbox, as the unit's user sees them.</summary>
[Collection(BrowserCollection.Name)]
public class DecisionNoticeBrowserTests(BrowserFixture browser) : BrowserTests(browser)
{
    [Fact]
    public async Task The_office_returns_a_completion_request_and_issues_a_notice_and_the_units_bell_and_inbox_show_both()
    {
        // A past year's plan: this year's would change the figures the dashboard tests beside it count on.
        var title = $"结果县2019年政务公开工作要点{Guid.NewGuid():N}"[..24];
        var assignments = await Browser.App.PublishedAssignmentsAsync($"""
            {title}
            一、工作任务
            1.发布办事指南。(市数据资源局牵头,2019年6月底前)
            2.更新政策文件库。(市数据资源局牵头,2019年6月底前)
            """, "结果.txt", "市数据资源局");
        var (returnedId, escalatedId) = (assignments[0], assignments[1]);
        var unitId = await Browser.App.UnitIdAsync("市数据资源局");
        var unitActor = TestActors.UserOf(unitId);
        var service = Browser.App.Get<AssignmentService>();
        Assert.True((await service.AcknowledgeAsync(unitActor, returnedId, await VersionAsync(returnedId))).Succeeded);
        Assert.True((await service.SubmitReportAsync(unitActor, returnedId, await VersionAsync(returnedId), new ReportInput { Progress = "办事指南已发布" })).Succeeded);
        Assert.True((await service.RequestCompletionAsync(unitActor, returnedId, await VersionAsync(returnedId), "已全部发布")).Succeeded);

        var office = await Browser.NewSessionAsync("office", DemoAccounts.Password);
        var officeView = await Browser.OpenAsync($"/assignments/{returnedId}", office);
        await BrowserFixture.UntilAsync(async () =>
        {
            if (await StatusAsync(returnedId) == AssignmentStatus.CompletionRequested && await officeView.Locator("#return").CountAsync() > 0)
            {
                await BrowserFixture.EnterAsync(officeView.Locator("#office-reason"), "请补充办事指南的发布链接。");
                await officeView.Locator("#return").ClickAsync();
                await Task.Delay(200);
            }

            return await StatusAsync(returnedId) == AssignmentStatus.Returned;
        });
        Assert.True((await Browser.App.Get<EscalationService>().IssueAsync(TestActors.Office, escalatedId, "政策文件库逾期未更新，请说明原因。", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7))).Succeeded);

        var expected = (await UnreadAsync(unitId)).ToString(CultureInfo.InvariantCulture);
        var unit = await Browser.NewSessionAsync("unit", DemoAccounts.Password);
        var list = await Browser.OpenAsync("/assignments", unit);
        await Assertions.Expect(list.Locator("#inbox-unread")).ToHaveTextAsync(expected);

        var inbox = await Browser.OpenAsync("/inbox", unit);
        var returned = inbox.Locator(".inbox-list li", new PageLocatorOptions { HasText = "办结申请被退回：一.1 发布办事指南" });
        await Assertions.Expect(returned).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("inbox-unread"));
        await Assertions.Expect(returned).ToContainTextAsync("理由：请补充办事指南的发布链接。");
        var escalated = inbox.Locator(".inbox-list li", new PageLocatorOptions { HasText = "收到督办单：一.2 更新政策文件库" });
        await Assertions.Expect(escalated).ToContainTextAsync("政策文件库逾期未更新，请说明原因。");
        await Assertions.Expect(escalated.Locator($"a[href$='assignments/{escalatedId}']")).ToHaveCountAsync(1);
        await BrowserFixture.ScreenshotAsync(inbox, "inbox-office-decisions");

        await office.CloseAsync();
        await unit.CloseAsync();
    }

    private async Task<AssignmentStatus> StatusAsync(int assignmentId)
    {
        await using var db = Browser.App.NewDbContext();
        return await db.Assignments.Where(a => a.Id == assignmentId).Select(a => a.Status).SingleAsync();
    }

    private async Task<Guid> VersionAsync(int assignmentId)
    {
        await using var db = Browser.App.NewDbContext();
        return await db.Assignments.Where(a => a.Id == assignmentId).Select(a => a.Version).SingleAsync();
    }

    private async Task<int> UnreadAsync(int unitId)
    {
        await using var db = Browser.App.NewDbContext();
        var userId = await db.Users.Where(u => u.UserName == "unit").Select(u => u.Id).SingleAsync();
        return await db.UnitNotices.CountAsync(n => n.OrgUnitId == unitId && !db.NoticeReadMarks.Any(m => m.UserId == userId && m.UnitNoticeId == n.Id));
    }
}

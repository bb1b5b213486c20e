using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Accounts;

namespace WorkPlanTracker.IntegrationTests.Browser;

/// <summary>The main journey (publish, report, return, report again, close, the leader's view), as the three kinds of users click through it.</summary>
[Collection(BrowserCollection.Name)]
public class WorkflowJourneyTests(BrowserFixture browser) : BrowserTests(browser)
{
    private const string Plan = "2024年宿州市政务公开重点工作任务分工方案";

    [Fact]
    public async Task Office_publishes_unit_reports_office_returns_then_closes_and_the_leader_sees_it_closed()
    {
        int planId;
        await using (var db = Browser.App.NewDbContext())
        {
            planId = await db.Plans.Where(p => p.Title == Plan).Select(p => p.Id).SingleAsync();
        }

        var office = await Browser.NewSessionAsync("office", DemoAccounts.Password);
        var planPage = await Browser.OpenAsync($"/plans/{planId}", office);
        await BrowserFixture.UntilAsync(async () =>
        {
            if (await planPage.Locator("#publish").CountAsync() > 0)
            {
                await planPage.Locator("#publish").ClickAsync();
            }

            return await planPage.Locator("#confirm-publish").CountAsync() > 0;
        });
        await planPage.Locator("#confirm-publish").ClickAsync();
        await Assertions.Expect(planPage.Locator(".publish-bar .alert-success")).ToContainTextAsync("计划已发布");

        int assignmentId;
        await using (var db = Browser.App.NewDbContext())
        {
            assignmentId = await db.Assignments.Where(a => a.WorkTask!.PlanId == planId && a.WorkTask.Path == "一.3" && a.OrgUnit!.Name == "市数据资源局")
                .Select(a => a.Id).SingleAsync();
        }

        var unit = await Browser.NewSessionAsync("unit", DemoAccounts.Password);
        // The list opens on the current year; the 宿州 plan is of 2024.
        var list = await Browser.OpenAsync("/assignments?year=2024", unit);
        await Assertions.Expect(list.Locator("h1")).ToHaveTextAsync("我的任务");
        await Assertions.Expect(list.Locator("table.assignment-table")).ToContainTextAsync("助力优化政务服务");
        await BrowserFixture.ScreenshotAsync(list, "my-tasks");

        var page = await Browser.OpenAsync($"/assignments/{assignmentId}", unit);
        await BrowserFixture.ClickUntilAsync(page, "#acknowledge", () => Status(assignmentId, AssignmentStatus.Acknowledged));
        await BrowserFixture.ClickUntilAsync(page, "#submit-report", () => Status(assignmentId, AssignmentStatus.InProgress), async () =>
        {
            await BrowserFixture.EnterAsync(page.Locator("#report-progress"), "已梳理办理事项清单 120 项，更新办事指南 80 份。");
            await BrowserFixture.EnterAsync(page.Locator("#report-percent"), "60");
            await BrowserFixture.EnterAsync(page.Locator("#report-links"), "https://www.ahsz.gov.cn/zwgk/001.html");
        });
        await BrowserFixture.ClickUntilAsync(page, "#request-completion", () => Status(assignmentId, AssignmentStatus.CompletionRequested), async () =>
        {
            await BrowserFixture.EnterAsync(page.Locator("#completion-summary"), "事项清单和办事指南已全部发布。");
        });

        var review = await Browser.OpenAsync("/review?year=2024", office);
        await Assertions.Expect(review.Locator("table.review-queue")).ToContainTextAsync("助力优化政务服务");
        var officeView = await Browser.OpenAsync($"/assignments/{assignmentId}", office);
        await BrowserFixture.ClickUntilAsync(officeView, "#return", () => Status(assignmentId, AssignmentStatus.Returned), async () =>
        {
            await BrowserFixture.EnterAsync(officeView.Locator("#office-reason"), "请补充办事指南的发布链接。");
        });

        page = await Browser.OpenAsync($"/assignments/{assignmentId}", unit);
        await Assertions.Expect(page.Locator(".alert-warning")).ToContainTextAsync("请补充办事指南的发布链接。");
        await BrowserFixture.ClickUntilAsync(page, "#submit-report", () => Status(assignmentId, AssignmentStatus.InProgress), async () =>
        {
            await BrowserFixture.EnterAsync(page.Locator("#report-progress"), "已补充办事指南发布链接。");
            await BrowserFixture.EnterAsync(page.Locator("#report-links"), "https://www.ahsz.gov.cn/zwgk/002.html");
        });
        await BrowserFixture.ClickUntilAsync(page, "#request-completion", () => Status(assignmentId, AssignmentStatus.CompletionRequested), async () =>
        {
            await BrowserFixture.EnterAsync(page.Locator("#completion-summary"), "已补充。");
        });

        officeView = await Browser.OpenAsync($"/assignments/{assignmentId}", office);
        await BrowserFixture.ClickUntilAsync(officeView, "#approve-completion", () => Status(assignmentId, AssignmentStatus.Closed));

        var leader = await Browser.NewSessionAsync("leader", DemoAccounts.Password);
        var leaderView = await Browser.OpenAsync($"/assignments/{assignmentId}", leader);
        await Assertions.Expect(leaderView.Locator(".page-subtitle .badge")).ToHaveTextAsync("已办结");
        await Assertions.Expect(leaderView.Locator(".report")).ToHaveCountAsync(2);
        Assert.Equal(0, await leaderView.Locator(".unit-actions, .office-actions").CountAsync());
        await BrowserFixture.ScreenshotAsync(leaderView, "assignment-closed");

        await leaderView.Locator("a[href$='/history']").ClickAsync();
        await Assertions.Expect(leaderView.Locator("table.task-history")).ToContainTextAsync("退回理由：（空） → 请补充办事指南的发布链接；状态：申请办结 → 已退回");
        await BrowserFixture.ScreenshotAsync(leaderView, "task-history");

        foreach (var session in new[] { office, unit, leader })
        {
            await session.CloseAsync();
        }
    }

    private async Task<bool> Status(int assignmentId, AssignmentStatus expected)
    {
        await using var db = Browser.App.NewDbContext();
        return await db.Assignments.AnyAsync(a => a.Id == assignmentId && a.Status == expected);
    }
}

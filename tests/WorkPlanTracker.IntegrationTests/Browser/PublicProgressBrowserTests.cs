using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using WorkPlanTracker.Features.Assignments;
using WorkPlanTracker.Features.PublicProgress;

namespace WorkPlanTracker.IntegrationTests.Browser;

/// <summary>The public progress page on a phone, as a visitor without an account opens it from the portal.</summary>
[Collection(BrowserCollection.Name)]
public class PublicProgressBrowserTests(BrowserFixture browser) : BrowserTests(browser)
{
    [Fact]
    public async Task A_visitor_reads_the_public_page_on_a_phone_without_sideways_scrolling()
    {
        var title = $"公开市2041年政务公开工作要点{Guid.NewGuid():N}"[..24];
        var assignments = await Browser.App.PublishedAssignmentsAsync($"""
            {title}
            一、深化重点领域信息公开
            1.在政府网站发布年度政策解读材料，并同步推送至政务新媒体，做好解读回应和舆情监测工作。(市数据资源局牵头,市财政局配合,2041年6月底前)
            2.更新政府信息公开指南和公开目录，规范依申请公开答复文书格式。(市数据资源局牵头,持续推进)
            """, "公开.txt", "市数据资源局");
        var unit = await Browser.App.UnitIdAsync("市数据资源局");
        var first = await Browser.App.Get<AssignmentService>().GetAsync(TestActors.UserOf(unit), assignments[0]);
        Assert.True((await Browser.App.Get<AssignmentService>().SubmitReportAsync(TestActors.UserOf(unit), assignments[0], first.Value.Version,
            new ReportInput { Progress = "内部原文" })).Succeeded);
        int reportId, planId;
        await using (var db = Browser.App.NewDbContext())
        {
            reportId = await db.ProgressReports.Where(r => r.AssignmentId == assignments[0]).Select(r => r.Id).SingleAsync();
            planId = await db.Assignments.Where(a => a.Id == assignments[0]).Select(a => a.WorkTask!.PlanId).SingleAsync();
        }

        var service = Browser.App.Get<PublicProgressService>();
        Assert.True((await service.ApproveSummaryAsync(TestActors.Office, reportId, "已在政府网站开设政策解读专栏，发布解读材料12篇，其中图解、视频解读5篇。")).Succeeded);
        var version = (await service.StateAsync(TestActors.Office, planId)).Value.Version;
        Assert.True((await service.SetOpenAsync(TestActors.Office, planId, version, open: true)).Succeeded);
        var key = (await service.StateAsync(TestActors.Office, planId)).Value.Key!;

        await using var visitor = await Browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "zh-CN",
            ViewportSize = new ViewportSize { Width = 375, Height = 812 },
            IsMobile = true,
            HasTouch = true,
        });
        var page = await visitor.NewPageAsync();
        await page.GotoAsync(Browser.Url(PublicProgressService.PageUrl(key)));

        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(title);
        await Assertions.Expect(page.Locator("td[data-label=进展情况]").First).ToContainTextAsync("发布解读材料12篇");
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"the page is {widths[0]} px wide on a {widths[1]} px screen");
        // The first Tab reaches the link that skips to the tasks.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("跳到任务列表", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        Assert.Empty(await visitor.CookiesAsync());
        await BrowserFixture.ScreenshotAsync(page, "public-progress-phone");
    }
}

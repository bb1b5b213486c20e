using System.Text;
using Microsoft.Playwright;
using WorkPlanTracker.Features.Accounts;
using WorkPlanTracker.Features.Assignments;

namespace WorkPlanTracker.IntegrationTests.Browser;

/// <summary>The 任务 list in a real browser: pages from the address, each visit read once, the filter form and the back button.</summary>
[Collection(BrowserCollection.Name)]
public class AssignmentListBrowserTests(BrowserFixture browser) : BrowserTests(browser)
{
    [Fact]
    public async Task A_unit_pages_through_its_year_each_page_read_once_and_filters_by_the_form()
    {
        var plan = new StringBuilder($"{$"翻页县2043年政务公开工作要点{Guid.NewGuid():N}"[..24]}\n一、工作任务\n");
        for (var i = 1; i <= 55; i++)
        {
            plan.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i}.发布第{i}批政策解读材料。(市数据资源局牵头,2043年{(i % 12) + 1}月底前)\n");
        }

        await Browser.App.PublishedAssignmentsAsync(plan.ToString(), "翻页.txt", "市数据资源局");
        var unit = await Browser.NewSessionAsync("unit", DemoAccounts.Password);
        Browser.App.TaggedCommands.Reset(AssignmentListService.ListTag);

        var page = await Browser.OpenAsync("/assignments?year=2043", unit);
        await Assertions.Expect(page.Locator(".pager-count")).ToHaveTextAsync("共 55 条，第 1/2 页");
        await Assertions.Expect(page.Locator("[data-filter-summary]")).ToHaveTextAsync("当前显示：2043年 · 本单位（市数据资源局） · 全部状态");
        // Followed before the circuit is up, the link is an enhanced page load, which reads the next page in the prerender
        // and again in the interactive render; the visit this test counts is the user's on a live page.
        await Assertions.Expect(page.Locator("h1[data-rendered=interactive]")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await page.Locator("a[aria-label=下一页]").ClickAsync();
        await Assertions.Expect(page.Locator(".pager-count")).ToHaveTextAsync("共 55 条，第 2/2 页");
        await Assertions.Expect(page.Locator("table.assignment-table tbody tr")).ToHaveCountAsync(5);
        Assert.Contains("year=2043", page.Url, StringComparison.Ordinal);
        Assert.Contains("page=2", page.Url, StringComparison.Ordinal);
        // Two visits, each read once (count, ids, rows): the interactive render took the prerender's page.
        await BrowserFixture.UntilAsync(() => Task.FromResult(Browser.App.TaggedCommands.Count(AssignmentListService.ListTag) >= 6));
        Assert.Equal(6, Browser.App.TaggedCommands.Count(AssignmentListService.ListTag));

        await page.GoBackAsync();
        await Assertions.Expect(page.Locator(".pager-count")).ToHaveTextAsync("共 55 条，第 1/2 页");

        await page.Locator("select[name=status]").SelectOptionAsync("closed");
        await page.Locator(".list-filter button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".empty-state")).ToContainTextAsync("没有符合条件的任务");
        Assert.Contains("status=closed", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("[data-filter-summary]")).ToHaveTextAsync("当前显示：2043年 · 本单位（市数据资源局） · 已办结");
        await BrowserFixture.ScreenshotAsync(page, "assignment-list-filtered");
        await page.Locator(".empty-state a", new() { HasTextString = "恢复默认筛选" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/assignments", StringComparison.Ordinal));
        await unit.CloseAsync();
    }
}

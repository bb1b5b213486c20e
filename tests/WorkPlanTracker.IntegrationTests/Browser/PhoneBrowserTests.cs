using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using WorkPlanTracker.Features.Accounts;

namespace WorkPlanTracker.IntegrationTests.Browser;

/// <summary>Unit staff report from their phones: every unit-user page fits 360–414 px, the menu folds, 我的任务 is a list of cards.</summary>
[Collection(SecondBrowserCollection.Name)]
public class PhoneBrowserTests(BrowserFixture browser) : BrowserTests(browser)
{
    private static readonly int[] PhoneWidths = [360, 390, 414];

    private async Task<int> AssignmentOfTheDemoUnitAsync()
    {
        var title = $"掌上县2041年政务公开工作要点{Guid.NewGuid():N}"[..24];
        var assignments = await Browser.App.PublishedAssignmentsAsync($"""
            {title}
            一、工作任务
            1.在政府网站发布年度政策解读材料，并同步推送至政务新媒体，做好解读回应和舆情监测工作。(市数据资源局牵头,市财政局配合,2041年6月底前)
            2.更新政府信息公开指南。(市数据资源局牵头,持续推进)
            """, "掌上.txt", "市数据资源局");
        return assignments[0];
    }

    private static async Task AssertFitsAsync(IPage page, string what)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        var (scrollWidth, viewport) = (widths[0], widths[1]);
        Assert.True(scrollWidth <= viewport, $"{what}: the page is {scrollWidth} px wide on a {viewport} px screen");

        // The bell, the user and 退出 stay on the screen.
        // The interactive render replaces the prerendered header once: wait for the button that stays.
        var button = page.Locator(".app-user button[type=submit]");
        await Assertions.Expect(button).ToBeVisibleAsync();
        var signOut = await button.BoundingBoxAsync() ?? await button.BoundingBoxAsync();
        Assert.True(signOut is not null, $"{what}: no 退出 button");
        Assert.True(signOut.X >= 0 && signOut.X + signOut.Width <= viewport, $"{what}: 退出 at {signOut.X}+{signOut.Width}");
        Assert.True(await page.Locator(".app-user .inbox-bell").IsVisibleAsync(), $"{what}: no bell");
    }

    [Fact]
    public async Task Every_unit_user_page_fits_a_phone_screen()
    {
        var assignmentId = await AssignmentOfTheDemoUnitAsync();
        int taskId;
        await using (var db = Browser.App.NewDbContext())
        {
            taskId = await db.Assignments.Where(a => a.Id == assignmentId).Select(a => a.TaskId).SingleAsync();
        }

        var unit = await Browser.NewSessionAsync("unit", DemoAccounts.Password, width: 390);
        string[] pages = ["/", "/assignments?year=2041", $"/assignments/{assignmentId}", "/escalations", "/units", "/inbox", "/reminders/preferences", $"/tasks/{taskId}/history"];
        foreach (var url in pages)
        {
            var page = await Browser.OpenAsync(url, unit);
            await Assertions.Expect(page.Locator("h1").First).ToBeVisibleAsync();
            foreach (var width in PhoneWidths)
            {
                await page.SetViewportSizeAsync(width, 844);
                await AssertFitsAsync(page, $"{url} at {width} px");
            }

            await BrowserFixture.ScreenshotAsync(page, "phone" + url.Split('?')[0].Replace('/', '-').TrimEnd('-'));
            await page.CloseAsync();
        }

        await unit.CloseAsync();
    }

    [Fact]
    public async Task On_a_phone_the_menu_folds_behind_a_button_and_closes_after_a_link_is_followed()
    {
        var unit = await Browser.NewSessionAsync("unit", DemoAccounts.Password, width: 390);
        var page = await Browser.OpenAsync("/assignments", unit);
        var tasksLink = page.Locator("nav.app-nav a", new() { HasTextString = "工作计划" });
        await Assertions.Expect(tasksLink).ToBeHiddenAsync();

        // The interactive render replaces the prerendered header once and may fold a menu opened before it: open
        // and follow the link as one step, again until it takes.
        var shot = false;
        await BrowserFixture.UntilAsync(async () =>
        {
            if (!await tasksLink.IsVisibleAsync())
            {
                await page.Locator(".app-nav-burger").ClickAsync();
            }

            if (!await tasksLink.IsVisibleAsync())
            {
                return false;
            }

            if (!shot)
            {
                await BrowserFixture.ScreenshotAsync(page, "phone-menu-open");
                shot = true;
            }

            try
            {
                await tasksLink.ClickAsync(new() { Timeout = 2000 });
                return true;
            }
            catch (TimeoutException)
            {
                return false;
            }
        });

        await page.WaitForURLAsync(url => !url.Contains("/assignments", StringComparison.Ordinal));
        await Assertions.Expect(tasksLink).ToBeHiddenAsync();
        await unit.CloseAsync();
    }

    [Fact]
    public async Task On_a_phone_my_tasks_are_cards_with_their_facts_labelled()
    {
        await AssignmentOfTheDemoUnitAsync();
        var unit = await Browser.NewSessionAsync("unit", DemoAccounts.Password, width: 390);
        var page = await Browser.OpenAsync("/assignments?year=2041", unit);
        // Measured once the interactive render has replaced the prerendered rows (a row being replaced has no box).
        await Assertions.Expect(page.Locator("h1[data-rendered=interactive]")).ToHaveCountAsync(1, new() { Timeout = 30_000 });

        await Assertions.Expect(page.Locator("table.assignment-table tbody tr").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("table.assignment-table thead")).ToBeHiddenAsync();
        var card = page.Locator("table.assignment-table tbody tr").First;
        var box = await card.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.Width <= 390, $"a card {box.Width} px wide");
        var label = await card.Locator("td[data-label='完成时限']").EvaluateAsync<string>("e => getComputedStyle(e, '::before').content");
        Assert.Equal("\"完成时限：\"", label);

        // On a desktop screen the same list stays a table with its header.
        await page.SetViewportSizeAsync(1366, 900);
        await Assertions.Expect(page.Locator("table.assignment-table thead")).ToBeVisibleAsync();
        await unit.CloseAsync();
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using WorkPlanTracker.Features.Accounts;
using WorkPlanTracker.Features.Plans;

namespace WorkPlanTracker.IntegrationTests.Browser;

[Collection(BrowserCollection.Name)]
public class PlanBrowsingTests(BrowserFixture browser) : BrowserTests(browser)
{
    [Fact]
    public async Task A_user_opens_a_sample_plan_from_the_list_and_reads_its_tasks()
    {
        var page = await Browser.OpenAsync("/");
        await BrowserFixture.ScreenshotAsync(page, "plan-list");

        await page.GetByRole(AriaRole.Link, new() { Name = "2024年宿州市政务公开重点工作任务分工方案" }).ClickAsync();

        await page.WaitForURLAsync("**/plans/*");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("2024年宿州市政务公开重点工作任务分工方案");
        var row = page.Locator("table.task-table tbody tr", new() { Has = page.Locator("td.col-path", new() { HasTextString = "一.3" }) });
        await Assertions.Expect(row.Locator(".unit-chip").First).ToHaveTextAsync("市数据资源局");
        await Assertions.Expect(row.Locator(".col-deadline")).ToContainTextAsync("2024年7月31日");
        await BrowserFixture.ScreenshotAsync(page, "plan-detail");
        await page.CloseAsync();
    }

    [Fact]
    public async Task A_visit_to_a_plan_reads_its_outline_once_the_interactive_page_takes_the_prerenders_reading()
    {
        var planId = await PlanIdAsync("2024年宿州市政务公开重点工作任务分工方案");
        var plans = Browser.App.Get<PlanQueryService>();
        Browser.App.TaggedCommands.Reset(PlanQueryService.OutlineTag);
        await plans.GetOutlineAsync(planId);
        var oneReading = Browser.App.TaggedCommands.Count(PlanQueryService.OutlineTag);
        Assert.True(oneReading > 0);

        var office = await Browser.NewSessionAsync("office", DemoAccounts.Password);
        Browser.App.TaggedCommands.Reset(PlanQueryService.OutlineTag);
        var page = await Browser.OpenAsync($"/plans/{planId}", office);
        // The publish button is enabled by the interactive render: by then both renders are done.
        await Assertions.Expect(page.Locator("#publish")).ToBeEnabledAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("table.task-table tbody tr").First).ToBeVisibleAsync();

        Assert.Equal(oneReading, Browser.App.TaggedCommands.Count(PlanQueryService.OutlineTag));
        await page.CloseAsync();
    }

    [Fact]
    public async Task A_unit_group_in_the_supporting_column_is_orange_like_a_group_in_the_lead_column()
    {
        int planId;
        await using (var db = Browser.App.NewDbContext())
        {
            planId = await db.TaskParties
                .Where(p => p.UnitGroupId != null && p.Role == WorkPlanTracker.Domain.AssignmentRole.Supporting)
                .Select(p => p.WorkTask!.PlanId)
                .FirstAsync();
        }

        var page = await Browser.OpenAsync($"/plans/{planId}");
        var chip = page.Locator(".unit-chip.supporting.group").First;
        await Assertions.Expect(chip).ToBeVisibleAsync();
        var leadGroupColour = await page.EvaluateAsync<string>(
            "() => { const s = document.createElement('span'); s.className = 'unit-chip group'; document.body.append(s); const c = getComputedStyle(s).backgroundColor; s.remove(); return c; }");

        // Expect retries: the interactive render can replace the prerendered chip (a detached chip has no style).
        Assert.StartsWith("rgb(", leadGroupColour, StringComparison.Ordinal);
        await Assertions.Expect(chip).ToHaveCSSAsync("background-color", leadGroupColour);
        await page.CloseAsync();
    }

    private async Task<int> PlanIdAsync(string title)
    {
        await using var db = Browser.App.NewDbContext();
        return await db.Plans.Where(p => p.Title == title).Select(p => p.Id).FirstAsync();
    }

    [Fact]
    public async Task Typing_in_the_units_filter_narrows_the_list_live()
    {
        var page = await Browser.OpenAsync("/units");
        var rows = page.Locator("table.unit-table tbody tr");
        var before = await rows.CountAsync();

        // Each try types again (typing before the circuit attached reaches no handler) and then gives the list a few
        // seconds to follow: clearing the box again after 250 ms, a loaded machine never showed the narrowed list.
        await BrowserFixture.UntilAsync(async () =>
        {
            await page.Locator("#unit-filter").FillAsync("");
            await page.Locator("#unit-filter").FillAsync("财政");
            for (var wait = 0; wait < 30; wait++)
            {
                if (await rows.CountAsync() < before)
                {
                    return true;
                }

                await Task.Delay(100);
            }

            return false;
        });

        await Assertions.Expect(rows.First).ToContainTextAsync("财政");
        await BrowserFixture.ScreenshotAsync(page, "units-filtered");
        await page.CloseAsync();
    }
}

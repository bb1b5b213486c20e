using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Accounts;

namespace WorkPlanTracker.IntegrationTests.Browser;

/// <summary>年度结转 as the office clicks it: ongoing work starts as 结转, a task closed as 未完成 needs its reason, preview then confirm.</summary>
[Collection(BrowserCollection.Name)]
public class RolloverBrowserTests(BrowserFixture browser) : BrowserTests(browser)
{
    [Fact]
    public async Task The_office_previews_and_confirms_a_rollover_on_the_rollover_page()
    {
        const string plan = """
            结转县2036年政务公开工作要点
            一、工作任务
            1.编制政务公开事项清单。(结转甲局牵头,2036年6月底前)
            2.推进基层政务公开。(结转乙局牵头,持续推进)
            """;
        await Browser.App.PublishedAssignmentsAsync(plan, "rollover-Browser.txt", "结转甲局");
        int planId;
        await using (var db = Browser.App.NewDbContext())
        {
            planId = await db.Plans.Where(p => p.Year == 2036 && p.Title.Contains("结转县")).Select(p => p.Id).SingleAsync();
        }

        var office = await Browser.NewSessionAsync("office", DemoAccounts.Password);
        var page = await Browser.OpenAsync($"/plans/{planId}/rollover", office);
        await Assertions.Expect(page.GetByLabel("一.2 处理方式")).ToHaveValueAsync(nameof(RolloverChoiceNames.Carry));

        await BrowserFixture.UntilAsync(async () =>
        {
            await page.GetByLabel("一.1 处理方式").SelectOptionAsync(nameof(RolloverChoiceNames.CloseUnfinished));
            if (await page.GetByLabel("一.1 未完成原因").CountAsync() == 0)
            {
                return false;
            }

            await page.Locator("#rollover-preview").ClickAsync();
            return await page.Locator(".rollover-message").CountAsync() > 0;
        });
        await Assertions.Expect(page.Locator(".rollover-message")).ToContainTextAsync("请填写原因");

        await BrowserFixture.EnterAsync(page.GetByLabel("一.1 未完成原因"), "机构调整，任务取消");
        await page.Locator("#rollover-preview").ClickAsync();
        await Assertions.Expect(page.Locator(".rollover-confirm")).ToContainTextAsync("以未完成关闭（机构调整，任务取消）");
        await page.Locator("#rollover-confirm").ClickAsync();

        await Assertions.Expect(page.Locator(".rollover-message.alert-success")).ToContainTextAsync("1 项结转至2037年");
        await Assertions.Expect(page.Locator("#rollover-target-link")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "rollover");
        await using (var db = Browser.App.NewDbContext())
        {
            var tasks = await db.Tasks.AsNoTracking().Where(t => t.PlanId == planId).OrderBy(t => t.SortOrder).ToListAsync();
            Assert.Equal([YearEndOutcome.Unfinished, YearEndOutcome.Carried], tasks.Select(t => t.YearEndOutcome).ToList());
            Assert.True(await db.Tasks.AnyAsync(t => t.PreviousTaskId == tasks[1].Id && t.Plan!.Year == 2037));
        }

        await office.CloseAsync();
    }

    /// <summary>The option values the page's choice lists carry.</summary>
    private enum RolloverChoiceNames
    {
        Carry,
        CloseUnfinished,
    }
}

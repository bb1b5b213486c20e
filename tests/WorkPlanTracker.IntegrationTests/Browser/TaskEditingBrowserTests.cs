using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Accounts;

namespace WorkPlanTracker.IntegrationTests.Browser;

/// <summary>The office's task page (调整分派) as it is clicked: a task's own reporting cycle.</summary>
[Collection(BrowserCollection.Name)]
public class TaskEditingBrowserTests(BrowserFixture browser) : BrowserTests(browser)
{
    [Fact]
    public async Task The_office_gives_a_task_its_own_monthly_cycle_on_the_task_page()
    {
        int taskId;
        await using (var db = Browser.App.NewDbContext())
        {
            taskId = await db.Tasks.Where(t => t.Plan!.Year == 2020 && t.Plan.Title.Contains("石家庄")).OrderBy(t => t.SortOrder).Select(t => t.Id).FirstAsync();
        }

        var office = await Browser.NewSessionAsync("office", DemoAccounts.Password);
        var page = await Browser.OpenAsync($"/tasks/{taskId}/assignments", office);
        await Assertions.Expect(page.Locator("#task-reporting-cycle-kind option[value='']")).ToContainTextAsync("按计划");

        var message = page.Locator(".reporting-cycle-message");
        await BrowserFixture.UntilAsync(async () =>
        {
            // Saved already (the answer to a click can come after the check below): saving again would answer
            // with something else than the message this test reads.
            if (await message.CountAsync() > 0)
            {
                return true;
            }

            await page.Locator("#task-reporting-cycle-kind").SelectOptionAsync(ReportingCycleKind.Monthly.ToString());
            if (await page.Locator("#task-reporting-day").CountAsync() == 0)
            {
                return false;
            }

            await BrowserFixture.EnterAsync(page.Locator("#task-reporting-day"), "10");
            await page.Locator("#save-task-reporting-cycle").ClickAsync();
            try
            {
                await message.WaitForAsync(new LocatorWaitForOptions { Timeout = 5000 });
            }
            catch (TimeoutException)
            {
                // The click landed before the circuit attached: the next try does it again.
            }

            return await message.CountAsync() > 0;
        });

        await Assertions.Expect(page.Locator(".reporting-cycle-message")).ToContainTextAsync("报送周期已设为“每月10日前”");
        await BrowserFixture.ScreenshotAsync(page, "task-assignments");
        await using (var db = Browser.App.NewDbContext())
        {
            var task = await db.Tasks.AsNoTracking().SingleAsync(t => t.Id == taskId);
            Assert.Equal(ReportingCycle.Monthly(10), task.ReportingCycleOverride);
        }

        await office.CloseAsync();
    }
}

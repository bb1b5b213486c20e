using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Features.Accounts;
using WorkPlanTracker.Features.Plans;
using WorkPlanTracker.Features.UpperPlans;

namespace WorkPlanTracker.IntegrationTests.Browser;

/// <summary>The office confirms a proposed link and edits what goes up, by keyboard-reachable buttons on the upper plan page.</summary>
[Collection(SecondBrowserCollection.Name)]
public class UpperPlanBrowserTests(BrowserFixture browser) : BrowserTests(browser)
{
    // A year no other browser test uses (other tests publish 2041 plans with similar 政策解读 tasks that would be
    // proposed too), and only units the sample data already has.
    private const string UpperPlan = """
        示范省2047年政务公开工作要点
        一、公开重点
        1.加强重大政策解读工作，提高政策解读质量。(市数据资源局牵头,2047年12月底前)
        """;

    private const string OwnPlan = """
        示范市2047年政务公开工作要点
        一、重点任务
        1.做好重大政策解读，提高政策解读质量和实效。(市数据资源局牵头,2047年11月底前)
        """;

    [Fact]
    public async Task The_office_confirms_the_proposed_own_task_and_saves_its_own_words_for_the_upward_report()
    {
        var app = Browser.App;
        var upperId = await app.ImportPlanAsync(UpperPlan, "省要点2047.txt");
        Assert.True((await app.Get<UpperPlanService>().MarkAsUpperPlanAsync(TestActors.Office, upperId)).Succeeded);
        var ownId = await app.ImportPlanAsync(OwnPlan, "市要点2047.txt");
        Assert.True((await app.Get<PlanPublishingService>().PublishAsync(TestActors.Office, ownId)).Succeeded);

        var office = await Browser.NewSessionAsync("office", DemoAccounts.Password);
        var page = await Browser.OpenAsync($"/upper-plans/{upperId}", office);
        await BrowserFixture.UntilAsync(async () =>
        {
            var confirm = page.Locator(".upper-task .confirm-link");
            if (await confirm.CountAsync() > 0)
            {
                // The interactive render replaces the prerendered card; a click on the old one is tried again.
                try
                {
                    await confirm.First.ClickAsync(new() { Timeout = 2000 });
                }
                catch (TimeoutException)
                {
                    return false;
                }
            }

            return await page.Locator(".upper-task .linked-tasks li").CountAsync() > 0;
        });
        Assert.Contains("做好重大政策解读", await page.Locator(".upper-task .linked-tasks").InnerTextAsync(), StringComparison.Ordinal);

        await BrowserFixture.UntilAsync(async () =>
        {
            await BrowserFixture.EnterAsync(page.Locator(".upper-task .upward-text"), "我市政策解读工作按计划推进。");
            try
            {
                await page.Locator(".upper-task .save-text").ClickAsync(new() { Timeout = 2000 });
            }
            catch (TimeoutException)
            {
                return false;
            }

            return (await page.Locator("#upper-message").CountAsync()) > 0
                && (await page.Locator("#upper-message").InnerTextAsync()).Contains("上报内容已保存", StringComparison.Ordinal);
        });
        await BrowserFixture.ScreenshotAsync(page, "upper-plan-linked");

        await using var db = app.NewDbContext();
        var upperTask = await db.Tasks.SingleAsync(t => t.PlanId == upperId);
        Assert.Equal("我市政策解读工作按计划推进。", upperTask.UpwardReportText);
        Assert.True(await db.UpperTaskLinks.AnyAsync(l => l.UpperTaskId == upperTask.Id && l.OwnTask!.PlanId == ownId));
        Assert.Contains(
            UpperPlanEndpoints.ReportUrl(upperId), await page.Locator("#download-report").GetAttributeAsync("href") ?? "", StringComparison.Ordinal);
    }
}

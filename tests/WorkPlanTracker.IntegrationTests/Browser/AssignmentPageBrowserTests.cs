using Microsoft.Playwright;
using WorkPlanTracker.Features.Accounts;
using WorkPlanTracker.Features.Assignments;

namespace WorkPlanTracker.IntegrationTests.Browser;

/// <summary>The assignment page in a real browser: what a visit costs the database.</summary>
[Collection(BrowserCollection.Name)]
public class AssignmentPageBrowserTests(BrowserFixture browser) : BrowserTests(browser)
{
    [Fact]
    public async Task A_visit_to_an_assignment_reads_it_once_the_interactive_page_takes_the_prerenders_reading()
    {
        var title = $"一读县2042年政务公开工作要点{Guid.NewGuid():N}"[..24];
        var assignmentId = (await Browser.App.PublishedAssignmentsAsync($"""
            {title}
            一、工作任务
            1.发布政策解读材料。(市数据资源局牵头,2042年6月底前)
            """, "一读.txt", "市数据资源局")).Single();
        var unit = await Browser.NewSessionAsync("unit", DemoAccounts.Password);
        var unitActor = TestActors.UserOf(await Browser.App.UnitIdAsync("市数据资源局"));
        Browser.App.TaggedCommands.Reset(AssignmentService.PageTag);
        await Browser.App.Get<AssignmentService>().GetAsync(unitActor, assignmentId);
        var oneReading = Browser.App.TaggedCommands.Count(AssignmentService.PageTag);
        Assert.True(oneReading > 0);
        Browser.App.TaggedCommands.Reset(AssignmentService.PageTag);

        var page = await Browser.OpenAsync($"/assignments/{assignmentId}", unit);
        // 签收 is enabled by the interactive render: by then both renders are done.
        await Assertions.Expect(page.Locator("#acknowledge")).ToBeEnabledAsync(new() { Timeout = 20_000 });

        Assert.Equal(oneReading, Browser.App.TaggedCommands.Count(AssignmentService.PageTag));
        await unit.CloseAsync();
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using WorkPlanTracker.Benchmarks;
using WorkPlanTracker.Features.Accounts;

namespace WorkPlanTracker.IntegrationTests.Browser;

/// <summary>The demo leader opens every dashboard over a generated two years of work; screenshots are kept for people to look at.</summary>
[Collection(BrowserCollection.Name)]
public class DashboardBrowserTests(BrowserFixture browser) : BrowserTests(browser)
{
    private static readonly SemaphoreSlim Seeding = new(1, 1);

    /// <summary>The generated data's year, named: other browser tests share the app and add plans of later years.</summary>
    private static int ThisYear => WorkPlanTracker.Domain.WorkCalendar.DateOf(DateTime.UtcNow).Year;

    private async Task SeedAsync()
    {
        await Seeding.WaitAsync();
        try
        {
            await using var db = Browser.App.NewDbContext();
            var title = $"{DateTime.UtcNow.Year}年政务公开工作要点";
            if (await db.Plans.AnyAsync(p => p.Title == title))
            {
                return;
            }

            await new DashboardDataSet { Years = 2, PlansPerYear = 2, TasksPerPlan = 25, Units = 14, AsOfUtc = DateTime.UtcNow }.FillAsync(db);
        }
        finally
        {
            Seeding.Release();
        }
    }

    private static Task ChartDrawnAsync(IPage page, string id) =>
        Assertions.Expect(page.Locator($"#{id} .main-svg").First).ToBeVisibleAsync(new() { Timeout = 20_000 });

    [Fact]
    public async Task The_leader_sees_the_overview_and_drills_down_to_an_assignments_history()
    {
        await SeedAsync();
        var leader = await Browser.NewSessionAsync("leader", DemoAccounts.Password);

        var page = await Browser.OpenAsync($"/dashboard?year={ThisYear}", leader);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("领导驾驶舱");
        await Assertions.Expect(page.Locator("#kpi-tasks")).ToHaveTextAsync("50");
        await ChartDrawnAsync(page, "status-donut");
        await Assertions.Expect(page.Locator(".section-table tbody tr").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "dashboard-overview");

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await BrowserFixture.ScreenshotAsync(page, "dashboard-overview-print");
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        var overdue = await page.Locator("#kpi-overdue").InnerTextAsync();
        await page.Locator("a.kpi-red").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/dashboard/list", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("#drill-total")).ToHaveTextAsync(overdue);
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("已逾期的任务");
        await BrowserFixture.ScreenshotAsync(page, "dashboard-drill-down");

        await page.Locator(".drill-table a.drill-unit").First.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/assignments/", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("办理记录");
    }

    [Fact]
    public async Task A_visit_to_the_overview_reads_it_once_the_interactive_page_shows_what_the_prerender_read()
    {
        await SeedAsync();
        var leader = await Browser.NewSessionAsync("leader", DemoAccounts.Password);
        Browser.App.TaggedCommands.Reset(WorkPlanTracker.Features.Dashboard.DashboardService.OverviewTag);

        var page = await Browser.OpenAsync($"/dashboard?year={ThisYear}", leader);
        await Assertions.Expect(page.Locator("#kpi-tasks")).ToHaveTextAsync("50");
        // The chart is drawn by the interactive render, after its data: by then both renders are done.
        await ChartDrawnAsync(page, "status-donut");

        Assert.Equal(1, Browser.App.TaggedCommands.Count(WorkPlanTracker.Features.Dashboard.DashboardService.OverviewTag));

        // Only the first render takes the carried reading: coming back to the page reads it anew.
        await page.Locator("a.kpi").First.ClickAsync();
        // The address changes before the list is drawn: wait for the list itself, or going back would find the
        // overview's old figures still on screen and nothing read anew.
        await Assertions.Expect(page.Locator("#drill-total")).ToBeVisibleAsync();
        await page.GoBackAsync();
        await Assertions.Expect(page.Locator("#kpi-tasks")).ToHaveTextAsync("50");
        await BrowserFixture.UntilAsync(() => Task.FromResult(Browser.App.TaggedCommands.Count(WorkPlanTracker.Features.Dashboard.DashboardService.OverviewTag) >= 2));
        Assert.Equal(2, Browser.App.TaggedCommands.Count(WorkPlanTracker.Features.Dashboard.DashboardService.OverviewTag));
    }

    [Fact]
    public async Task The_leader_sees_the_unit_ranking_reads_the_weights_and_opens_a_unit()
    {
        await SeedAsync();
        var leader = await Browser.NewSessionAsync("leader", DemoAccounts.Password);

        var page = await Browser.OpenAsync($"/dashboard/units?year={ThisYear}", leader);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("单位考核排名");
        await Assertions.Expect(page.Locator(".ranking-table tbody tr")).ToHaveCountAsync(14);
        await ChartDrawnAsync(page, "unit-bars");
        Assert.Equal(0, await page.Locator("#save-weights, .weights-panel input").CountAsync());
        await Assertions.Expect(page.Locator("#weight-closed")).ToHaveTextAsync("40");
        await BrowserFixture.ScreenshotAsync(page, "dashboard-units");

        var first = page.Locator(".ranking-table tbody tr").First;
        var unitName = await first.Locator("td").Nth(1).InnerTextAsync();
        await first.Locator("td").Nth(1).Locator("a").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/dashboard/units/", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(unitName);
        await Assertions.Expect(page.Locator(".drill-table tbody tr").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "dashboard-unit");
    }

    [Fact]
    public async Task The_leader_sees_the_monthly_trend_against_last_year()
    {
        await SeedAsync();
        var leader = await Browser.NewSessionAsync("leader", DemoAccounts.Password);

        var page = await Browser.OpenAsync($"/dashboard/trend?year={ThisYear}", leader);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("月度趋势");
        await ChartDrawnAsync(page, "monthly-trend");
        await Assertions.Expect(page.Locator(".trend-table tbody tr")).ToHaveCountAsync(12);
        await Assertions.Expect(page.Locator(".trend-table thead")).ToContainTextAsync($"{DateTime.UtcNow.Year - 1}年累计办结率");
        await BrowserFixture.ScreenshotAsync(page, "dashboard-trend");
    }

    [Fact]
    public async Task The_ranking_shows_its_table_while_the_chart_loads_and_the_small_chart_script_is_fetched_once_for_two_chart_pages()
    {
        await SeedAsync();
        var leader = await Browser.NewSessionAsync("leader", DemoAccounts.Password);
        var scripts = new List<IResponse>();
        leader.Response += (_, response) =>
        {
            if (response.Url.Contains("/_content/Plotly.Blazor/plotly-", StringComparison.Ordinal) && !response.Url.Contains("interop", StringComparison.Ordinal))
            {
                lock (scripts)
                {
                    scripts.Add(response);
                }
            }
        };
        var chartScript = new TaskCompletionSource();
        await leader.RouteAsync("**/_content/Plotly.Blazor/plotly-*.min.js", async route =>
        {
            await chartScript.Task;
            await route.ContinueAsync();
        });

        var page = await Browser.OpenAsync($"/dashboard/units?year={ThisYear}", leader);
        // The chart script is held back: the table is there all the same, and the chart's box says it is coming.
        await Assertions.Expect(page.Locator(".ranking-table tbody tr")).ToHaveCountAsync(14);
        await Assertions.Expect(page.Locator(".unit-chart-panel .chart-loading")).ToHaveTextAsync("图表加载中…");
        await Assertions.Expect(page.Locator(".unit-chart-panel .chart-loading")).ToBeVisibleAsync();
        chartScript.SetResult();
        await ChartDrawnAsync(page, "unit-bars");
        await Assertions.Expect(page.Locator(".unit-chart-panel .chart-loading")).ToBeHiddenAsync();

        await page.Locator("a.dashboard-tab", new() { HasText = "月度趋势" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/dashboard/trend", StringComparison.Ordinal));
        await ChartDrawnAsync(page, "monthly-trend");

        // The basic bundle (bar, scatter, pie) drew both charts; the full 4.8 MB bundle was never asked for.
        var script = Assert.Single(scripts);
        Assert.Contains("/plotly-basic-", script.Url, StringComparison.Ordinal);
        Assert.InRange((await script.BodyAsync()).Length, 100_000, 1_500_000);
    }

    [Fact]
    public async Task A_visit_to_the_ranking_or_the_trend_reads_it_once()
    {
        await SeedAsync();
        var leader = await Browser.NewSessionAsync("leader", DemoAccounts.Password);
        Browser.App.TaggedCommands.Reset(WorkPlanTracker.Features.Dashboard.DashboardService.RankingTag);
        Browser.App.TaggedCommands.Reset(WorkPlanTracker.Features.Dashboard.DashboardService.TrendTag);

        var page = await Browser.OpenAsync($"/dashboard/units?year={ThisYear}", leader);
        await ChartDrawnAsync(page, "unit-bars");
        Assert.Equal(1, Browser.App.TaggedCommands.Count(WorkPlanTracker.Features.Dashboard.DashboardService.RankingTag));

        page = await Browser.OpenAsync($"/dashboard/trend?year={ThisYear}", leader);
        await ChartDrawnAsync(page, "monthly-trend");
        // One reading of the trend counts the year and the year before.
        Assert.Equal(2, Browser.App.TaggedCommands.Count(WorkPlanTracker.Features.Dashboard.DashboardService.TrendTag));
    }
}

using Bunit;
using Microsoft.Extensions.DependencyInjection;
using WorkPlanTracker.Features.Dashboard;

namespace WorkPlanTracker.Tests.Features.Dashboard;

/// <summary>A drill-down list is sent one page at a time (the all-tasks list of a big year was 4.7 MB in one update).</summary>
public class DrillPagingTests(DashboardFixture data) : IClassFixture<DashboardFixture>
{
    private DashboardService Service => data.Database.Get<DashboardService>();

    [Theory]
    [InlineData(DrillShow.Tasks)]
    [InlineData(DrillShow.Assignments)]
    [InlineData(DrillShow.Reports)]
    public async Task Pages_hold_at_most_one_page_and_walk_the_whole_list_once_in_order(DrillShow show)
    {
        var filter = new DrillFilter(2024, show);
        var whole = (await Service.DrillAsync(DashboardFixture.Leader, filter, pageSize: 1000)).Value;
        var total = whole.Total;
        Assert.True(total > 2, "more than one page of two");
        Assert.Equal(total, whole.Rows.Count);

        var walked = new List<DrillRow>();
        var first = (await Service.DrillAsync(DashboardFixture.Leader, filter, 1, pageSize: 2)).Value;
        Assert.Equal((total + 1) / 2, first.PageCount);
        for (var page = 1; page <= first.PageCount; page++)
        {
            var one = (await Service.DrillAsync(DashboardFixture.Leader, filter, page, pageSize: 2)).Value;
            Assert.Equal(page, one.Page);
            Assert.Equal(total, one.Total);
            Assert.InRange(one.Rows.Count, 1, 2);
            walked.AddRange(one.Rows);
        }

        Assert.Equal(Keys(whole.Rows), Keys(walked));
    }

    [Fact]
    public async Task A_page_past_the_end_is_the_last_page()
    {
        var list = (await Service.DrillAsync(DashboardFixture.Leader, new DrillFilter(2024, DrillShow.Assignments), 99, pageSize: 2)).Value;

        Assert.Equal(4, list.Page);
        Assert.Single(list.Rows);
    }

    [Fact]
    public async Task The_table_shows_one_page_and_links_to_the_next()
    {
        var list = (await Service.DrillAsync(DashboardFixture.Leader, new DrillFilter(2024, DrillShow.Assignments), 2, pageSize: 3)).Value;
        await using var ctx = new BunitContext();
        ctx.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo("dashboard/list?year=2024&show=Assignments&page=2");

        var table = ctx.Render<DrillTable>(p => p.Add(t => t.List, list));

        Assert.Equal(3, table.FindAll("table.drill-table tbody tr").Count);
        Assert.Contains("第 2/3 页", table.Find(".drill-total").TextContent, StringComparison.Ordinal);
        Assert.EndsWith("show=Assignments&page=3", table.Find("a[aria-label=下一页]").GetAttribute("href"), StringComparison.Ordinal);
        Assert.EndsWith("show=Assignments&page=1", table.Find("a[aria-label=上一页]").GetAttribute("href"), StringComparison.Ordinal);
    }

    private static List<string> Keys(IEnumerable<DrillRow> rows) =>
        rows.Select(r => $"{r.TaskId}/{string.Join(",", r.Links.Select(l => l.AssignmentId))}/{r.Date}/{r.Detail}").ToList();
}

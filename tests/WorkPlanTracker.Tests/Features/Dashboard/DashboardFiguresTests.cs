using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Dashboard;

namespace WorkPlanTracker.Tests.Features.Dashboard;

/// <summary>Every dashboard figure against the hand-built year of <see cref="DashboardFixture"/>, whose answers are worked out there.</summary>
public class DashboardFiguresTests(DashboardFixture data) : IClassFixture<DashboardFixture>
{
    private DashboardService Service => data.Database.Get<DashboardService>();

    private async Task<Overview> OverviewAsync() => (await Service.OverviewAsync(DashboardFixture.Leader, new DashboardScope(2024))).Value;

    [Fact]
    public async Task Tasks_are_counted_by_standing_and_drafts_are_left_out()
    {
        var overview = await OverviewAsync();

        Assert.Equal(6, overview.TaskCount);
        Assert.Equal(1, overview.Tasks[TaskStanding.Closed]);
        Assert.Equal(2, overview.Tasks[TaskStanding.InProgress]);
        Assert.Equal(1, overview.Tasks[TaskStanding.Overdue]);
        Assert.Equal(1, overview.Tasks[TaskStanding.Ongoing]);
        Assert.Equal(1, overview.Tasks[TaskStanding.Unassigned]);
        Assert.Equal([new PlanChoice(data.PlanId, "2024年测试工作要点")], overview.Plans);
    }

    [Fact]
    public async Task On_time_share_is_of_closed_assignments_against_the_original_deadline()
    {
        var overview = await OverviewAsync();

        Assert.Equal(7, overview.AssignmentCount);
        Assert.Equal(2, overview.ClosedAssignments);
        Assert.Equal(1, overview.ClosedOnTime);
        Assert.Equal(0.5, overview.OnTimeShare);
        Assert.Equal(2, overview.OverdueAssignments);
    }

    [Fact]
    public async Task Each_top_level_section_shows_its_worst_light_including_subsections()
    {
        var sections = (await OverviewAsync()).Sections;

        Assert.Equal(2, sections.Count);
        var first = sections.Single(s => s.SectionId == data.Section1);
        Assert.Equal((TrafficLight.Red, 3, 1, 1), (first.Light, first.Tasks, first.ClosedTasks, first.OverdueTasks));
        var second = sections.Single(s => s.SectionId == data.Section2);
        Assert.Equal((TrafficLight.Yellow, 3, 0, 0), (second.Light, second.Tasks, second.ClosedTasks, second.OverdueTasks));
    }

    [Fact]
    public async Task Upcoming_lists_the_next_30_days_soonest_first()
    {
        var overview = await OverviewAsync();

        Assert.Equal(2, overview.UpcomingCount);
        Assert.Equal(["完善政策解读", "推进政府网站集约化"], overview.Upcoming.Select(u => u.TaskTitle));
        Assert.Equal([-4, -19], overview.Upcoming.Select(u => u.DaysLate));
    }

    [Fact]
    public async Task Overdue_list_gives_days_late_and_whether_a_notice_was_sent()
    {
        var overview = await OverviewAsync();

        Assert.Equal(2, overview.OverdueCount);
        var jia = overview.Overdue.Single(o => o.UnitName == "测试甲局");
        Assert.Equal((1, true, data.T2JiaAssignment), (jia.DaysLate, jia.EscalationSent, jia.AssignmentId));
        var bing = overview.Overdue.Single(o => o.UnitName == "测试丙县人民政府");
        Assert.Equal((1, false), (bing.DaysLate, bing.EscalationSent));
    }

    [Fact]
    public async Task Ranking_counts_each_unit_and_orders_by_weighted_score()
    {
        var ranking = (await Service.RankingAsync(DashboardFixture.Leader, new DashboardScope(2024))).Value;

        Assert.Equal(["测试甲局", "测试丙县人民政府", "测试乙局"], ranking.Units.Select(u => u.UnitName));
        Assert.Equal([1, 2, 3], ranking.Units.Select(u => u.Rank));
        var jia = ranking.Units[0];
        Assert.Equal((3, 1, 1, 1, 3, 2, 0, 56.7), (jia.Assignments, jia.Closed, jia.ClosedOnTime, jia.Overdue, jia.Reports, jia.ReportsOnTime, jia.Returns, jia.Score));
        var bing = ranking.Units[1];
        Assert.Equal((2, 0, 0, 1, 1, 1, 0, 20.0), (bing.Assignments, bing.Closed, bing.ClosedOnTime, bing.Overdue, bing.Reports, bing.ReportsOnTime, bing.Returns, bing.Score));
        var yi = ranking.Units[2];
        Assert.Equal((2, 1, 0, 0, 2, 0, 1, 15.0), (yi.Assignments, yi.Closed, yi.ClosedOnTime, yi.Overdue, yi.Reports, yi.ReportsOnTime, yi.Returns, yi.Score));
    }

    [Fact]
    public async Task Trend_gives_month_end_figures_and_stops_at_the_current_month()
    {
        var trend = (await Service.TrendAsync(DashboardFixture.Leader, new DashboardScope(2024))).Value;

        Assert.Equal(7, trend.Assignments);
        Assert.Equal([0, 0, 2, 2, 4, 6], trend.Months.Take(6).Select(m => m.Due));
        Assert.Equal([0, 0, 1, 2, 2, 2], trend.Months.Take(6).Select(m => m.Closed));
        Assert.Equal([0, 0, 1, 1, 0, 0], trend.Months.Take(6).Select(m => m.ClosedInMonth));
        Assert.Equal([0, 0, 1, 0, 2, 4], trend.Months.Take(6).Select(m => m.OverdueAtEnd));
        Assert.All(trend.Months.Take(6), m => Assert.False(m.IsFuture));
        Assert.All(trend.Months.Skip(6), m => Assert.True(m.IsFuture));
    }

    [Fact]
    public async Task Trend_compares_with_the_previous_years_plans()
    {
        var trend = (await Service.TrendAsync(DashboardFixture.Leader, new DashboardScope(2024))).Value;

        Assert.Equal(2, trend.PreviousYearAssignments);
        var september = trend.PreviousYear[8];
        Assert.Equal((1, 1, 0), (september.Due, september.Closed, september.OverdueAtEnd));
        var october = trend.PreviousYear[9];
        Assert.Equal((2, 1, 1), (october.Due, october.Closed, october.OverdueAtEnd));
        Assert.Equal(0.5, trend.PreviousYear[11].ClosedShare);
    }

    [Fact]
    public async Task A_plan_filter_narrows_every_figure_to_that_plan()
    {
        var overview = (await Service.OverviewAsync(DashboardFixture.Leader, new DashboardScope(2023, data.PreviousPlanId))).Value;

        Assert.Equal(2, overview.TaskCount);
        Assert.Equal(1, overview.Tasks[TaskStanding.Closed]);
        Assert.Equal(1, overview.Tasks[TaskStanding.Overdue]);
    }

    public static TheoryData<DrillShow, TaskStanding?, string?, int?, int> Drills => new()
    {
        { DrillShow.Tasks, null, null, null, 6 },
        { DrillShow.Tasks, TaskStanding.Closed, null, null, 1 },
        { DrillShow.Tasks, TaskStanding.InProgress, null, null, 2 },
        { DrillShow.Tasks, TaskStanding.Overdue, null, null, 1 },
        { DrillShow.Tasks, TaskStanding.Ongoing, null, null, 1 },
        { DrillShow.Assignments, null, null, null, 7 },
        { DrillShow.ClosedAssignments, null, null, null, 2 },
        { DrillShow.ClosedOnTime, null, null, null, 1 },
        { DrillShow.OverdueAssignments, null, null, null, 2 },
        { DrillShow.UpcomingAssignments, null, null, null, 2 },
        { DrillShow.Reports, null, "测试甲局", null, 3 },
        { DrillShow.ReportsOnTime, null, "测试甲局", null, 2 },
        { DrillShow.ReturnedReports, null, "测试乙局", null, 1 },
        { DrillShow.OverdueAssignments, null, "测试丙县人民政府", null, 1 },
        { DrillShow.ClosedInMonth, null, null, 3, 1 },
        { DrillShow.OverdueAtMonthEnd, null, null, 5, 2 },
        { DrillShow.OverdueAtMonthEnd, null, null, 6, 4 },
    };

    [Theory]
    [MemberData(nameof(Drills))]
    public async Task Each_drill_down_lists_exactly_the_items_its_figure_counts(DrillShow show, TaskStanding? standing, string? unit, int? month, int expected)
    {
        var unitId = unit switch
        {
            "测试甲局" => data.Jia,
            "测试乙局" => data.Yi,
            "测试丙县人民政府" => data.Bing,
            _ => (int?)null,
        };

        var list = (await Service.DrillAsync(DashboardFixture.Leader, new DrillFilter(2024, show, UnitId: unitId, Standing: standing, Month: month))).Value;

        Assert.Equal(expected, list.Total);
        Assert.Equal(expected, list.Rows.Count);
    }

    [Fact]
    public async Task A_section_drill_down_includes_tasks_of_its_subsections_and_links_every_unit()
    {
        var list = (await Service.DrillAsync(DashboardFixture.Leader, new DrillFilter(2024, DrillShow.Tasks, data.PlanId, SectionId: data.Section2))).Value;

        Assert.Equal(["二.(一).1", "二.1", "二.2"], list.Rows.Select(r => r.TaskPath).Order(StringComparer.Ordinal));
        Assert.Equal(["测试乙局"], list.Rows.Single(r => r.TaskPath == "二.(一).1").Links.Select(l => l.UnitName));
        Assert.Empty(list.Rows.Single(r => r.TaskPath == "二.2").Links);
    }

    [Fact]
    public async Task The_overdue_drill_down_says_how_late_and_links_to_the_assignment()
    {
        var list = (await Service.DrillAsync(DashboardFixture.Leader, new DrillFilter(2024, DrillShow.OverdueAssignments))).Value;

        var row = list.Rows.Single(r => r.Links[0].AssignmentId == data.T2JiaAssignment);
        Assert.Equal("逾期1天，已督办", row.Detail);
        Assert.Equal("2024年 · 已逾期的交办事项", list.Title);
        Assert.Equal("dashboard/list?year=2024&show=OverdueAssignments", list.Filter.ToQuery());
    }
}

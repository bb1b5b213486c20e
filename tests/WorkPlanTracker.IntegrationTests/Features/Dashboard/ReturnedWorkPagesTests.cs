using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Data;
using WorkPlanTracker.Features.Accounts;
using WorkPlanTracker.Features.Assignments;
using WorkPlanTracker.Features.Dashboard;
using WorkPlanTracker.Features.Plans;
using WorkPlanTracker.IntegrationTests.Features.Assignments;

namespace WorkPlanTracker.IntegrationTests.Features.Dashboard;

/// <summary>After the office returns a completion request through the app, the leaders' pages count the return.</summary>
public partial class ReturnedWorkPagesTests(WorkflowFixture fixture) : IClassFixture<WorkflowFixture>
{
    [GeneratedRegex("被退回</span><span class=\"kpi-value\">(\\d+)<")]
    private static partial Regex ReturnedFigure();

    /// <summary>Published (once; a second publishing is refused and changes nothing), then one assignment reported, returned when it asked to close, reported again and closed.</summary>
    private async Task ReturnedThenClosedAsync(string path, int unitId)
    {
        await fixture.Get<PlanPublishingService>().PublishAsync(fixture.Office, fixture.PlanId);
        var service = fixture.Get<AssignmentService>();
        var unit = fixture.UserOf(unitId);
        async Task Step(Func<int, Guid, Task<WorkPlanTracker.Shared.Outcome>> act)
        {
            var current = await fixture.AssignmentAsync(path, unitId);
            Assert.True((await act(current.Id, current.Version)).Succeeded);
        }

        await Step((id, v) => service.SubmitReportAsync(unit, id, v, new ReportInput { Progress = "已发布政策解读" }));
        await Step((id, v) => service.RequestCompletionAsync(unit, id, v, "全部完成"));
        await Step((id, v) => service.ReturnAsync(fixture.Office, id, v, "缺少佐证材料"));
        await Step((id, v) => service.SubmitReportAsync(unit, id, v, new ReportInput { Progress = "补充了佐证" }));
        await Step((id, v) => service.RequestCompletionAsync(unit, id, v, "已补充"));
        await Step((id, v) => service.ApproveCompletionAsync(fixture.Office, id, v));
    }

    [Fact]
    public async Task A_returned_completion_request_shows_in_the_ranking_and_on_the_units_page_after_the_work_is_closed()
    {
        await ReturnedThenClosedAsync("一.1", fixture.UnitA);

        var ranking = (await fixture.Get<DashboardService>().RankingAsync(fixture.Leader, new DashboardScope(2035))).Value;
        Assert.Equal(1, ranking.Units.Single(u => u.UnitId == fixture.UnitA).Returns);
        var leader = await fixture.App.SignedInClientAsync("leader", DemoAccounts.Password);
        var page = await leader.GetStringAsync($"/dashboard/units/{fixture.UnitA}?year=2035");
        Assert.Equal("1", ReturnedFigure().Match(page).Groups[1].Value);
    }

    [Fact]
    public async Task Returns_made_before_the_count_was_stored_are_counted_from_the_audit_trail()
    {
        await ReturnedThenClosedAsync("一.3", fixture.UnitB);
        await using var db = fixture.App.NewDbContext();
        await db.Database.ExecuteSqlRawAsync("UPDATE \"Assignments\" SET \"ReturnCount\" = 0");

        await db.Database.ExecuteSqlRawAsync(ReturnCountBackfill.Sql);

        Assert.Equal(1, (await fixture.AssignmentAsync("一.3", fixture.UnitB)).ReturnCount);
        Assert.Equal(0, (await fixture.AssignmentAsync("一.1", fixture.UnitB)).ReturnCount);
    }
}

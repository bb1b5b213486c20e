using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Dashboard;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Tests.Features.Dashboard;

/// <summary>Who may read the dashboards and who may set the assessment weights, checked by the service itself.</summary>
public class DashboardPermissionTests(DashboardFixture data) : IClassFixture<DashboardFixture>
{
    private DashboardService Service => data.Database.Get<DashboardService>();

    [Fact]
    public async Task A_unit_user_is_refused_every_dashboard_and_the_annual_report()
    {
        var scope = new DashboardScope(2024);
        var unit = DashboardFixture.UnitUser;
        Outcome[] refused =
        [
            await Service.YearsAsync(unit),
            await Service.OverviewPlansAsync(unit, 2024),
            await Service.OverviewAsync(unit, scope),
            await Service.RankingAsync(unit, scope),
            await Service.TrendAsync(unit, scope),
            await Service.WeightsAsync(unit),
            await Service.DrillAsync(unit, new DrillFilter(2024, DrillShow.Assignments)),
            await data.Database.Get<AnnualReportService>().DraftAsync(unit, 2024),
        ];

        Assert.All(refused, r =>
        {
            Assert.Equal(OutcomeKind.Forbidden, r.Kind);
            Assert.Equal("领导驾驶舱仅供领导和计划办公室查看。", r.Message);
        });
        Assert.True((await Service.OverviewAsync(DashboardFixture.Leader, scope)).Succeeded);
    }

    [Fact]
    public async Task A_leader_cannot_change_the_weights()
    {
        var before = (await Service.WeightsAsync(DashboardFixture.Leader)).Value;

        var result = await Service.SaveWeightsAsync(DashboardFixture.Leader, new AssessmentWeights { Closed = 100, ClosedOnTime = 0, ReportsOnTime = 0 });

        Assert.Equal(OutcomeKind.Forbidden, result.Kind);
        var after = (await Service.WeightsAsync(DashboardFixture.Leader)).Value;
        Assert.Equal((before.Closed, before.ClosedOnTime, before.ReportsOnTime), (after.Closed, after.ClosedOnTime, after.ReportsOnTime));
        await using var db = data.Database.NewContext();
        Assert.Empty(db.AssessmentWeights);
    }

    [Fact]
    public async Task The_office_sets_weights_and_the_ranking_follows_them()
    {
        try
        {
            var refused = await Service.SaveWeightsAsync(DashboardFixture.Office, new AssessmentWeights { Closed = 0, ClosedOnTime = 0, ReportsOnTime = 0 });
            Assert.Equal(OutcomeKind.Invalid, refused.Kind);
            Assert.Contains("不能同时为0", refused.Message);

            // Only the reports count: 丙县 reported on time every time, 甲局 two times of three, 乙局 never.
            var result = await Service.SaveWeightsAsync(DashboardFixture.Office, new AssessmentWeights { Closed = 0, ClosedOnTime = 0, ReportsOnTime = 50, OverduePenalty = 0, ReturnedPenalty = 0 });

            Assert.True(result.Succeeded, result.Message);
            var ranking = (await Service.RankingAsync(DashboardFixture.Leader, new DashboardScope(2024))).Value;
            Assert.Equal(["测试丙县人民政府", "测试甲局", "测试乙局"], ranking.Units.Select(u => u.UnitName));
            Assert.Equal([100.0, 66.7, 0.0], ranking.Units.Select(u => u.Score));
            Assert.Equal("office", ranking.Weights.ChangedBy);
        }
        finally
        {
            await using var db = data.Database.NewContext();
            db.AssessmentWeights.RemoveRange(db.AssessmentWeights);
            await db.SaveChangesAsync();
        }
    }
}

using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Assignments;
using WorkPlanTracker.Features.Dashboard;
using WorkPlanTracker.Features.Reminders;
using WorkPlanTracker.Features.Rollover;
using WorkPlanTracker.Features.UpperPlans;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.IntegrationTests.Features.UpperPlans;

/// <summary>
/// An upper plan's task the office gives straight to one of its units (直接交办) is that unit's work like any other: it
/// is chased, the unit is told of changes, lists and reports on it, and it counts on the dashboards. The upper plan is
/// never published, so every place that took "published" for "live work" left it out.
/// </summary>
public sealed class DirectAssignmentTests : IAsyncLifetime, IDisposable
{
    private readonly StoppedClockAppFactory app = new();
    private int unitId;
    private int upperPlanId;
    private TaskAssignment given = null!;

    public async Task InitializeAsync()
    {
        app.StartServer();
        upperPlanId = await app.ImportPlanAsync(TwoLevelFixture.UpperPlanText, "省要点.txt");
        Ok(await app.Get<UpperPlanService>().MarkAsUpperPlanAsync(TestActors.Office, upperPlanId));
        unitId = await app.UnitIdAsync("市数据资源局");
        var task = await TwoLevelFixture.TaskAsync(app, upperPlanId, "一.3");
        Ok(await app.Get<UpperPlanService>().AssignAsync(TestActors.Office, task.Id, unitId));
        await using var db = app.NewDbContext();
        given = await db.Assignments.Include(a => a.WorkTask).SingleAsync(a => a.TaskId == task.Id);
    }

    [Fact]
    public async Task The_unit_is_reminded_of_it_before_and_after_its_deadline()
    {
        var planner = app.Get<ReminderPlanner>();
        var remindedOn = new List<DateOnly>();
        // Assigned on 2035年7月15日, due 2035年9月30日 (9月底前).
        for (var day = new DateOnly(2035, 7, 15); day <= new DateOnly(2035, 10, 15); day = day.AddDays(1))
        {
            if ((await planner.DueOnAsync(day)).Any(r => r.AssignmentId == given.Id))
            {
                remindedOn.Add(day);
            }
        }

        Assert.NotEmpty(remindedOn);
        Assert.Contains(remindedOn, d => d > new DateOnly(2035, 9, 30));
    }

    [Fact]
    public async Task The_unit_lists_it_reports_on_it_and_is_told_when_its_deadline_moves()
    {
        var unit = TestActors.UserOf(unitId);

        var list = await app.Get<AssignmentListService>().ListAsync(unit, new AssignmentListFilter(2035));
        Assert.True(list.Succeeded, list.Message);
        Assert.Contains(list.Value.Rows.Items, r => r.Id == given.Id && r.TaskPath == "一.3");
        Assert.Contains(2035, list.Value.Years);

        Ok(await app.Get<AssignmentService>().SubmitReportAsync(unit, given.Id, given.Version, new ReportInput { Progress = "已完成网站集约化平台迁移。" }));
        var view = await app.Get<UpperPlanService>().GetAsync(TestActors.Office, upperPlanId);
        Assert.Contains("已完成网站集约化平台迁移", view.Value.Tasks.Single(t => t.Path == "一.3").Progress.Text, StringComparison.Ordinal);

        Ok(await app.Get<AssignmentEditingService>().ChangeDeadlineAsync(
            TestActors.Office, given.TaskId, await app.TaskVersionAsync(given.TaskId), new DateOnly(2035, 10, 31), ongoing: false, "上级调整时限"));
        await using var db = app.NewDbContext();
        Assert.Contains(await db.UnitNotices.Where(n => n.OrgUnitId == unitId).Select(n => n.Title).ToListAsync(), t => t.Contains("完成时限调整", StringComparison.Ordinal));
    }

    [Fact]
    public async Task It_counts_on_the_dashboard_in_the_annual_report_and_in_the_units_years_but_the_upper_tasks_nobody_here_was_given_do_not()
    {
        var overview = await app.Get<DashboardService>().OverviewAsync(TestActors.Leader, new DashboardScope(2035));
        Assert.True(overview.Succeeded, overview.Message);

        Assert.Contains(overview.Value.Plans, p => p.Id == upperPlanId);
        Assert.Equal(1, overview.Value.AssignmentCount);
        // 一.1 and 一.2 are answered through the city's own tasks (links), not unassigned work of the city.
        Assert.Equal(1, overview.Value.TaskCount);
        var year = Assert.Single(await app.Get<YearOverYearService>().UnitYearsAsync(unitId));
        Assert.Equal((2035, 1), (year.Year, year.Assignments));
        var annual = await app.Get<AnnualReportService>().DraftAsync(TestActors.Leader, 2035);
        Assert.True(annual.Succeeded, annual.Message);
        Assert.Equal(1, Assert.Single(annual.Value.Plans).Tasks);
        Assert.Equal((1, 1), (annual.Value.Tasks, annual.Value.Assignments));
    }

    private static void Ok(Outcome outcome) => Assert.True(outcome.Succeeded, outcome.Message);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => app.Dispose();
}

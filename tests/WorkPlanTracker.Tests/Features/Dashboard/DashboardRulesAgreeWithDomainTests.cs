using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Benchmarks;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Assignments;
using WorkPlanTracker.Features.Dashboard;

namespace WorkPlanTracker.Tests.Features.Dashboard;

/// <summary>A generated data set (two years, every workflow path) as the database.</summary>
public sealed class GeneratedDashboardData : IAsyncLifetime
{
    public SeededDatabase Database { get; } = new();

    public DataSetSize Size { get; private set; } = new();

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        await using var db = Database.NewContext();
        Size = await new DashboardDataSet { Years = 2, PlansPerYear = 1, TasksPerPlan = 40, Units = 12, AsOfUtc = Database.Clock.GetUtcNow().UtcDateTime }.FillAsync(db);
    }

    public Task DisposeAsync() => Database.DisposeAsync();
}

/// <summary>
/// The dashboards count in the database with the domain's rules re-expressed in LINQ; here the same generated data is
/// loaded whole and judged by the domain's own methods, and both must give the same figures.
/// </summary>
public class DashboardRulesAgreeWithDomainTests(GeneratedDashboardData data) : IClassFixture<GeneratedDashboardData>
{
    private DateOnly Today => WorkCalendar.DateOf(data.Database.Clock.GetUtcNow().UtcDateTime);

    private async Task<List<TaskAssignment>> LoadAsync(int year)
    {
        await using var db = data.Database.NewContext();
        return await db.Assignments.AsNoTracking()
            .Where(a => a.WorkTask!.Plan!.Year == year && a.WorkTask.Plan.Status != PlanStatus.Draft)
            .Include(a => a.WorkTask!).ThenInclude(t => t.Plan)
            .Include(a => a.Reports)
            .AsSplitQuery()
            .ToListAsync();
    }

    [Fact]
    public void The_generated_data_set_has_every_kind_of_work()
    {
        Assert.Equal(2, data.Size.Plans);
        Assert.Equal(80, data.Size.Tasks);
        Assert.True(data.Size.Assignments > 200, data.Size.ToString());
        Assert.True(data.Size.Reports > data.Size.Assignments, data.Size.ToString());
        Assert.True(data.Size.Escalations > 0, data.Size.ToString());
    }

    [Theory]
    [InlineData(2023)]
    [InlineData(2024)]
    public async Task Task_standings_on_time_and_overdue_counts_agree_with_the_domain(int year)
    {
        var assignments = await LoadAsync(year);
        var today = Today;
        var overview = (await data.Database.Get<DashboardService>().OverviewAsync(DashboardFixture.Leader, new DashboardScope(year))).Value;

        // Grouped by id: without tracking, each assignment carries its own copy of its task.
        var standings = assignments.GroupBy(a => a.TaskId).Select(g =>
        {
            var progress = TaskProgress.RollUp(g, today);
            return progress.Status == AssignmentStatus.Closed ? TaskStanding.Closed
                : progress.IsOverdue ? TaskStanding.Overdue
                : g.First().WorkTask!.Ongoing ? TaskStanding.Ongoing
                : TaskStanding.InProgress;
        }).ToList();
        foreach (var standing in new[] { TaskStanding.Closed, TaskStanding.Overdue, TaskStanding.Ongoing, TaskStanding.InProgress })
        {
            Assert.Equal(standings.Count(s => s == standing), overview.Tasks[standing]);
        }

        Assert.True(overview.Tasks[TaskStanding.Closed] > 0 && overview.Tasks[TaskStanding.InProgress] + overview.Tasks[TaskStanding.Overdue] > 0);
        Assert.Equal(assignments.Count(a => a.Status == AssignmentStatus.Closed), overview.ClosedAssignments);
        Assert.Equal(assignments.Count(a => a.ClosedOnTime), overview.ClosedOnTime);
        Assert.Equal(assignments.Count(a => a.IsOverdue(today)), overview.OverdueAssignments);
        Assert.Equal(assignments.Count(a => a.Status != AssignmentStatus.Closed && a.DaysUntilDue(today) is >= 0 and <= DashboardService.UpcomingDays), overview.UpcomingCount);
    }

    [Fact]
    public async Task Section_lights_are_the_worst_of_the_domains_assignment_lights_on_open_tasks()
    {
        var assignments = await LoadAsync(2024);
        var today = Today;
        var overview = (await data.Database.Get<DashboardService>().OverviewAsync(DashboardFixture.Leader, new DashboardScope(2024))).Value;

        foreach (var section in overview.Sections)
        {
            // A closed task (TaskProgress.RollUp) counts as done; an open one by its assignments' own lights.
            var lights = assignments.Where(a => a.WorkTask!.SectionId == section.SectionId)
                .GroupBy(a => a.TaskId)
                .SelectMany(task => TaskProgress.RollUp(task, today).Status == AssignmentStatus.Closed
                    ? [TrafficLight.Done]
                    : task.Select(a => a.LightOn(today, AssignmentService.DueSoonDays, nextReportDue: null)))
                .ToList();
            var expected = lights.Contains(TrafficLight.Red) ? TrafficLight.Red
                : lights.Contains(TrafficLight.Yellow) ? TrafficLight.Yellow
                : lights.Contains(TrafficLight.Green) ? TrafficLight.Green
                : TrafficLight.Done;
            Assert.Equal(expected, section.Light);
        }
    }

    [Fact]
    public async Task Unit_figures_agree_with_the_domain_including_reports_on_time()
    {
        var assignments = await LoadAsync(2024);
        var today = Today;
        var ranking = (await data.Database.Get<DashboardService>().RankingAsync(DashboardFixture.Leader, new DashboardScope(2024))).Value;

        Assert.Equal(assignments.Select(a => a.OrgUnitId).Distinct().Count(), ranking.Units.Count);
        foreach (var unit in ranking.Units)
        {
            var mine = assignments.Where(a => a.OrgUnitId == unit.UnitId).ToList();
            var reports = mine.SelectMany(a => a.Reports.Select(r => (Report: r, Day: a.WorkTask!.ReportingCycleKind != null ? a.WorkTask.ReportingDay : a.WorkTask.Plan!.ReportingDay))).ToList();
            Assert.Equal(
                (mine.Count, mine.Count(a => a.Status == AssignmentStatus.Closed), mine.Count(a => a.ClosedOnTime), mine.Count(a => a.IsOverdue(today)),
                    reports.Count, reports.Count(r => r.Report.IsOnTimeFor(r.Day)), mine.Sum(a => a.ReturnCount)),
                (unit.Assignments, unit.Closed, unit.ClosedOnTime, unit.Overdue, unit.Reports, unit.ReportsOnTime, unit.Returns));
        }
    }

    [Fact]
    public async Task Month_end_figures_follow_the_closing_dates_and_due_dates()
    {
        var assignments = await LoadAsync(2023);
        var trend = (await data.Database.Get<DashboardService>().TrendAsync(DashboardFixture.Leader, new DashboardScope(2024))).Value;

        foreach (var month in trend.PreviousYear)
        {
            var end = new DateOnly(2023, month.Month, DateTime.DaysInMonth(2023, month.Month));
            bool closedBy(TaskAssignment a) => a.Status == AssignmentStatus.Closed && WorkCalendar.DateOf(a.ClosedAtUtc!.Value) <= end;
            Assert.Equal(assignments.Count(closedBy), month.Closed);
            Assert.Equal(assignments.Count(a => !a.WorkTask!.Ongoing && a.DueDate <= end && !closedBy(a)), month.OverdueAtEnd);
        }
    }
}

using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Assignments;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Benchmarks;

/// <summary>
/// One page (50 rows) of the 任务 list and the review queue over the generated data set of 1 and of 10 years (the
/// dashboards' data: 3 plans × 100 tasks × 80 units a year), each call the whole of one page's data: target under
/// 100 ms, and the same memory for 10 years as for 1.
/// </summary>
[MemoryDiagnoser]
public class AssignmentListBenchmarks
{
    private static readonly Actor Office = new("office", new HashSet<string> { AppRoles.PlanningOffice }, new HashSet<int>());
    private AssignmentListService lists = default!;
    private Actor unitUser = default!;
    private int year;

    [Params(1, 10)]
    public int Years { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var data = new DashboardDataSet { Years = Years };
        var path = DashboardDatabase.EnsureAsync(data).GetAwaiter().GetResult();
        var factory = DashboardDatabase.Factory(path);
        lists = new AssignmentListService(factory, new FixedClock(data.AsOfUtc));
        using var db = factory.CreateDbContext();
        var unit = db.Units.Where(u => u.Name == "市数据资源局").Select(u => u.Id).Single();
        unitUser = new Actor("unit", new HashSet<string> { AppRoles.UnitUser }, new HashSet<int> { unit });
        year = data.AsOfUtc.Year;
    }

    /// <summary>The office's default list: this year, every unit, soonest deadline first.</summary>
    [Benchmark]
    public async Task<AssignmentList> Office_this_year_first_page() => (await lists.ListAsync(Office, AssignmentListFilter.Default(year))).Value;

    /// <summary>Page 200 of the same (rows 9,951–10,000): the database skips, nothing else is read.</summary>
    [Benchmark]
    public async Task<AssignmentList> Office_this_year_page_200() => (await lists.ListAsync(Office, AssignmentListFilter.Default(year), 200)).Value;

    /// <summary>Every year's overdue assignments, by unit: the widest filter the office can ask for.</summary>
    [Benchmark]
    public async Task<AssignmentList> Office_all_years_overdue_by_unit() =>
        (await lists.ListAsync(Office, new AssignmentListFilter(null, Status: AssignmentListStatus.Overdue, Sort: AssignmentListSort.Unit))).Value;

    /// <summary>Every year, every state, by plan and number.</summary>
    [Benchmark]
    public async Task<AssignmentList> Office_all_years_by_task() =>
        (await lists.ListAsync(Office, new AssignmentListFilter(null, Sort: AssignmentListSort.Task))).Value;

    /// <summary>A unit user's 我的任务: this year, the unit's own assignments.</summary>
    [Benchmark]
    public async Task<AssignmentList> Unit_my_tasks_this_year() => (await lists.ListAsync(unitUser, AssignmentListFilter.Default(year))).Value;

    [Benchmark]
    public async Task<AssignmentList> Review_queue_this_year() => (await lists.ReviewQueueAsync(Office, AssignmentListFilter.Default(year))).Value;
}

/// <summary>
/// The 任务 list as it was read before paging (every assignment with its task, plan, unit and every report, filtered in
/// memory), kept only to measure the "before" on a data set: <c>-- assignment-list-before YEARS</c>.
/// </summary>
public static class AssignmentListBefore
{
    public static void Run(int years)
    {
        var data = new DashboardDataSet { Years = years };
        var path = DashboardDatabase.EnsureAsync(data).GetAwaiter().GetResult();
        var factory = DashboardDatabase.Factory(path);
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        using var db = factory.CreateDbContext();
        var assignments = db.Assignments.AsNoTracking()
            .Include(a => a.WorkTask!).ThenInclude(t => t.Plan)
            .Include(a => a.OrgUnit)
            .Include(a => a.Reports)
            .AsSplitQuery()
            .OrderBy(a => a.DueDate == null).ThenBy(a => a.DueDate).ThenBy(a => a.Id)
            .ToList();
        var today = WorkCalendar.DateOf(data.AsOfUtc);
        var lights = assignments.Count(a => a.LightOn(today, AssignmentService.DueSoonDays, ReportingSchedule.NextReportDue(a)) == TrafficLight.Red);
        Console.WriteLine($"{years} years: {assignments.Count} assignments ({lights} red) read in {watch.Elapsed.TotalSeconds:0.0} s, " +
            $"{(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1024.0 / 1024.0:0} MB allocated, working set {Environment.WorkingSet / 1024 / 1024} MB");
    }
}

using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using WorkPlanTracker.Data;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Dashboard;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Benchmarks;

/// <summary>
/// Each dashboard's data over the full generated data set (10 years × 3 plans × 100 tasks × 80 units, about a
/// million reports) on a SQLite file: target under 100 ms each. The file is generated once and kept under
/// BenchmarkDotNet.Artifacts/dashboard-data (delete it to generate again).
/// </summary>
[MemoryDiagnoser]
public class DashboardBenchmarks
{
    private static readonly Actor Leader = new("leader", new HashSet<string> { AppRoles.Leadership }, new HashSet<int>());
    private DashboardService dashboard = default!;
    private AnnualReportService annualReport = default!;
    private int year;

    /// <summary>The data set measured; the full one unless a quick look asks for fewer years.</summary>
    public DashboardDataSet Data { get; set; } = new();

    [GlobalSetup]
    public void Setup()
    {
        var data = Data;
        var path = DashboardDatabase.EnsureAsync(data).GetAwaiter().GetResult();
        var factory = DashboardDatabase.Factory(path);
        var clock = new FixedClock(data.AsOfUtc);
        dashboard = new DashboardService(factory, clock);
        annualReport = new AnnualReportService(factory, clock);
        year = data.AsOfUtc.Year;
    }

    [Benchmark]
    public async Task<Overview> Overview_current_year() => (await dashboard.OverviewAsync(Leader, new DashboardScope(year))).Value;

    [Benchmark]
    public async Task<Overview> Overview_past_year() => (await dashboard.OverviewAsync(Leader, new DashboardScope(year - 3))).Value;

    [Benchmark]
    public async Task<UnitRanking> Unit_ranking() => (await dashboard.RankingAsync(Leader, new DashboardScope(year))).Value;

    [Benchmark]
    public async Task<Trend> Trend_with_previous_year() => (await dashboard.TrendAsync(Leader, new DashboardScope(year))).Value;

    [Benchmark]
    public async Task<DrillList> Drill_down_overdue() => (await dashboard.DrillAsync(Leader, new DrillFilter(year, DrillShow.OverdueAssignments))).Value;

    [Benchmark]
    public async Task<DrillList> Drill_down_tasks_of_a_standing() => (await dashboard.DrillAsync(Leader, new DrillFilter(year, DrillShow.Tasks, Standing: TaskStanding.Overdue))).Value;

    [Benchmark]
    public async Task<AnnualReportDraft> Annual_report_draft() => (await annualReport.DraftAsync(Leader, year - 1)).Value;
}

/// <summary>The generated database file, made once and reused by every benchmark process.</summary>
public static class DashboardDatabase
{
    public static string Folder => Path.Combine(RepositoryFiles.Root(), "BenchmarkDotNet.Artifacts", "dashboard-data");

    public static async Task<string> EnsureAsync(DashboardDataSet data)
    {
        var path = Path.Combine(Folder, $"dashboard-{data.Years}y-{data.PlansPerYear}p-{data.TasksPerPlan}t-{data.Units}u-{data.Seed}{(data.SourceDocument is null ? "" : "-src")}{(data.SupportingShare == new DashboardDataSet().SupportingShare ? "" : $"-s{data.SupportingShare}")}.db");
        if (File.Exists(path))
        {
            return path;
        }

        Directory.CreateDirectory(Folder);
        var building = path + ".building";
        File.Delete(building);
        await using (var db = new AppDbContext(Options(building)))
        {
            await db.Database.MigrateAsync();
            var size = await data.FillAsync(db);
            await File.WriteAllTextAsync(path + ".txt", size + Environment.NewLine);
            Console.WriteLine($"// generated {size}");
        }

        SqliteConnection.ClearAllPools();
        File.Move(building, path);
        return path;
    }

    public static DbContextOptions<AppDbContext> Options(string path)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={path}");

        // DASHBOARD_SQL=1 prints the SQL and its timings, to see which query needs an index.
        if (Environment.GetEnvironmentVariable("DASHBOARD_SQL") == "1")
        {
            options.LogTo(Console.WriteLine, [Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandExecuted]);
        }

        return options.Options;
    }

    public static IDbContextFactory<AppDbContext> Factory(string path) => new PooledDbContextFactory<AppDbContext>(Options(path));
}

/// <summary>A clock that stands still at the data set's "now", so every run measures the same question.</summary>
public sealed class FixedClock(DateTime utc) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => new(utc, TimeSpan.Zero);
}

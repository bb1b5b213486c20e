using BenchmarkDotNet.Attributes;
using WorkPlanTracker.Features.Ledger;

namespace WorkPlanTracker.Benchmarks;

/// <summary>
/// The plan ledger the way the app and <c>export-ledger</c> make it: read from the database, then written as a
/// workbook. One published plan of <see cref="Tasks"/> tasks over 80 units (about five units a task, monthly
/// reports through the year) that keeps its source document as an import does. Target: 3,000 tasks under 5 s and a
/// few hundred MB, cost linear in tasks.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(SlowBuildConfig))]
public class LedgerPathBenchmarks
{
    private LedgerService ledgers = default!;
    private int year;

    [Params(500, 1000, 2000, 3000)]
    public int Tasks { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var data = new DashboardDataSet { Years = 1, PlansPerYear = 1, TasksPerPlan = Tasks, SupportingShare = 0.05, SourceDocument = tasks => GeneratedPlan.Create(Math.Min(tasks, GeneratedPlan.MaxTasks)) };
        var path = DashboardDatabase.EnsureAsync(data).GetAwaiter().GetResult();
        ledgers = new LedgerService(DashboardDatabase.Factory(path), new FixedClock(data.AsOfUtc));
        year = data.AsOfUtc.Year;
    }

    [Benchmark]
    public async Task<long> Plan_ledger_from_database_to_file()
    {
        var document = (await ledgers.BuildLedgerAsync(new LedgerScope(null, year, null))).Value;
        using var output = new MemoryStream();
        LedgerWorkbookWriter.WritePlanLedger(document!, output);
        return output.Length;
    }
}

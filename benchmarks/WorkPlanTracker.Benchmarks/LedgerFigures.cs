using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Features.Ledger;

namespace WorkPlanTracker.Benchmarks;

/// <summary>One timed pass over a database's year ledger, split into its steps: a quick look before the benchmark.</summary>
public static class LedgerFigures
{
    public static void Run(string database)
    {
        var factory = DashboardDatabase.Factory(database);
        using (var db = factory.CreateDbContext())
        {
            var q = db.Tasks.AsNoTracking();
            Time("tasks", () => q.ToList().Count);
            Time("+plan+section", () => q.Include(t => t.Plan).Include(t => t.Section).ToList().Count);
            Time("+parties", () => q.Include(t => t.Parties).AsSplitQuery().ToList().Count);
            Time("+parties.unit", () => q.Include(t => t.Parties).ThenInclude(p => p.OrgUnit).AsSplitQuery().ToList().Count);
            Time("+parties.group", () => q.Include(t => t.Parties).ThenInclude(p => p.UnitGroup).AsSplitQuery().ToList().Count);
            Time("+assignments", () => q.Include(t => t.Assignments).AsSplitQuery().ToList().Count);
        }

        var service = new LedgerService(factory, TimeProvider.System);
        for (var pass = 0; pass < 2; pass++)
        {
            var watch = Stopwatch.StartNew();
            var document = service.BuildLedgerAsync(new LedgerScope(null, 2024, null)).GetAwaiter().GetResult().Value;
            var loaded = watch.Elapsed;
            using var output = new MemoryStream();
            LedgerWorkbookWriter.WritePlanLedger(document, output);
            Console.WriteLine($"{document.Tasks.Count} tasks: load {loaded.TotalMilliseconds:0} ms, write {(watch.Elapsed - loaded).TotalMilliseconds:0} ms, {output.Length / 1024} KB, peak {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MB");
        }
    }

    private static void Time(string what, Func<int> run)
    {
        var watch = Stopwatch.StartNew();
        var count = run();
        Console.WriteLine($"{what}: {count} in {watch.ElapsedMilliseconds} ms");
    }
}

using BenchmarkDotNet.Running;

namespace WorkPlanTracker.Benchmarks;

public static class Program
{
    /// <summary>
    /// Runs the benchmarks picked on the command line, e.g.
    /// <c>dotnet run -c Release --project benchmarks/WorkPlanTracker.Benchmarks -- --filter '*' --job short</c>;
    /// <c>-- generate-dashboard-data [YEARS]</c> only generates (or finds) the dashboards' data set and prints its file.
    /// </summary>
    public static void Main(string[] args)
    {
        if (args is ["generate-dashboard-data", .. var rest])
        {
            var data = rest is [var years] ? new DashboardDataSet { Years = int.Parse(years, System.Globalization.CultureInfo.InvariantCulture) } : new DashboardDataSet();
            Console.WriteLine(DashboardDatabase.EnsureAsync(data).GetAwaiter().GetResult());
            return;
        }

        if (args is ["generate-plan", var size, var file])
        {
            // A plan file of any size for trying the importer and the ledgers from the command line.
            File.WriteAllText(file, GeneratedPlan.Create(int.Parse(size, System.Globalization.CultureInfo.InvariantCulture)));
            return;
        }

        if (args is ["assignment-list-before", var listYears])
        {
            AssignmentListBefore.Run(int.Parse(listYears, System.Globalization.CultureInfo.InvariantCulture));
            return;
        }

        if (args is ["ledger-figures", var database])
        {
            LedgerFigures.Run(database);
            return;
        }

        if (args is ["dashboard-figures", .. var more])
        {
            // One timed pass over every dashboard query: a quick look before the full benchmark run.
            var data = more is [var years] ? new DashboardDataSet { Years = int.Parse(years, System.Globalization.CultureInfo.InvariantCulture) } : new DashboardDataSet();
            var bench = new DashboardBenchmarks { Data = data };
            bench.Setup();
            foreach (var method in typeof(DashboardBenchmarks).GetMethods().Where(m => m.IsDefined(typeof(BenchmarkDotNet.Attributes.BenchmarkAttribute), false)))
            {
                for (var pass = 0; pass < 2; pass++)
                {
                    var watch = System.Diagnostics.Stopwatch.StartNew();
                    var result = ((Task)method.Invoke(bench, null)!);
                    result.GetAwaiter().GetResult();
                    Console.WriteLine($"{method.Name}: {watch.Elapsed.TotalMilliseconds:0.0} ms");
                }
            }

            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}

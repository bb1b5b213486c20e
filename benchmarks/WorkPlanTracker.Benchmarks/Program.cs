using BenchmarkDotNet.Running;

namespace WorkPlanTracker.Benchmarks;

public static class Program
{
    /// <summary>
    /// Runs the benchmarks picked on the command line, e.g.
    /// <c>dotnet run -c Release --project benchmarks/WorkPlanTracker.Benchmarks -- --filter '*' --job short</c>.
    /// </summary>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}

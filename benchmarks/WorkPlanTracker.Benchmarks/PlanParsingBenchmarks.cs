using BenchmarkDotNet.Attributes;
using WorkPlanTracker.Features.Import;

namespace WorkPlanTracker.Benchmarks;

/// <summary>Parsing each sample plan in seeds/: the target is under 5 ms per plan.</summary>
[MemoryDiagnoser]
public class PlanParsingBenchmarks
{
    private readonly PlanTextParser parser = new();
    private string text = "";

    /// <summary>The four sample plans (004 is an annual report, not a plan).</summary>
    public static IEnumerable<string> Samples => ["000", "001", "002", "003"];

    [ParamsSource(nameof(Samples))]
    public string Sample { get; set; } = "";

    [GlobalSetup]
    public void Setup() => text = File.ReadAllText(RepositoryFiles.Seed(Sample));

    [Benchmark]
    public ParsedPlan Parse() => parser.Parse(text);
}

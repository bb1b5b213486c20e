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

/// <summary>
/// A web page whose line breaks were lost: corpus plan 04 (福建省2018年政务公开工作主要任务分解表), its body one line of
/// 8,015 characters holding a flattened table. The target is under 10 ms.
/// </summary>
[MemoryDiagnoser]
public class OneLinePageBenchmarks
{
    private readonly PlanTextParser parser = new();
    private string text = "";

    [GlobalSetup]
    public void Setup()
    {
        text = File.ReadAllText(RepositoryFiles.CorpusPlan("04"));
        if (text.Split('\n').Max(l => l.Length) < 8000)
        {
            throw new InvalidOperationException("The benchmark page should hold a body of at least 8,000 characters on one line.");
        }

        // Measure only a parse that reads the page: its 42 tasks.
        var found = parser.Parse(text).Tasks.Count;
        if (found != 42)
        {
            throw new InvalidOperationException($"The one-line page has 42 tasks but the parser found {found}.");
        }
    }

    [Benchmark]
    public ParsedPlan Parse() => parser.Parse(text);
}

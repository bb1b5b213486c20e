using BenchmarkDotNet.Attributes;
using WorkPlanTracker.Features.Import;

namespace WorkPlanTracker.Benchmarks;

/// <summary>Parsing generated plans of growing size: time and memory should grow linearly; 2,000 tasks under 200 ms.</summary>
[MemoryDiagnoser]
public class GeneratedPlanBenchmarks
{
    private readonly PlanTextParser parser = new();
    private string text = "";

    [Params(500, 1000, 2000)]
    public int Tasks { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        text = GeneratedPlan.Create(Tasks);

        // Measure only what the benchmark claims: a parse that finds every generated task.
        var plan = parser.Parse(text);
        if (plan.Tasks.Count != Tasks)
        {
            throw new InvalidOperationException($"Generated {Tasks} tasks but the parser found {plan.Tasks.Count}.");
        }

        var withoutLead = plan.Tasks.Count(t => t.LeadUnits.Count == 0);
        if (withoutLead > 0)
        {
            throw new InvalidOperationException($"{withoutLead} generated tasks without a lead unit.");
        }
    }

    [Benchmark]
    public ParsedPlan Parse() => parser.Parse(text);
}

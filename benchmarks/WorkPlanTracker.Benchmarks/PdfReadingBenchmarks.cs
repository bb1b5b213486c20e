using BenchmarkDotNet.Attributes;
using WorkPlanTracker.Features.Import.Documents;

namespace WorkPlanTracker.Benchmarks;

/// <summary>Reading the text of a 100-page plan PDF (Fixtures/plan-100-pages.pdf): the target is under 2 s.</summary>
[MemoryDiagnoser]
public class PdfReadingBenchmarks
{
    private readonly ImportOptions options = new();
    private byte[] pdf = [];

    [GlobalSetup]
    public void Setup() => pdf = File.ReadAllBytes(Path.Combine(RepositoryFiles.Root(), "benchmarks", "WorkPlanTracker.Benchmarks", "Fixtures", "plan-100-pages.pdf"));

    [Benchmark]
    public string ReadHundredPages() => PdfPlanReader.Read("plan-100-pages.pdf", pdf, options);
}

using BenchmarkDotNet.Attributes;
using WorkPlanTracker.Features.Units;

namespace WorkPlanTracker.Benchmarks;

/// <summary>Matching the 200 unit names of a plan against a directory of 500 units: the target is well under 50 ms.</summary>
[MemoryDiagnoser]
public class UnitMatchingBenchmarks
{
    private static readonly string[] Levels = ["市", "区", "县"];

    private static readonly string[] FullNames =
    [
        "发展和改革委员会", "财政局", "教育局", "人力资源和社会保障局", "住房和城乡建设局", "卫生健康委员会",
        "人民政府办公室", "生态环境局", "数据资源局", "市场监督管理局", "自然资源和规划局", "城市管理综合行政执法局",
        "应急管理局", "医疗保障局", "交通运输局", "农业农村局", "商务局", "文化和旅游局", "退役军人事务局", "统计局",
    ];

    /// <summary>How plans write the same units: abbreviations, noise, and some names no unit has.</summary>
    private static readonly string[] WrittenNames =
    [
        "发改委", "财政局等", "教育局", "人社局", "住建局", "卫健委", "政府办", "生态环境局", "数据资源局", "市监局",
        "自然资源规划局", "城管执法局", "应急局", "医保局", "交通局", "农业局", "商务局", "文旅局", "退役军人局", "统计局",
    ];

    private List<UnitCandidate> units = [];
    private List<string> names = [];
    private UnitNameMatcher matcher = null!;

    [GlobalSetup]
    public void Setup()
    {
        // 500 units: 25 places × 20 departments, each at one of three levels.
        units = Enumerable.Range(0, 500)
            .Select(i => new UnitCandidate(
                i + 1,
                $"{Place(i / FullNames.Length)}{Levels[i / FullNames.Length % Levels.Length]}{FullNames[i % FullNames.Length]}",
                []))
            .ToList();
        names = Enumerable.Range(0, 200)
            .Select(i => $"{Place(i * 7 % 25)}{Levels[i * 7 % 25 % Levels.Length]}{WrittenNames[i % WrittenNames.Length]}")
            .ToList();
        matcher = new UnitNameMatcher(units);
    }

    /// <summary>Building the matcher (canonical forms of 500 units) and matching 200 names.</summary>
    [Benchmark]
    public int BuildAndMatch200()
    {
        var fresh = new UnitNameMatcher(units);
        return names.Count(n => fresh.Match(n) is not null);
    }

    /// <summary>Matching 200 names with a matcher built once.</summary>
    [Benchmark]
    public int Match200() => names.Count(n => matcher.Match(n) is not null);

    private static string Place(int i) => $"{"东西南北中新高长永安"[i % 10]}{"平和宁城阳山"[i % 6]}";
}

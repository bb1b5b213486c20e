namespace WorkPlanTracker.Benchmarks;

/// <summary>Finds files of the repository from wherever BenchmarkDotNet runs the benchmark process.</summary>
public static class RepositoryFiles
{
    private const string SolutionFile = "WorkPlanTracker.sln";

    /// <summary>The folder holding WorkPlanTracker.sln, found by walking up from the running binaries.</summary>
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No {SolutionFile} above {AppContext.BaseDirectory}.");
    }

    /// <summary>The path of the one sample in seeds/ whose name starts with <paramref name="prefix"/> (000, 001 …).</summary>
    public static string Seed(string prefix)
    {
        var seeds = Path.Combine(Root(), "seeds");
        return Directory.GetFiles(seeds, prefix + "_*.txt").Single();
    }

    /// <summary>The plan of the real-plan corpus whose name starts with <paramref name="prefix"/> (01, 02 …).</summary>
    public static string CorpusPlan(string prefix)
    {
        var plans = Path.Combine(Root(), "tests", "WorkPlanTracker.Tests", "Features", "Import", "Corpus", "plans");
        return Directory.GetFiles(plans, prefix + "_*.txt").Single();
    }
}

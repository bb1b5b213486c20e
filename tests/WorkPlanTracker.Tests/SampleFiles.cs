namespace WorkPlanTracker.Tests;

/// <summary>Finds the sample documents in <c>seeds/</c> (and the repository beside them) wherever the tests are run from.</summary>
public static class SampleFiles
{
    private const string MarkerFile = "002_e51a37d3a59f4f4a.txt";

    private static readonly Lazy<string> SeedsFolder = new(FindSeedsFolder);

    public static string SeedPath(string fileName) => Path.Combine(SeedsFolder.Value, fileName);

    public static string ReadSeed(string fileName) => File.ReadAllText(SeedPath(fileName));

    /// <summary>The app's own source folder (src/WorkPlanTracker), for tests that read the code itself.</summary>
    public static string AppSourceFolder => AppSource.Value;

    private static readonly Lazy<string> AppSource = new(() => FindAbove(Path.Combine("src", "WorkPlanTracker"), Directory.Exists));

    private static string FindAbove(string relativePath, Func<string, bool> exists)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relativePath);
            if (exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"No {relativePath} above {AppContext.BaseDirectory}.");
    }

    // Walk up rather than rely on the .sln: the solution file may not exist in every checkout.
    private static string FindSeedsFolder() =>
        FindAbove("seeds", candidate => File.Exists(Path.Combine(candidate, MarkerFile)));
}

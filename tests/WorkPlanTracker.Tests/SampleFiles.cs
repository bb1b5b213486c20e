namespace WorkPlanTracker.Tests;

/// <summary>Finds the sample documents in <c>seeds/</c> wherever the tests are run from.</summary>
public static class SampleFiles
{
    private const string MarkerFile = "002_e51a37d3a59f4f4a.txt";

    private static readonly Lazy<string> SeedsFolder = new(FindSeedsFolder);

    public static string SeedPath(string fileName) => Path.Combine(SeedsFolder.Value, fileName);

    public static string ReadSeed(string fileName) => File.ReadAllText(SeedPath(fileName));

    private static string FindSeedsFolder()
    {
        // Walk up rather than rely on the .sln: the solution file may not exist in every checkout.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "seeds");
            if (File.Exists(Path.Combine(candidate, MarkerFile)))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException(
            $"No seeds/ folder holding {MarkerFile} above {AppContext.BaseDirectory}.");
    }
}

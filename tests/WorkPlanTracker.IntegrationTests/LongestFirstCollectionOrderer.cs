using Xunit.Abstractions;

namespace WorkPlanTracker.IntegrationTests;

/// <summary>
/// Starts the longest collections first. Collections run three at a time; the browser collections alone take a
/// good part of the whole run, and started last they would run on after everything else had finished.
/// </summary>
public sealed class LongestFirstCollectionOrderer : ITestCollectionOrderer
{
    public const string TypeName = "WorkPlanTracker.IntegrationTests.LongestFirstCollectionOrderer";

    private static readonly string[] Longest = [Browser.SecondBrowserCollection.Name, Browser.BrowserCollection.Name, SharedAppCollection.Name];

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections
            .OrderBy(c => Array.IndexOf(Longest, c.DisplayName) is var i and >= 0 ? i : Longest.Length)
            .ThenBy(c => c.DisplayName, StringComparer.Ordinal);
}

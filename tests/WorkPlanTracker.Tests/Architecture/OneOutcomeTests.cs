using System.Reflection;
using System.Text.RegularExpressions;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Tests.Architecture;

/// <summary>
/// Services say yes or no one way (<see cref="Outcome"/>): no service method hands back a result record of its own,
/// the five that were merged into it do not come back, and no service refuses a user by throwing.
/// </summary>
public partial class OneOutcomeTests
{
    private static readonly Assembly App = typeof(Outcome).Assembly;

    private static readonly string[] MergedIntoOutcome = ["WorkflowResult", "AdminResult", "UnitGroupResult", "LedgerResult", "LedgerRefusal", "PublishResult"];

    /// <summary>The type and, for Task&lt;Outcome&lt;List&lt;X&gt;&gt;&gt; and the like, every type argument inside it.</summary>
    private static IEnumerable<Type> TypesIn(Type type)
    {
        yield return type;
        foreach (var argument in type.IsGenericType ? type.GetGenericArguments() : [])
        {
            foreach (var inner in TypesIn(argument))
            {
                yield return inner;
            }
        }

        if (type.HasElementType)
        {
            foreach (var inner in TypesIn(type.GetElementType()!))
            {
                yield return inner;
            }
        }
    }

    private static string NameOf(Type type) => type.Name.IndexOf('`', StringComparison.Ordinal) is var tick and >= 0 ? type.Name[..tick] : type.Name;

    internal static IReadOnlyList<string> ResultRecordsReturnedByServices(IEnumerable<Type> types) =>
        types
            .Where(t => t.Name.EndsWith("Service", StringComparison.Ordinal))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .SelectMany(m => TypesIn(m.ReturnType)
                    .Where(r => NameOf(r).EndsWith("Result", StringComparison.Ordinal) && r.Namespace?.StartsWith("System", StringComparison.Ordinal) != true)
                    .Select(r => $"{t.Name}.{m.Name} returns {NameOf(r)}")))
            .Distinct()
            .ToList();

    [Fact]
    public void No_service_returns_a_result_type_other_than_Outcome()
    {
        Assert.Empty(ResultRecordsReturnedByServices(App.GetTypes()));
    }

    [Fact]
    public void The_check_would_catch_a_service_that_returned_its_own_result_record()
    {
        Assert.Equal(
            ["PlantedService.SaveAsync returns PlantedResult", "PlantedService.Many returns PlantedResult"],
            ResultRecordsReturnedByServices([typeof(PlantedService), typeof(Outcome)]));
    }

    [Fact]
    public void The_result_records_merged_into_Outcome_no_longer_exist()
    {
        Assert.Empty(App.GetTypes().Where(t => MergedIntoOutcome.Contains(NameOf(t))).Select(t => t.FullName));
    }

    [Fact]
    public void No_code_refuses_a_user_by_throwing_UnauthorizedAccessException()
    {
        var source = SampleFiles.AppSourceFolder;
        var throwing = Directory.EnumerateFiles(source, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => ThrowsUnauthorized().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(source, f))
            .ToList();

        Assert.Empty(throwing);
    }

    [GeneratedRegex(@"throw\s+new\s+UnauthorizedAccessException")]
    private static partial Regex ThrowsUnauthorized();

    private sealed record PlantedResult(bool Succeeded);

    private sealed class PlantedService
    {
        public Task<PlantedResult> SaveAsync() => Task.FromResult(new PlantedResult(true));

        public IReadOnlyList<PlantedResult> Many() => [];

        public Task<Outcome> FineAsync() => Task.FromResult(Outcome.Ok());
    }
}

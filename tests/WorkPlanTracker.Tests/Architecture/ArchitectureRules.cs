using System.Reflection;
using NetArchTest.Rules;

namespace WorkPlanTracker.Tests.Architecture;

/// <summary>
/// The walls of the app's one project, as rules over the compiled types. They take the assembly and its root
/// namespace so the same rules can be run against a planted violation and shown to catch it.
/// </summary>
public sealed class ArchitectureRules(Assembly assembly, string root)
{
    private static readonly string[] Frameworks =
    [
        "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Microsoft.JSInterop", "BootstrapBlazor", "Hangfire",
    ];

    // Reading the assembly (Mono.Cecil) is the costly part: read it once for all the rules.
    private readonly Lazy<Types> types = new(() => Types.InAssembly(assembly));

    private string Domain => $"{root}.Domain";
    private string Data => $"{root}.Data";
    private string Shared => $"{root}.Shared";
    private string Features => $"{root}.Features";
    private string Components => $"{root}.Components";
    private string Hosting => $"{root}.Hosting";

    /// <summary>Every broken rule, one line each; empty when the walls hold.</summary>
    public IReadOnlyList<string> Violations(IReadOnlyDictionary<string, string[]> allowedFeatureEdges)
    {
        var violations = new List<string>();

        Check(violations, "Domain 不得引用 EF、ASP.NET、界面或应用的其他部分",
            types.Value.That().ResideInNamespace(Domain).ShouldNot()
                .HaveDependencyOnAny([.. Frameworks, Data, Shared, Features, Components, Hosting]));

        Check(violations, "Data 不得引用功能、界面或宿主",
            types.Value.That().ResideInNamespace(Data).ShouldNot()
                .HaveDependencyOnAny(Features, Components, Hosting));

        Check(violations, "Shared 不得引用功能、界面或宿主",
            types.Value.That().ResideInNamespace(Shared).ShouldNot()
                .HaveDependencyOnAny(Features, Components, Hosting));

        // Program.cs is the one place that wires the app: it lives in no namespace, so it is the only type
        // outside Hosting allowed to name Hosting.
        Check(violations, "只有 Program.cs 可以引用 Hosting",
            types.Value.That().ResideInNamespace(root).And().DoNotResideInNamespace(Hosting).ShouldNot()
                .HaveDependencyOn(Hosting));

        Check(violations, "通用组件（Components）不得引用某个功能",
            types.Value.That().ResideInNamespace(Components).And().DoNotResideInNamespace($"{Components}.Layout")
                .ShouldNot().HaveDependencyOn(Features));

        var actual = FeatureEdges();
        foreach (var (feature, targets) in actual)
        {
            var allowed = allowedFeatureEdges.TryGetValue(feature, out var list) ? list : [];
            foreach (var target in targets.Where(target => !allowed.Contains(target)))
            {
                Check(violations, $"功能 {feature} 引用了未列入允许清单的功能 {target}",
                    types.Value.That().ResideInNamespace($"{Features}.{feature}").ShouldNot()
                        .HaveDependencyOn($"{Features}.{target}"));
            }
        }

        return violations;
    }

    /// <summary>Which feature uses which, as compiled: for each feature, the other features some of its types reference.</summary>
    public IReadOnlyDictionary<string, string[]> FeatureEdges()
    {
        var features = FeatureNames();
        return features.ToDictionary(
            feature => feature,
            feature => features
                .Where(other => other != feature && !types.Value.That().ResideInNamespace($"{Features}.{feature}")
                    .ShouldNot().HaveDependencyOn($"{Features}.{other}").GetResult().IsSuccessful)
                .ToArray());
    }

    /// <summary>The features, read from the namespaces of the compiled types (a new folder is a new feature).</summary>
    public IReadOnlyList<string> FeatureNames() =>
        [.. assembly.GetTypes()
            .Select(type => type.Namespace)
            .Where(ns => ns is not null && ns.StartsWith(Features + ".", StringComparison.Ordinal))
            .Select(ns => ns![(Features.Length + 1)..].Split('.')[0])
            .Distinct()
            .Order(StringComparer.Ordinal)];

    /// <summary>A cycle in the allowed edges (A may use B and B may use A, directly or round about), or null.</summary>
    public static string? CycleIn(IReadOnlyDictionary<string, string[]> edges)
    {
        var state = new Dictionary<string, int>();
        var path = new Stack<string>();

        string? Visit(string node)
        {
            state[node] = 1;
            path.Push(node);
            foreach (var next in edges.TryGetValue(node, out var targets) ? targets : [])
            {
                if (state.GetValueOrDefault(next) == 1)
                {
                    return string.Join(" → ", path.Reverse().SkipWhile(n => n != next).Append(next));
                }

                if (state.GetValueOrDefault(next) == 0 && Visit(next) is { } cycle)
                {
                    return cycle;
                }
            }

            path.Pop();
            state[node] = 2;
            return null;
        }

        foreach (var node in edges.Keys.Order(StringComparer.Ordinal))
        {
            if (state.GetValueOrDefault(node) == 0 && Visit(node) is { } cycle)
            {
                return cycle;
            }
        }

        return null;
    }

    private static void Check(List<string> violations, string rule, ConditionList condition)
    {
        var result = condition.GetResult();
        if (!result.IsSuccessful)
        {
            violations.AddRange(result.FailingTypeNames.Select(type => $"{rule}：{type}"));
        }
    }
}

using WorkPlanTracker.Domain;

namespace WorkPlanTracker.Tests.Architecture;

public class ArchitectureTests
{
    /// <summary>
    /// Which feature may use which. A new edge is a design decision: add it here, and the test keeps the graph
    /// free of cycles. Features not listed use no other feature.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> AllowedFeatureEdges = new Dictionary<string, string[]>
    {
        // The assignment page shows its 督办单, evidence files, the unit's ledger buttons and the plan's reporting cycle.
        ["Assignments"] = ["Escalations", "Evidence", "Ledger", "Plans"],
        // The API answers and reports through the assignment service, so its rules are the pages' own.
        ["Api"] = ["Assignments"],
        // Drill-downs open assignments; a unit's page offers its ledgers and compares its years (Rollover's links).
        ["Dashboard"] = ["Assignments", "Ledger", "Rollover"],
        // The 督办 list offers the overdue ledger.
        ["Escalations"] = ["Ledger"],
        // Uploaded files pass the one upload guard.
        ["Evidence"] = ["Uploads"],
        ["Import"] = ["Units", "Uploads"],
        ["Ledger"] = ["Uploads"],
        // The plan page offers the plan's ledger and the switch of its public progress page; the units list each unit's ledger.
        ["Plans"] = ["Ledger", "PublicProgress"],
        ["Units"] = ["Ledger"],
        // The upward report is written into the upper office's fill-in workbook and printed like the ledgers; an own
        // task's "省要点第十二项" is read with the importer's numerals.
        ["UpperPlans"] = ["Import", "Ledger"],
    };

    private static readonly ArchitectureRules App = new(typeof(WorkTask).Assembly, "WorkPlanTracker");

    [Fact]
    public void The_app_keeps_its_walls()
    {
        var violations = App.Violations(AllowedFeatureEdges);

        Assert.True(violations.Count == 0, string.Join('\n', violations));
    }

    [Fact]
    public void Features_use_each_other_without_cycles()
    {
        Assert.Null(ArchitectureRules.CycleIn(AllowedFeatureEdges));
    }

    [Fact]
    public void Every_allowed_edge_names_a_real_feature()
    {
        var features = App.FeatureNames();

        Assert.Contains("Import", features);
        Assert.All(AllowedFeatureEdges, edge =>
        {
            Assert.Contains(edge.Key, features);
            Assert.All(edge.Value, target => Assert.Contains(target, features));
        });
    }

    [Fact]
    public void A_planted_violation_of_each_wall_is_caught()
    {
        var planted = new ArchitectureRules(typeof(ArchitectureTests).Assembly, "WorkPlanTracker.Tests.Architecture.Planted");
        var allowed = new Dictionary<string, string[]> { ["Alpha"] = ["Beta"] };

        var violations = planted.Violations(allowed);

        Assert.Contains(violations, v => v.StartsWith("Domain 不得引用", StringComparison.Ordinal) && v.EndsWith(".PlantedEntity", StringComparison.Ordinal));
        Assert.DoesNotContain(violations, v => v.EndsWith(".CleanEntity", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("Data 不得引用", StringComparison.Ordinal) && v.EndsWith(".PlantedDbContext", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("只有 Program.cs", StringComparison.Ordinal) && v.EndsWith(".BetaService", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("功能 Beta", StringComparison.Ordinal) && v.EndsWith(".BetaService", StringComparison.Ordinal));
        Assert.DoesNotContain(violations, v => v.StartsWith("功能 Alpha", StringComparison.Ordinal));
    }

    [Fact]
    public void A_cycle_in_the_allowed_edges_is_named()
    {
        var cycle = ArchitectureRules.CycleIn(new Dictionary<string, string[]>
        {
            ["Plans"] = ["Units"],
            ["Units"] = ["Ledger"],
            ["Ledger"] = ["Plans"],
        });

        Assert.Equal("Ledger → Plans → Units → Ledger", cycle);
    }
}

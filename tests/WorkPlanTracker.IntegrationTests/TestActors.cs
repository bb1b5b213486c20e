using WorkPlanTracker.Shared;

namespace WorkPlanTracker.IntegrationTests;

/// <summary>The actors the service tests act as: who they are is all the services look at.</summary>
public static class TestActors
{
    public static Actor Office { get; } = new("office", new HashSet<string> { AppRoles.PlanningOffice }, new HashSet<int>());

    public static Actor Leader { get; } = new("leader", new HashSet<string> { AppRoles.Leadership }, new HashSet<int>());

    public static Actor UserOf(int unitId) => new("unit-" + unitId, new HashSet<string> { AppRoles.UnitUser }, new HashSet<int> { unitId });
}

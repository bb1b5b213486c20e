using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Features.Accounts;

/// <summary>The accounts demo mode creates. Their password is public by design: demo mode is for trying the app, never for real data.</summary>
public static class DemoAccounts
{
    public const string Password = "Demo-Plan-2024";

    public static IReadOnlyList<DemoAccount> All { get; } =
    [
        new("office", "计划办公室（演示）", AppRoles.PlanningOffice, null),
        new("unit", "市数据资源局（演示）", AppRoles.UnitUser, "市数据资源局"),
        new("leader", "分管领导（演示）", AppRoles.Leadership, null),
    ];
}

public sealed record DemoAccount(string UserName, string DisplayName, string Role, string? UnitName);

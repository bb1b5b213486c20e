using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Features.Dashboard;

/// <summary>Who may open the dashboards: leaders, the planning office and administrators; unit users are refused.</summary>
public static class DashboardRoles
{
    public const string Viewers = AppRoles.Admin + "," + AppRoles.PlanningOffice + "," + AppRoles.Leadership;
}

using Hangfire.Dashboard;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Features.Reminders;

/// <summary>The Hangfire dashboard (/hangfire) is for administrators only: it can trigger and delete jobs.</summary>
public sealed class AdminDashboardAuthorization : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) =>
        context.GetHttpContext().User is { Identity.IsAuthenticated: true } user && user.IsInRole(AppRoles.Admin);
}

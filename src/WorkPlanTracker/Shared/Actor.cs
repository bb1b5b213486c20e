using WorkPlanTracker.Domain;

namespace WorkPlanTracker.Shared;

/// <summary>
/// Who is acting, as the server knows it (from the signed-in user, never from what a page sends): every
/// workflow operation takes one and checks it before touching anything.
/// </summary>
public sealed record Actor(string UserName, IReadOnlySet<string> Roles, IReadOnlySet<int> UnitIds)
{
    public bool IsPlanningOffice => Roles.Contains(AppRoles.PlanningOffice) || Roles.Contains(AppRoles.Admin);

    public bool IsLeadership => Roles.Contains(AppRoles.Leadership);

    public bool IsUnitUser => Roles.Contains(AppRoles.UnitUser);

    /// <summary>Office and leaders see every assignment; a unit user only those of their own units.</summary>
    public bool CanSee(TaskAssignment assignment) => IsPlanningOffice || IsLeadership || ActsFor(assignment);

    /// <summary>Only a unit's own users acknowledge, report and ask for closing or more time.</summary>
    public bool ActsFor(TaskAssignment assignment) => IsUnitUser && UnitIds.Contains(assignment.OrgUnitId);
}

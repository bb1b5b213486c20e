using WorkPlanTracker.Domain;

namespace WorkPlanTracker.Features.Units;

/// <summary>How the pages name a kind of unit, so the list and the add form agree.</summary>
public static class UnitKindNames
{
    public static IReadOnlyList<OrgUnitKind> All { get; } = [OrgUnitKind.Department, OrgUnitKind.Government, OrgUnitKind.Division, OrgUnitKind.Other];

    public static string Of(OrgUnitKind kind) => kind switch
    {
        OrgUnitKind.Government => "政府",
        OrgUnitKind.Division => "内设机构",
        OrgUnitKind.Other => "其他",
        _ => "部门",
    };
}

namespace WorkPlanTracker.Shared;

/// <summary>The four kinds of users (docs/DOMAIN.md, "Who uses it").</summary>
public static class AppRoles
{
    public const string Admin = "Admin";
    public const string PlanningOffice = "PlanningOffice";
    public const string UnitUser = "UnitUser";
    public const string Leadership = "Leadership";

    /// <summary>Roles allowed to import, edit and assign plans.</summary>
    public const string PlanEditors = Admin + "," + PlanningOffice;

    public static IReadOnlyList<string> All { get; } = [Admin, PlanningOffice, UnitUser, Leadership];

    public static string DisplayName(string role) => role switch
    {
        Admin => "系统管理员",
        PlanningOffice => "督办人（计划办公室）",
        UnitUser => "承办单位",
        Leadership => "领导",
        _ => role,
    };
}

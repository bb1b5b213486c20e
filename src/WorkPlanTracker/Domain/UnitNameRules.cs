namespace WorkPlanTracker.Domain;

/// <summary>How plans write unit names: which names stand for a group, and which kind of unit a name is.</summary>
public static class UnitNameRules
{
    private static readonly string[] GroupPrefixes = ["各", "相关", "有关"];
    private static readonly string[] GroupMarkers = ["各部门", "各单位", "各级", "各县", "各乡", "各镇", "各区", "各直属"];
    private static readonly string[] GroupSuffixes = ["部门", "单位", "成员单位"];
    private static readonly string[] LowerGovernments = ["县区政府", "区县政府", "县(市、区)政府", "县市区政府", "乡镇政府", "乡镇(街道)", "镇街", "县区人民政府", "县(市、区)人民政府"];

    /// <summary>True for names that stand for many units (各县(市、区)政府, 市政府部门, 相关各部门, 县区政府).</summary>
    public static bool IsGroupName(string name)
    {
        var n = name.Trim();
        if (n.Length == 0)
        {
            return false;
        }

        return GroupPrefixes.Any(n.StartsWith)
            || GroupMarkers.Any(n.Contains)
            || GroupSuffixes.Any(n.EndsWith)
            || LowerGovernments.Any(g => n.EndsWith(g, StringComparison.Ordinal));
    }

    /// <summary>A best guess of the kind of a single unit from its name; the office can correct it.</summary>
    public static OrgUnitKind GuessKind(string name)
    {
        var n = name.Trim();
        if (n.EndsWith("政府", StringComparison.Ordinal) || n.EndsWith("管委会", StringComparison.Ordinal))
        {
            return OrgUnitKind.Government;
        }

        if (n.EndsWith('处') || n.EndsWith('室') && !n.Contains("办公室", StringComparison.Ordinal) || n.EndsWith('科'))
        {
            return OrgUnitKind.Division;
        }

        return OrgUnitKind.Department;
    }
}

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

    private static readonly string[] SentenceWords =
    [
        "的", "需", "均", "以下", "以上", "不再", "要", "应当", "将", "按照", "根据", "负责", "配合", "落实", "开展", "进行",
        "会同", "分别", "其中", "并", "及时", "确保", "结合", "做好", "加强",
    ];

    private static readonly string[] UnitEndings =
    [
        "局", "委", "办", "厅", "部", "院", "会", "中心", "政府", "公司", "所", "队", "站", "处", "科", "室", "馆", "台", "社",
        "行", "团", "组", "街道", "镇", "乡", "区", "县", "市", "省", "单位", "部门", "机关", "集团", "法院", "检察院", "园",
    ];

    /// <summary>
    /// True for a "name" that reads like a piece of a sentence (以下均需各片区, 各部门要按照职责): it holds words units
    /// never contain, or it is long and does not end the way unit names end. Names of real units do not trip it.
    /// </summary>
    public static bool LooksLikeSentenceFragment(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var trimmed = name.Trim();
        if (trimmed.Length == 0)
        {
            return false;
        }

        // Parenthesised parts name the unit's second name (市财政局(国资委)); the words of the sentence are outside them.
        var outside = System.Text.RegularExpressions.Regex.Replace(trimmed, @"[(（][^)）]*[)）]", "");
        if (SentenceWords.Any(w => outside.Contains(w, StringComparison.Ordinal)))
        {
            return true;
        }

        return trimmed.Length > 16 && !UnitEndings.Any(e => outside.EndsWith(e, StringComparison.Ordinal));
    }
}

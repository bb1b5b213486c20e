using System.Text.RegularExpressions;

namespace WorkPlanTracker.Features.Import;

/// <summary>
/// The words around a list of unit names in prose that name no one: whom the list concerns ("所涉及的…"), the
/// catch-all closing it ("…财政厅等省级主管部门（单位）") and catch-alls standing alone (相关部门, 省级部门, 各级各部门).
/// </summary>
internal static partial class UnitListWording
{
    public static string StripQualifiers(string list) => TrailingCatchAll().Replace(Qualifier().Replace(list.Trim(), ""), "");

    public static bool IsCatchAll(string name) => CatchAll().IsMatch(name);

    // "所涉及的省政府办公厅、…": whom the list concerns, not a name.
    [GeneratedRegex("^所?涉及的")]
    private static partial Regex Qualifier();

    // "…农业农村处等相关处室", "…孝北村等4个乡村治理示范村", "…财政厅等省级主管部门(单位)": the catch-all after a list.
    [GeneratedRegex(@"(?<=[局委办府室会厅处部门心组村区县市省署司关构位])等[^、]{0,14}$")]
    private static partial Regex TrailingCatchAll();

    // Names of no one: 相关部门, 有关单位, 相关处室值班人员, 省级部门, 片区各有关处室, 各责任处室(单位), 各级各部门, 有关地方和部门.
    [GeneratedRegex(@"^(?:各级|(?:有关|相关|其他|其它)[^、]{0,6}?(?:部门|单位|处室|科室|机构|人员)$)|(?:有关|相关|主管|职能|责任|牵头|配合|业务|[省市县区]级|其他|其它)(?:主管|职能)?(?:部门|单位|处室|处|科室|机构)(?:\([^()]*\))?$")]
    private static partial Regex CatchAll();
}

using System.Globalization;

namespace WorkPlanTracker.Domain;

/// <summary>Pinyin order, as Chinese lists of units are read; databases sort by code point instead.</summary>
public static class ChineseOrder
{
    public static StringComparer Names { get; } = StringComparer.Create(CultureInfo.GetCultureInfo("zh-CN"), ignoreCase: false);
}

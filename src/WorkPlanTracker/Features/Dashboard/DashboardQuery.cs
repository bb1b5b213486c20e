using System.Globalization;

namespace WorkPlanTracker.Features.Dashboard;

/// <summary>
/// Reads the dashboards' query values. They are bound as text and parsed here: typed binding throws on a value
/// like <c>year=&lt;img…&gt;</c>, and a value out of range (a year of −2147483648) is ignored like a missing one.
/// </summary>
public static class DashboardQuery
{
    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    public static int? Year(string? value) => Number(value) is { } year && year is >= FirstYear and <= LastYear ? year : null;

    public static int? Month(string? value) => Number(value) is { } month && month is >= 1 and <= 12 ? month : null;

    /// <summary>A database id: a positive whole number.</summary>
    public static int? Id(string? value) => Number(value) is { } id && id > 0 ? id : null;

    private static int? Number(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;
}

namespace WorkPlanTracker.Components;

/// <summary>Dates the way Chinese readers write them: 2024年7月31日.</summary>
public static class ChineseDate
{
    public static string Format(DateOnly date) => Domain.WorkCalendar.Format(date);

    public static string Format(DateOnly? date, string whenMissing = "—") => date is { } d ? Format(d) : whenMissing;

    public static string Format(DateTime utc, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(utc, zone);
        return $"{local.Year}年{local.Month}月{local.Day}日 {local:HH:mm}";
    }
}

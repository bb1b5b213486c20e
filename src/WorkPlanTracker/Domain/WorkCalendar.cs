namespace WorkPlanTracker.Domain;

/// <summary>
/// Calendar days as the units see them. Deadlines are China dates; instants are stored in UTC. China keeps one
/// zone (UTC+8) without daylight saving, so a fixed offset turns an instant into the day it happened there.
/// </summary>
public static class WorkCalendar
{
    public static readonly TimeSpan UtcOffset = TimeSpan.FromHours(8);

    /// <summary>China Standard Time as a fixed zone (no daylight saving), independent of the server's own zone.</summary>
    public static TimeZoneInfo ChinaTime { get; } = TimeZoneInfo.CreateCustomTimeZone("China Standard Time (fixed)", UtcOffset, "中国标准时间", "中国标准时间");

    /// <summary>The China calendar day of a UTC instant (a Local-kind value is converted to UTC first).</summary>
    public static DateOnly DateOf(DateTime utc)
    {
        var value = utc.Kind == DateTimeKind.Local ? utc.ToUniversalTime() : utc;
        return DateOnly.FromDateTime(value + UtcOffset);
    }

    /// <summary>2024年7月31日, for messages.</summary>
    public static string Format(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";
}

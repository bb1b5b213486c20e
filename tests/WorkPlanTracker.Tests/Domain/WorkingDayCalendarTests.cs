using System.Globalization;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Reminders;

namespace WorkPlanTracker.Tests.Domain;

/// <summary>The shipped holiday files against the State Council's published arrangements.</summary>
public class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Calendar = HolidayCalendarFiles.Load([HolidayCalendarFiles.ShippedDirectory]);

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Ships_2024_to_2026_and_not_2027_which_is_not_yet_known()
    {
        Assert.Equal([2024, 2025, 2026], Calendar.KnownYears.Order());
        Assert.False(Calendar.HasYear(2027));
    }

    [Theory]
    [InlineData("2024-02-04")] // Sunday, Spring Festival make-up workday
    [InlineData("2024-02-18")]
    [InlineData("2024-04-07")]
    [InlineData("2024-09-29")]
    [InlineData("2024-10-12")] // Saturday after National Day
    [InlineData("2025-01-26")]
    [InlineData("2025-09-28")]
    [InlineData("2026-01-04")]
    [InlineData("2026-02-14")] // Saturday before the 2026 Spring Festival
    [InlineData("2026-02-28")]
    [InlineData("2026-11-23")] // an ordinary Monday
    public void Make_up_workdays_and_ordinary_weekdays_are_working_days(string date)
    {
        Assert.True(Calendar.IsWorkingDay(D(date)));
    }

    [Theory]
    [InlineData("2024-01-01")]
    [InlineData("2024-02-10")]
    [InlineData("2024-02-16")] // Friday inside the Spring Festival break
    [InlineData("2024-10-01")]
    [InlineData("2024-10-04")]
    [InlineData("2024-10-07")]
    [InlineData("2025-02-04")]
    [InlineData("2025-10-08")]
    [InlineData("2026-02-16")] // 除夕 2026
    [InlineData("2026-02-23")] // Monday, last day of the nine-day 2026 break
    [InlineData("2026-10-05")]
    [InlineData("2026-11-22")] // an ordinary Sunday
    public void Holidays_and_ordinary_weekends_are_not(string date)
    {
        Assert.False(Calendar.IsWorkingDay(D(date)));
    }

    [Fact]
    public void Every_day_of_the_2024_national_day_break_is_a_holiday()
    {
        for (var day = D("2024-10-01"); day <= D("2024-10-07"); day = day.AddDays(1))
        {
            Assert.True(Calendar.IsHoliday(day), day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void Working_days_are_counted_across_holidays_and_make_up_days()
    {
        // Monday 30 Sep 2024, then the whole National Day break: the next working day is Tuesday 8 Oct.
        Assert.Equal(D("2024-10-08"), Calendar.AddWorkingDays(D("2024-09-30"), 1));

        // Friday 13 Feb 2026 + 1 is the make-up Saturday 14 Feb; + 2 jumps the nine-day break to Tuesday 24 Feb.
        Assert.Equal(D("2026-02-14"), Calendar.AddWorkingDays(D("2026-02-13"), 1));
        Assert.Equal(D("2026-02-24"), Calendar.AddWorkingDays(D("2026-02-13"), 2));
        Assert.Equal(D("2026-02-13"), Calendar.AddWorkingDays(D("2026-02-24"), -2));

        // 2024-02-05 to 2024-02-19: Feb 5–9 (5), Feb 18 Sunday make-up (1), Feb 19 (1) = 7.
        Assert.Equal(7, Calendar.WorkingDaysAfter(D("2024-02-04"), D("2024-02-19")));
        Assert.Equal(D("2024-10-08"), Calendar.OnOrAfter(D("2024-10-03")));
        Assert.Equal(D("2024-09-30"), Calendar.OnOrBefore(D("2024-10-03")));
    }

    [Fact]
    public void A_file_in_the_extra_directory_adds_a_year_and_replaces_a_shipped_one()
    {
        var extra = Path.Combine(Path.GetTempPath(), "wpt-holidays", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(extra);
        try
        {
            File.WriteAllText(Path.Combine(extra, "2027.json"), """
                { "year": 2027, "holidays": [ { "name": "元旦", "from": "2027-01-01", "to": "2027-01-03" } ],
                  "workdays": [ { "name": "调休", "dates": ["2027-01-09"] } ] }
                """);
            File.WriteAllText(Path.Combine(extra, "2024.json"), """{ "year": 2024, "holidays": [], "workdays": [] }""");
            var calendar = HolidayCalendarFiles.Load([HolidayCalendarFiles.ShippedDirectory, extra]);

            Assert.True(calendar.HasYear(2027));
            Assert.False(calendar.IsWorkingDay(D("2027-01-01")));
            Assert.True(calendar.IsWorkingDay(D("2027-01-09")));
            Assert.True(calendar.IsWorkingDay(D("2024-10-08")));
            Assert.True(calendar.IsWorkingDay(D("2024-10-02")), "the replaced 2024 file has no holidays");
        }
        finally
        {
            Directory.Delete(extra, recursive: true);
        }
    }

    [Fact]
    public void A_broken_file_is_refused_with_its_name()
    {
        var extra = Path.Combine(Path.GetTempPath(), "wpt-holidays", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(extra);
        try
        {
            File.WriteAllText(Path.Combine(extra, "2028.json"), """{ "year": 2029 }""");
            var error = Assert.Throws<InvalidDataException>(() => HolidayCalendarFiles.Load([extra]));
            Assert.Contains("2028.json", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(extra, recursive: true);
        }
    }
}

using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using WorkPlanTracker.Domain;

namespace WorkPlanTracker.Features.Reminders;

/// <summary>
/// Reads the holiday files (one per year, YYYY.json: the State Council's 节假日安排 with holidays and 调休 make-up
/// workdays) shipped in holidays/ next to the app, then those in <see cref="ReminderOptions.HolidayDirectory"/>.
/// </summary>
public static class HolidayCalendarFiles
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip };

    public static string ShippedDirectory => Path.Combine(AppContext.BaseDirectory, "holidays");

    public static WorkingDayCalendar Load(IOptions<ReminderOptions> options) =>
        Load([ShippedDirectory, options.Value.HolidayDirectory]);

    public static WorkingDayCalendar Load(IEnumerable<string?> directories)
    {
        var files = new SortedDictionary<int, string>();
        foreach (var directory in directories.Where(d => !string.IsNullOrWhiteSpace(d) && Directory.Exists(d)))
        {
            foreach (var file in Directory.EnumerateFiles(directory!, "*.json"))
            {
                if (int.TryParse(Path.GetFileNameWithoutExtension(file), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
                {
                    files[year] = file;
                }
            }
        }

        var holidays = new List<DateOnly>();
        var workdays = new List<DateOnly>();
        foreach (var (year, file) in files)
        {
            var data = Read(file);
            if (data.Year != year)
            {
                throw new InvalidDataException($"节假日文件 {file} 的 year 为 {data.Year}，与文件名不符");
            }

            holidays.AddRange(Dates(data.Holidays, file));
            workdays.AddRange(Dates(data.Workdays, file));
        }

        return new WorkingDayCalendar(holidays, workdays, files.Keys);
    }

    private static HolidayFile Read(string file)
    {
        try
        {
            return JsonSerializer.Deserialize<HolidayFile>(File.ReadAllText(file), Json) ?? throw new InvalidDataException($"节假日文件 {file} 为空");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"节假日文件 {file} 格式不正确：{e.Message}", e);
        }
    }

    private static IEnumerable<DateOnly> Dates(IEnumerable<HolidayEntry>? entries, string file)
    {
        foreach (var entry in entries ?? [])
        {
            foreach (var date in entry.Dates ?? [])
            {
                yield return date;
            }

            if (entry.From is { } from)
            {
                var to = entry.To ?? from;
                if (to < from || to.DayNumber - from.DayNumber > 31)
                {
                    throw new InvalidDataException($"节假日文件 {file} 中“{entry.Name}”的起止日期不正确");
                }

                for (var day = from; day <= to; day = day.AddDays(1))
                {
                    yield return day;
                }
            }
        }
    }

    private sealed record HolidayFile(int Year, string? Source, List<HolidayEntry>? Holidays, List<HolidayEntry>? Workdays);

    private sealed record HolidayEntry(string? Name, List<DateOnly>? Dates, DateOnly? From, DateOnly? To);
}

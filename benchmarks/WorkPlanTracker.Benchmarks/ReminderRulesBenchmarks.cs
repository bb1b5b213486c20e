using BenchmarkDotNet.Attributes;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Reminders;

namespace WorkPlanTracker.Benchmarks;

/// <summary>
/// The daily reminder rules over many open assignments (deadlines spread over the year, some ongoing, some with
/// milestones and reporting cycles), with the shipped holiday calendar, in calendar days and in working days.
/// </summary>
[MemoryDiagnoser]
public class ReminderRulesBenchmarks
{
    private static readonly DateOnly Day = new(2026, 10, 9);
    private readonly WorkingDayCalendar calendar = HolidayCalendarFiles.Load([HolidayCalendarFiles.ShippedDirectory]);
    private List<ReminderCase> cases = [];

    [Params(10_000)]
    public int Assignments { get; set; }

    [Params(false, true)]
    public bool WorkingDays { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(5);
        cases = Enumerable.Range(0, Assignments).Select(i =>
        {
            var ongoing = i % 5 == 0;
            var due = new DateOnly(2026, 1, 1).AddDays(random.Next(0, 365));
            return new ReminderCase(
                i, i % 200, $"单位{i % 200}", $"一.{i % 40}", "任务", 2026, "2026年工作要点",
                (AssignmentStatus)random.Next(0, 3), ongoing, ongoing ? null : due,
                i % 3 == 0 ? [due.AddDays(-60), due.AddDays(-30)] : [],
                new DateOnly(2026, 3, 2), new DateOnly(2026, 10, 10).AddDays(-random.Next(0, 40)));
        }).ToList();
    }

    [Benchmark]
    public int DueOn() =>
        ReminderRules.DueOn(Day, cases, new ReminderSettings { CountWorkingDays = WorkingDays }, calendar).Count;
}

using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Reminders;
using Xunit.Abstractions;

namespace WorkPlanTracker.Tests.Features.Reminders;

/// <summary>
/// Every start after the daily time runs the planning job as a catch-up. On a big database that re-planned the day
/// from every open assignment and its whole report history (9–15 CPU-s a start); it now does only what is missing.
/// Counted in commands and rows read, not in time.
/// </summary>
public class ReminderStartUpCostTests(ITestOutputHelper output)
{
    private static readonly DateOnly Tuesday = new(2024, 6, 4);

    private const int ReportsPerAssignment = 24;

    [Fact]
    public async Task A_start_after_the_day_was_planned_reads_one_row_and_the_first_run_reads_one_report_per_assignment()
    {
        await using var app = await ReminderDatabase.StartAsync();
        var (assignments, reports) = await GenerateReportHistoryAsync(app);

        app.SetDay(Tuesday);
        app.Commands.Reset();
        var created = await app.Get<ReminderPlanningJob>().RunAsync();
        var first = app.Commands.Commands;
        output.WriteLine($"first run of the day: {first.Count} commands, {first.Sum(c => c.Rows)} rows read, {app.Commands.RowsFrom("ProgressReports")} from reports; {assignments} open assignments, {reports} reports");
        Assert.True(created > 0, "the day's reminders were planned");
        Assert.InRange(app.Commands.RowsFrom("ProgressReports"), 1, assignments);

        // A restart the same day, as a deployment or a crash would: new services, same database, same catch-up.
        await app.RestartAsync();
        app.Commands.Reset();
        Assert.Equal(0, await app.Get<ReminderPlanningJob>().RunAsync());
        var again = app.Commands.Commands;
        output.WriteLine($"second start: {again.Count} commands, {again.Sum(c => c.Rows)} rows read");
        Assert.Single(again);
        Assert.True(again.Sum(c => c.Rows) <= 1);
        Assert.DoesNotContain(again, c => c.Sql.Contains("\"Assignments\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_returned_latest_report_leaves_the_next_report_date_to_the_report_before_it()
    {
        await using var app = await ReminderDatabase.StartAsync();
        await using (var db = app.NewContext())
        {
            await db.Plans.Where(p => p.Id == app.PlanId).ExecuteUpdateAsync(s => s.SetProperty(p => p.ReportingCycleKind, ReportingCycleKind.Monthly).SetProperty(p => p.ReportingDay, 10));
        }

        int assignmentId;
        await using (var db = app.NewContext())
        {
            assignmentId = await db.Assignments.Where(a => a.WorkTask!.PlanId == app.PlanId && !a.WorkTask.Ongoing).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
            var returned = new ProgressReport { AssignmentId = assignmentId, ReportedAtUtc = new DateTime(2024, 7, 5, 2, 0, 0, DateTimeKind.Utc), Progress = "七月报送，被退回" };
            returned.MarkReturned("材料不全", new DateTime(2024, 7, 6, 2, 0, 0, DateTimeKind.Utc));
            db.ProgressReports.AddRange(
                new ProgressReport { AssignmentId = assignmentId, ReportedAtUtc = new DateTime(2024, 6, 5, 2, 0, 0, DateTimeKind.Utc), Progress = "六月报送" },
                returned);
            await db.SaveChangesAsync();
        }

        // Covered up to 10 June by the June report; the returned July report counts for nothing, so July's is missing.
        var due = await app.Get<ReminderPlanner>().DueOnAsync(new DateOnly(2024, 7, 11));

        Assert.Contains(due, d => d.AssignmentId == assignmentId && d.Kind == ReminderKind.ReportMissing && d.Date == new DateOnly(2024, 7, 10));
    }

    /// <summary>Two years of monthly reports on every open assignment of the published plan, a quarter of them returned.</summary>
    private static async Task<(int Assignments, int Reports)> GenerateReportHistoryAsync(ReminderDatabase app)
    {
        await using var db = app.NewContext();
        var ids = await db.Assignments.Where(a => a.WorkTask!.PlanId == app.PlanId).Select(a => a.Id).ToListAsync();
        var start = new DateTime(2022, 5, 3, 2, 0, 0, DateTimeKind.Utc);
        foreach (var id in ids)
        {
            for (var month = 0; month < ReportsPerAssignment; month++)
            {
                var at = start.AddMonths(month);
                var report = new ProgressReport { AssignmentId = id, ReportedAtUtc = at, Progress = $"第{month + 1}次报送" };
                if (month % 4 == 3)
                {
                    report.MarkReturned("请补充材料", at.AddDays(1));
                }

                db.ProgressReports.Add(report);
            }
        }

        await db.SaveChangesAsync();
        return (ids.Count, ids.Count * ReportsPerAssignment);
    }
}

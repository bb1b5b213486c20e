using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Reminders;

namespace WorkPlanTracker.IntegrationTests.Features.Reminders;

/// <summary>Hangfire runs the jobs in the real app; a restart with fresh scheduler storage sends nothing twice.</summary>
public class ReminderSchedulingTests
{
    [Fact]
    public void The_daily_time_is_china_time_written_as_a_utc_cron()
    {
        Assert.Equal("0 1 * * *", ReminderScheduler.DailyCronUtc(new TimeOnly(9, 0)));
        Assert.Equal("30 16 * * *", ReminderScheduler.DailyCronUtc(new TimeOnly(0, 30)));
    }

    [Fact]
    public async Task Hangfire_plans_and_delivers_and_a_restart_with_new_storage_adds_nothing()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "wpt-it", "reminders-hangfire-" + Guid.NewGuid().ToString("N"));
        try
        {
            int rows;
            using (var app = Scheduled(dataDirectory))
            {
                app.StartServer();
                var storage = app.Services.GetRequiredService<JobStorage>();
                using (var connection = storage.GetConnection())
                {
                    var recurring = connection.GetRecurringJobs();
                    Assert.Contains(recurring, j => j.Id == ReminderScheduler.PlanningJobId && j.Cron == "0 1 * * *");
                    Assert.Contains(recurring, j => j.Id == ReminderScheduler.SweepJobId);
                }

                await app.PublishPlanAsync();
                app.SetDay(new DateOnly(2024, 6, 4));
                app.Services.GetRequiredService<IRecurringJobManager>().Trigger(ReminderScheduler.PlanningJobId);
                rows = await UntilAllSentAsync(app);
                Assert.True(rows > 0);
            }

            // Restart: a new in-memory Hangfire storage, the same database, the same day later on; the catch-up
            // planning runs at start and the sweep every minute, and neither sends anything again.
            using (var app = Scheduled(dataDirectory))
            {
                app.Clock.SetUtcNow(new DateTimeOffset(2024, 6, 4, 5, 0, 0, TimeSpan.Zero));
                app.StartServer();
                var monitoring = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
                for (var i = 0; i < 120 && monitoring.SucceededListCount() == 0; i++)
                {
                    await Task.Delay(250);
                }

                Assert.True(monitoring.SucceededListCount() > 0, "the catch-up planning ran");
                await using var db = app.NewDbContext();
                Assert.Equal(rows, await db.ReminderDeliveries.CountAsync());
                Assert.Equal(rows, await db.UnitNotices.CountAsync(n => n.Title.StartsWith("【催办提醒】")));
            }
        }
        finally
        {
            AppFactory.DeleteDirectory(dataDirectory);
        }
    }

    private static ReminderAppFactory Scheduled(string dataDirectory)
    {
        var app = new ReminderAppFactory(dataDirectory);
        app.Settings["Reminders:RunScheduler"] = "true";
        return app;
    }

    private static async Task<int> UntilAllSentAsync(ReminderAppFactory app)
    {
        for (var i = 0; i < 160; i++)
        {
            await using var db = app.NewDbContext();
            var statuses = await db.ReminderDeliveries.Select(d => d.Status).ToListAsync();
            if (statuses.Count > 0 && statuses.All(s => s == DeliveryStatus.Sent))
            {
                return statuses.Count;
            }

            await Task.Delay(250);
        }

        var monitoring = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var failed = string.Join("\n", monitoring.FailedJobs(0, 5).Select(j => j.Value.ExceptionMessage + " " + j.Value.ExceptionDetails));
        var logs = string.Join("\n", app.LogMessages.Where(m => m.Contains("angfire", StringComparison.Ordinal) || m.Contains("rror", StringComparison.Ordinal)).Take(20));
        Assert.Fail($"Hangfire did not plan and send the reminders within 40 seconds; servers {monitoring.Servers().Count}, enqueued {monitoring.EnqueuedCount("default")}, succeeded {monitoring.SucceededListCount()}, failed: {failed}\nlogs: {logs}");
        return 0;
    }
}

using Hangfire;
using Microsoft.Extensions.Options;
using WorkPlanTracker.Domain;

namespace WorkPlanTracker.Features.Reminders;

/// <summary>
/// Registers the recurring jobs with Hangfire when the app starts (the in-memory storage forgets them on every
/// restart) and catches up at once when the app starts after today's reminder time: the planner's rows are
/// unique per day, so a catch-up after a run already made adds nothing.
/// </summary>
public sealed class ReminderScheduler(IRecurringJobManager recurring, IBackgroundJobClient jobs, IOptions<ReminderOptions> options, TimeProvider clock) : IHostedService
{
    public const string PlanningJobId = "reminder-planning";
    public const string SweepJobId = "reminder-delivery-sweep";

    /// <summary>The daily time as a cron expression in UTC (China has no daylight saving, so a fixed shift is exact).</summary>
    public static string DailyCronUtc(TimeOnly chinaTime)
    {
        var utc = chinaTime.Add(-WorkCalendar.UtcOffset);
        return $"{utc.Minute} {utc.Hour} * * *";
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var daily = options.Value.DailyTime;
        recurring.AddOrUpdate<ReminderPlanningJob>(PlanningJobId, job => job.RunAsync(CancellationToken.None), DailyCronUtc(daily), new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        recurring.AddOrUpdate<ReminderDeliveryJob>(SweepJobId, job => job.SendDueAsync(CancellationToken.None), Cron.Minutely(), new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        var chinaNow = TimeOnly.FromDateTime(clock.GetUtcNow().UtcDateTime + WorkCalendar.UtcOffset);
        if (chinaNow >= daily)
        {
            jobs.Enqueue<ReminderPlanningJob>(job => job.RunAsync(CancellationToken.None));
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Hands each new delivery row to Hangfire to send at once; the sweep catches anything Hangfire loses.</summary>
public sealed class HangfireDeliveryQueue(IBackgroundJobClient jobs) : IReminderDeliveryQueue
{
    public void Enqueue(long deliveryId) => jobs.Enqueue<ReminderDeliveryJob>(job => job.SendOneAsync(deliveryId, CancellationToken.None));
}

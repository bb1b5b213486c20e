namespace WorkPlanTracker.Features.Reminders;

/// <summary>
/// The daily job: plans today's deliveries from the database (China date of the clock) and hands each new row to
/// the queue. Safe to run any number of times a day: rows already planned are not planned again.
/// </summary>
public sealed class ReminderPlanningJob(ReminderPlanner planner, IReminderDeliveryQueue queue)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var created = await planner.CreateDeliveriesAsync(planner.Today, cancellationToken);
        foreach (var id in created)
        {
            queue.Enqueue(id);
        }

        return created.Count;
    }
}

/// <summary>Where new delivery rows go to be sent: Hangfire in the web app; nowhere in the CLI and unit tests (the sweep or the test sends them).</summary>
public interface IReminderDeliveryQueue
{
    void Enqueue(long deliveryId);
}

/// <summary>Leaves new rows for the delivery sweep.</summary>
public sealed class SweepOnlyDeliveryQueue : IReminderDeliveryQueue
{
    public void Enqueue(long deliveryId)
    {
    }
}

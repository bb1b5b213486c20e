using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WorkPlanTracker.Data;
using WorkPlanTracker.Domain;

namespace WorkPlanTracker.Features.Reminders;

/// <summary>
/// Sends delivery rows: one by id (enqueued by the planning job) or every row that is pending or due for a retry
/// (the sweep, which also picks up whatever a reset of the scheduler's storage lost). A row is claimed by a
/// conditional update before sending, so two workers never send the same row; a failure is retried with back-off.
/// </summary>
public sealed class ReminderDeliveryJob(
    IDbContextFactory<AppDbContext> dbFactory,
    ReminderMailSender mail,
    ReminderWebhookSender webhook,
    TimeProvider clock,
    IOptions<ReminderOptions> options,
    ILogger<ReminderDeliveryJob> logger)
{
    /// <summary>A send that started this long ago and never finished (the process died) is tried again.</summary>
    public static readonly TimeSpan StuckAfter = TimeSpan.FromMinutes(10);

    public async Task<int> SendDueAsync(CancellationToken cancellationToken = default)
    {
        List<long> ids;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            ids = await db.ReminderDeliveries
                .Where(DueAt(clock.GetUtcNow().UtcDateTime))
                .OrderBy(d => d.Id)
                .Select(d => d.Id)
                .ToListAsync(cancellationToken);
        }

        var sent = 0;
        foreach (var id in ids)
        {
            if (await SendOneAsync(id, cancellationToken))
            {
                sent++;
            }
        }

        return sent;
    }

    /// <summary>Sends one row if it is still due; true when it went out now.</summary>
    public async Task<bool> SendOneAsync(long deliveryId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var claimed = await db.ReminderDeliveries
            .Where(d => d.Id == deliveryId)
            .Where(DueAt(now))
            .ExecuteUpdateAsync(
                s => s.SetProperty(d => d.Status, DeliveryStatus.Sending)
                    .SetProperty(d => d.Attempts, d => d.Attempts + 1)
                    .SetProperty(d => d.LastAttemptAtUtc, now),
                cancellationToken);
        if (claimed == 0)
        {
            return false;
        }

        var delivery = await db.ReminderDeliveries.SingleAsync(d => d.Id == deliveryId, cancellationToken);
        var items = ReminderDigest.Items(delivery.ItemsJson);
        var baseUrl = options.Value.PublicBaseUrl;
        try
        {
            switch (delivery.Channel)
            {
                case ReminderChannel.Inbox:
                    // Written in the same save as the Sent status, so a retry can never leave two notices.
                    AddInboxNotice(db, delivery, items, now);
                    break;
                case ReminderChannel.Email:
                    await mail.SendAsync(delivery.Address, delivery.RecipientName, delivery.Title, ReminderDigest.PlainText(delivery.RecipientName, items, baseUrl), cancellationToken);
                    break;
                case ReminderChannel.Webhook:
                    await webhook.SendAsync(delivery.Address, delivery.WebhookKind, delivery.Title, ReminderDigest.Markdown(delivery.Title, items, baseUrl), cancellationToken);
                    break;
            }

            delivery.RecordSent(now);
            await db.SaveChangesAsync(CancellationToken.None);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "催办提醒 {Id}（{Channel} → {Recipient}）第 {Attempt} 次发送失败", delivery.Id, delivery.Channel, delivery.RecipientName, delivery.Attempts);
            db.ChangeTracker.Clear();
            var row = await db.ReminderDeliveries.SingleAsync(d => d.Id == deliveryId, CancellationToken.None);
            row.RecordFailure(e is ReminderSendException ? e.Message : $"{e.GetType().Name}：{e.Message}", now, options.Value.RetryDelay, options.Value.MaxAttempts);
            await db.SaveChangesAsync(CancellationToken.None);
            return false;
        }
    }

    /// <summary>A row to send at <paramref name="now"/>: new, waiting for a retry that is due, or stuck in a send that never finished.</summary>
    private static Expression<Func<ReminderDelivery, bool>> DueAt(DateTime now)
    {
        var stuck = now - StuckAfter;
        return d => d.Status == DeliveryStatus.Pending
            || (d.Status == DeliveryStatus.Retrying && d.NextAttemptAtUtc <= now)
            || (d.Status == DeliveryStatus.Sending && d.LastAttemptAtUtc <= stuck);
    }

    private static void AddInboxNotice(AppDbContext db, ReminderDelivery delivery, IReadOnlyList<ReminderItem> items, DateTime now)
    {
        var body = ReminderDigest.PlainText(delivery.RecipientName, items, baseUrl: null);
        if (delivery.OrgUnitId is { } unitId && delivery.UserId is null)
        {
            db.UnitNotices.Add(new UnitNotice
            {
                OrgUnitId = unitId,
                Title = delivery.Title,
                Body = body.Length > 2000 ? body[..1990] + "……" : body,
                Link = "assignments",
                CreatedAtUtc = now,
            });
        }
        else if (delivery.UserId is { } userId)
        {
            db.PersonalNotices.Add(new PersonalNotice
            {
                UserId = userId,
                Title = delivery.Title,
                Body = body.Length > 4000 ? body[..3990] + "……" : body,
                Link = "escalations",
                CreatedAtUtc = now,
            });
        }
    }
}

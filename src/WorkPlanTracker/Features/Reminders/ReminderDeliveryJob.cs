using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WorkPlanTracker.Data;
using WorkPlanTracker.Domain;

namespace WorkPlanTracker.Features.Reminders;

/// <summary>
/// Sends delivery rows: one by id (enqueued by the planning job) or every row that is pending or due for a retry
/// (the sweep, which also picks up whatever a reset of the scheduler's storage lost). A row is claimed by a
/// conditional update before sending, so two workers never send the same row; a failure is retried with back-off;
/// a robot that did not answer in time is marked 超时未确认 and left to the office. Delivery is at least once: a
/// crash between the server's acceptance and the record leaves the row 发送中, sent again after <see cref="StuckAfter"/>.
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

    /// <summary>
    /// Sends every due row, <see cref="ReminderOptions.MaxParallelSends"/> at a time, each in its own context: a robot
    /// that hangs until its timeout holds up one slot, not every later row.
    /// </summary>
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
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxParallelSends, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(ids, parallel, async (id, token) =>
        {
            if (await SendOneAsync(id, token))
            {
                Interlocked.Increment(ref sent);
            }
        });

        return sent;
    }

    /// <summary>
    /// Sends one row if it is still due; true when it went out now. The address is read from the recipient's contact
    /// at this moment (the office may have corrected it since the day was planned) and recorded on the row.
    /// </summary>
    public async Task<bool> SendOneAsync(long deliveryId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        int claimed;
        await Writes.WaitAsync(cancellationToken);
        try
        {
            claimed = await db.ReminderDeliveries
                .Where(d => d.Id == deliveryId)
                .Where(DueAt(now))
                .ExecuteUpdateAsync(
                    s => s.SetProperty(d => d.Status, DeliveryStatus.Sending)
                        .SetProperty(d => d.Attempts, d => d.Attempts + 1)
                        .SetProperty(d => d.LastAttemptAtUtc, now),
                    cancellationToken);
        }
        finally
        {
            Writes.Release();
        }
        if (claimed == 0)
        {
            return false;
        }

        var delivery = await db.ReminderDeliveries.SingleAsync(d => d.Id == deliveryId, cancellationToken);
        var items = ReminderDigest.Items(delivery.ItemsJson);
        var baseUrl = options.Value.PublicBaseUrl;
        try
        {
            if (delivery.Channel != ReminderChannel.Inbox && await CurrentAddressAsync(db, delivery, cancellationToken) is { } current)
            {
                delivery.Address = current.Address;
                delivery.WebhookKind = current.Kind;
                await SaveAsync(db, cancellationToken);
            }

            switch (delivery.Channel)
            {
                case ReminderChannel.Inbox:
                    // Written in the same save as the Sent status, so a retry can never leave two notices.
                    AddInboxNotice(db, delivery, items, now);
                    delivery.RecordSent(now);
                    delivery.LogAttempt(now, "已送达站内消息");
                    await SaveAsync(db, CancellationToken.None);
                    break;
                case ReminderChannel.Email:
                    await mail.SendAsync(
                        delivery.Address,
                        ReminderDigest.Addressee(delivery.RecipientName),
                        delivery.Title,
                        ReminderDigest.PlainText(delivery.RecipientName, items, baseUrl),
                        ReminderDigest.MessageId(delivery, options.Value.Installation),
                        async () =>
                        {
                            delivery.RecordSent(now);
                            delivery.LogAttempt(now, "邮件服务器已接收");
                            await SaveAsync(db, CancellationToken.None);
                        },
                        cancellationToken);
                    break;
                case ReminderChannel.Webhook:
                    var parts = ReminderDigest.MarkdownParts(delivery.Title, items, baseUrl, ReminderWebhookSender.MarkdownLimit(delivery.WebhookKind));
                    await webhook.SendAsync(delivery.Address, delivery.WebhookKind, delivery.Title, parts, Math.Min(delivery.PartsSent, parts.Count), async part =>
                    {
                        delivery.PartsSent = part + 1;
                        if (part == parts.Count - 1)
                        {
                            delivery.RecordSent(now);
                            delivery.LogAttempt(now, parts.Count == 1 ? "机器人已接收" : $"机器人已接收（共 {parts.Count} 条）");
                        }

                        await SaveAsync(db, CancellationToken.None);
                    }, cancellationToken);
                    break;
            }

            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The technical text stays here, in the server log; the office's log gets what happened in Chinese.
            logger.LogWarning(e, "催办提醒 {Id}（{Channel} → {Recipient} {Address}）第 {Attempt} 次发送失败", delivery.Id, delivery.Channel, delivery.RecipientName, delivery.Address, delivery.Attempts);
            var (text, unconfirmed) = ReminderSendErrors.Describe(e, delivery.Channel);
            db.ChangeTracker.Clear();
            var row = await db.ReminderDeliveries.SingleAsync(d => d.Id == deliveryId, CancellationToken.None);
            if (unconfirmed)
            {
                row.RecordUnconfirmed(text, now);
            }
            else
            {
                row.RecordFailure(text, now, options.Value.RetryDelay, options.Value.MaxAttempts);
            }

            row.LogAttempt(now, text);
            await SaveAsync(db, CancellationToken.None);
            return false;
        }
    }

    /// <summary>
    /// Rows are sent side by side, but their writes go one at a time: SQLite has a single writer, and contexts that
    /// write at the same moment fail with "database is locked" instead of waiting (seen with four robots at once).
    /// </summary>
    private static readonly SemaphoreSlim Writes = new(1, 1);

    private static async Task SaveAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        await Writes.WaitAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            Writes.Release();
        }
    }

    /// <summary>The recipient's address for the row's channel as the contacts say now; null when they name none (the planned one is kept).</summary>
    private static async Task<(string Address, WebhookKind Kind)?> CurrentAddressAsync(AppDbContext db, ReminderDelivery delivery, CancellationToken cancellationToken)
    {
        var key = delivery.RecipientKey;
        ReminderContact? contact = null;
        if ((key.StartsWith("unit:", StringComparison.Ordinal) || key.StartsWith("leader:", StringComparison.Ordinal)) && delivery.OrgUnitId is { } unitId)
        {
            contact = await db.ReminderContacts.AsNoTracking().SingleOrDefaultAsync(c => c.OrgUnitId == unitId, cancellationToken);
        }
        else if (delivery.UserId is { } userId)
        {
            contact = await db.ReminderContacts.AsNoTracking().SingleOrDefaultAsync(c => c.UserId == userId, cancellationToken);
        }

        var address = key.StartsWith("leader:", StringComparison.Ordinal) ? contact?.LeaderEmail
            : delivery.Channel == ReminderChannel.Email ? contact?.Email
            : contact?.WebhookUrl;
        return string.IsNullOrWhiteSpace(address) ? null : (address.Trim(), contact!.WebhookKind);
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

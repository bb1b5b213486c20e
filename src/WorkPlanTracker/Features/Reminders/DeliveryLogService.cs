using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Data;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Features.Reminders;

/// <summary>The delivery log (发送记录) for the planning office: every planned digest with its status, newest first.</summary>
public sealed class DeliveryLogService(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<IReadOnlyList<ReminderDelivery>> SearchAsync(Actor actor, DeliveryLogFilter filter, CancellationToken cancellationToken = default)
    {
        if (!actor.IsPlanningOffice)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.ReminderDeliveries.AsNoTracking();
        if (filter.From is { } from)
        {
            query = query.Where(d => d.Day >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(d => d.Day <= to);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(d => d.Status == status);
        }

        if (filter.Channel is { } channel)
        {
            query = query.Where(d => d.Channel == channel);
        }

        if (!string.IsNullOrWhiteSpace(filter.Recipient))
        {
            var text = filter.Recipient.Trim();
            query = query.Where(d => d.RecipientName.Contains(text) || d.Address.Contains(text));
        }

        return await query.OrderByDescending(d => d.Day).ThenByDescending(d => d.Id).Take(Math.Clamp(filter.Take, 1, 1000)).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Sends a failed or unconfirmed delivery once more at the next sweep (the office fixed an address or the server,
    /// or found the robot's message missing in the group). The address is read again when it is sent; the attempts
    /// made so far stay counted and listed, and the retry budget starts afresh.
    /// </summary>
    public async Task<Outcome> RetryAsync(Actor actor, long id, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        if (!actor.IsPlanningOffice)
        {
            return Refusals.NotPermitted;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.ReminderDeliveries.SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (row is null || !row.CanResend)
        {
            return Outcome.Invalid("只有发送失败或超时未确认的记录可以重新发送。");
        }

        var status = row.Status;
        var attempts = row.Attempts;
        row.LogAttempt(nowUtc, $"{actor.UserName} 安排重新发送");

        // The status in the condition makes two clicks (or a click racing the sweep) resend once.
        var changed = await db.ReminderDeliveries.Where(d => d.Id == id && d.Status == status && d.Attempts == attempts)
            .ExecuteUpdateAsync(
                s => s.SetProperty(d => d.Status, DeliveryStatus.Retrying)
                    .SetProperty(d => d.NextAttemptAtUtc, nowUtc)
                    .SetProperty(d => d.AttemptsBeforeResend, attempts)
                    .SetProperty(d => d.AttemptLog, row.AttemptLog),
                cancellationToken);
        if (changed == 0)
        {
            return Outcome.Conflict("这条记录刚刚已被处理，请刷新后查看。");
        }

        return Outcome.Ok("已安排重新发送。");
    }
}

public sealed class DeliveryLogFilter
{
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public DeliveryStatus? Status { get; set; }
    public ReminderChannel? Channel { get; set; }
    public string? Recipient { get; set; }
    public int Take { get; set; } = 300;
}

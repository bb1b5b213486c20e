namespace WorkPlanTracker.Domain;

/// <summary>
/// One digest (催办提醒汇总) for one recipient on one channel on one day, kept in the app's own database so nothing
/// is lost when the scheduler's storage is reset. The unique (RecipientKey, Channel, Day) makes a second message on
/// the same day impossible, also after a restart or a retry.
/// </summary>
public class ReminderDelivery
{
    public long Id { get; set; }

    /// <summary>"unit:12" (the unit), "leader:12" (its leader contact), "user:{id}" (a person).</summary>
    public string RecipientKey { get; set; } = "";
    public string RecipientName { get; set; } = "";
    public int? OrgUnitId { get; set; }
    public string? UserId { get; set; }
    public ReminderChannel Channel { get; set; }

    /// <summary>Email address or webhook URL at planning time; empty for the inbox.</summary>
    public string Address { get; set; } = "";
    public WebhookKind WebhookKind { get; set; }

    /// <summary>China date the digest is for.</summary>
    public DateOnly Day { get; set; }

    public string Title { get; set; } = "";

    /// <summary>The items as JSON (<c>ReminderItem</c> list), so the message can be rebuilt and the log shows them.</summary>
    public string ItemsJson { get; set; } = "[]";
    public int ItemCount { get; set; }

    public DeliveryStatus Status { get; set; } = DeliveryStatus.Pending;
    public int Attempts { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? NextAttemptAtUtc { get; set; }
    public DateTime? LastAttemptAtUtc { get; set; }
    public string? LastError { get; set; }
    public DateTime? SentAtUtc { get; set; }

    /// <summary>
    /// Records a failed attempt: retried after <paramref name="baseDelay"/> × 2^(attempts−1), or Failed for good after
    /// <paramref name="maxAttempts"/> attempts.
    /// </summary>
    public void RecordFailure(string error, DateTime nowUtc, TimeSpan baseDelay, int maxAttempts)
    {
        LastError = error.Length > 1000 ? error[..1000] : error;
        LastAttemptAtUtc = nowUtc;
        if (Attempts >= maxAttempts)
        {
            Status = DeliveryStatus.Failed;
            NextAttemptAtUtc = null;
            return;
        }

        Status = DeliveryStatus.Retrying;
        NextAttemptAtUtc = nowUtc + baseDelay * Math.Pow(2, Math.Max(0, Attempts - 1));
    }

    public void RecordSent(DateTime nowUtc)
    {
        Status = DeliveryStatus.Sent;
        SentAtUtc = nowUtc;
        LastAttemptAtUtc = nowUtc;
        NextAttemptAtUtc = null;
        LastError = null;
    }
}

public enum ReminderChannel
{
    Inbox = 0,
    Email = 1,
    Webhook = 2,
}

public enum DeliveryStatus
{
    /// <summary>Planned, not tried yet.</summary>
    Pending = 0,

    /// <summary>Being sent right now (claimed by one sender).</summary>
    Sending = 1,
    Sent = 2,

    /// <summary>Failed, will be tried again at NextAttemptAtUtc.</summary>
    Retrying = 3,

    /// <summary>Failed on every attempt; the office sees it in the log.</summary>
    Failed = 4,
}

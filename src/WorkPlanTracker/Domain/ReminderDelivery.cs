namespace WorkPlanTracker.Domain;

/// <summary>
/// One digest (催办提醒汇总) for one recipient on one channel on one day, kept in the app's own database so nothing
/// is lost when the scheduler's storage is reset. The unique (RecipientKey, Channel, Day) makes a second digest on
/// the same day impossible; the items it carried are also kept per recipient in <see cref="ReminderSentItem"/>.
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

    /// <summary>Email address or webhook URL last used (resolved from the contact at each send); empty for the inbox.</summary>
    public string Address { get; set; } = "";
    public WebhookKind WebhookKind { get; set; }

    /// <summary>China date the digest is for.</summary>
    public DateOnly Day { get; set; }

    public string Title { get; set; } = "";

    /// <summary>The items as JSON (<c>ReminderItem</c> list), so the message can be rebuilt and the log shows them.</summary>
    public string ItemsJson { get; set; } = "[]";
    public int ItemCount { get; set; }

    /// <summary>Changed by the Record… methods here, or in one conditional UPDATE where a sender claims the row or the office resends it.</summary>
    public DeliveryStatus Status { get; private set; } = DeliveryStatus.Pending;
    public int Attempts { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? NextAttemptAtUtc { get; set; }
    public DateTime? LastAttemptAtUtc { get; set; }
    public string? LastError { get; set; }
    public DateTime? SentAtUtc { get; private set; }

    /// <summary>Attempts made before the office last pressed 重新发送: the retry budget counts from there, the history keeps them.</summary>
    public int AttemptsBeforeResend { get; set; }

    /// <summary>Parts of a split chat robot message already accepted, so a retry sends only the rest.</summary>
    public int PartsSent { get; set; }

    /// <summary>One line per attempt (China time, address, outcome), newest last, so a resend never hides what happened before.</summary>
    public string AttemptLog { get; set; } = "";

    /// <summary>Appends one attempt to <see cref="AttemptLog"/>, dropping the oldest lines when it grows too long.</summary>
    public void LogAttempt(DateTime nowUtc, string outcome)
    {
        var line = $"{WorkCalendar.Format(WorkCalendar.DateOf(nowUtc))} {(nowUtc + WorkCalendar.UtcOffset):HH:mm:ss} 第 {Attempts} 次{(Address.Length > 0 ? " → " + Address : "")}：{outcome}";
        var log = AttemptLog.Length == 0 ? line : AttemptLog + "\n" + line;
        while (log.Length > MaxAttemptLog && log.IndexOf('\n', StringComparison.Ordinal) is > 0 and var cut)
        {
            log = log[(cut + 1)..];
        }

        AttemptLog = log.Length > MaxAttemptLog ? log[^MaxAttemptLog..] : log;
    }

    public const int MaxAttemptLog = 4000;

    /// <summary>
    /// Records a failed attempt: retried after <paramref name="baseDelay"/> × 2^(attempts−1), or Failed for good after
    /// <paramref name="maxAttempts"/> attempts.
    /// </summary>
    public void RecordFailure(string error, DateTime nowUtc, TimeSpan baseDelay, int maxAttempts)
    {
        LastError = error.Length > 1000 ? error[..1000] : error;
        LastAttemptAtUtc = nowUtc;
        if (Attempts - AttemptsBeforeResend >= maxAttempts)
        {
            Status = DeliveryStatus.Failed;
            NextAttemptAtUtc = null;
            return;
        }

        Status = DeliveryStatus.Retrying;
        NextAttemptAtUtc = nowUtc + baseDelay * Math.Pow(2, Math.Max(0, Attempts - AttemptsBeforeResend - 1));
    }

    /// <summary>
    /// A chat robot took the post but did not answer in time: it may well have shown it. Not retried blindly (the
    /// group would see it again each time); the office looks at the group and resends by hand if it never arrived.
    /// </summary>
    public void RecordUnconfirmed(string error, DateTime nowUtc)
    {
        LastError = error.Length > 1000 ? error[..1000] : error;
        LastAttemptAtUtc = nowUtc;
        Status = DeliveryStatus.Unconfirmed;
        NextAttemptAtUtc = null;
    }

    /// <summary>The office's 重新发送: due at once with a fresh retry budget; the attempts so far stay counted and logged.</summary>
    public bool CanResend => Status is DeliveryStatus.Failed or DeliveryStatus.Unconfirmed;

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

    /// <summary>Handed over but not confirmed (a chat robot that answered too late): not retried automatically (超时未确认).</summary>
    Unconfirmed = 5,
}

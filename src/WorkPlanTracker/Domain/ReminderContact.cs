namespace WorkPlanTracker.Domain;

/// <summary>
/// How one unit or one user wants reminders (提醒方式): the chosen channels and their addresses. A unit's row is
/// kept by the planning office and may name a leader contact (分管领导) who receives escalations; a user's row is
/// the person's own choice. Without a row a unit or user gets the in-app inbox only.
/// </summary>
public class ReminderContact : IAudited
{
    public int Id { get; set; }

    /// <summary>Set for a unit's contact; exactly one of this and <see cref="UserId"/> is set.</summary>
    public int? OrgUnitId { get; set; }
    public OrgUnit? OrgUnit { get; set; }

    /// <summary>Set for a user's own preferences (Identity user id).</summary>
    public string? UserId { get; set; }

    public ReminderChannels Channels { get; set; } = ReminderChannels.Inbox;
    public string? Email { get; set; }
    public string? WebhookUrl { get; set; }
    public WebhookKind WebhookKind { get; set; } = WebhookKind.WeCom;

    /// <summary>The unit's leader contact for escalations (unit rows only).</summary>
    public string? LeaderName { get; set; }
    public string? LeaderEmail { get; set; }

    /// <summary>What is wrong with the addresses for the chosen channels, in Chinese; null when fine.</summary>
    public string? ValidationError()
    {
        if (Channels.HasFlag(ReminderChannels.Email) && !LooksLikeEmail(Email))
        {
            return "选择了邮件提醒，请填写正确的邮箱地址";
        }

        if (Channels.HasFlag(ReminderChannels.Webhook)
            && !(Uri.TryCreate(WebhookUrl, UriKind.Absolute, out var url) && url.Scheme is "https" or "http"))
        {
            return "选择了群机器人提醒，请填写以 https:// 开头的机器人地址（Webhook）";
        }

        return !string.IsNullOrWhiteSpace(LeaderEmail) && !LooksLikeEmail(LeaderEmail) ? "分管领导的邮箱地址不正确" : null;
    }

    public static bool LooksLikeEmail(string? value) =>
        !string.IsNullOrWhiteSpace(value) && value.Trim() is var v && v.IndexOf('@', StringComparison.Ordinal) is > 0 and var at
        && at < v.Length - 3 && v.IndexOf('.', at) > at + 1 && !v.Contains(' ', StringComparison.Ordinal);
}

[Flags]
public enum ReminderChannels
{
    None = 0,

    /// <summary>站内消息: the bell in the top bar.</summary>
    Inbox = 1,
    Email = 2,

    /// <summary>Group chat robot (企业微信 / 钉钉 群机器人).</summary>
    Webhook = 4,
}

public enum WebhookKind
{
    /// <summary>企业微信群机器人: {"msgtype":"markdown","markdown":{"content":…}}.</summary>
    WeCom = 0,

    /// <summary>钉钉群机器人: {"msgtype":"markdown","markdown":{"title":…,"text":…}}.</summary>
    DingTalk = 1,
}

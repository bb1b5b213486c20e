using System.ComponentModel.DataAnnotations;
using System.Globalization;
using MailKit.Security;

namespace WorkPlanTracker.Features.Reminders;

/// <summary>Reminder scheduling (<c>Reminders</c> in configuration).</summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>Run the Hangfire server with the daily planning and the delivery sweep; off for the CLI and tests that call the jobs themselves.</summary>
    public bool RunScheduler { get; set; } = true;

    /// <summary>China time of day ("HH:mm") the daily reminders go out; a start later that day catches up at once.</summary>
    [RegularExpression("^([01][0-9]|2[0-3]):[0-5][0-9]$", ErrorMessage = "Reminders:DailyAt 须为 HH:mm 格式的时间，例如 09:00")]
    public string DailyAt { get; set; } = "09:00";

    /// <summary>Extra folder of holiday files (YYYY.json), read after the shipped ones; a year found here replaces the shipped file.</summary>
    public string? HolidayDirectory { get; set; }

    /// <summary>Attempts per delivery before it is marked failed.</summary>
    [Range(1, 20, ErrorMessage = "Reminders:MaxAttempts 须在 1 至 20 之间")]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Wait before the first retry; each further retry waits twice as long.</summary>
    [Range(1, 86400, ErrorMessage = "Reminders:RetryDelaySeconds 须在 1 至 86400 之间")]
    public int RetryDelaySeconds { get; set; } = 60;

    /// <summary>Address of the app as users reach it (e.g. https://duban.example.gov.cn/), for links in mail and chat; empty: no links.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>How long a chat robot may take to answer; a post answered later is marked 超时未确认, never repeated blindly.</summary>
    [Range(1, 300, ErrorMessage = "Reminders:WebhookTimeoutSeconds 须在 1 至 300 之间")]
    public int WebhookTimeoutSeconds { get; set; } = 30;

    /// <summary>Deliveries the sweep sends at the same time, so one hung mail server or robot delays nobody else.</summary>
    [Range(1, 32, ErrorMessage = "Reminders:MaxParallelSends 须在 1 至 32 之间")]
    public int MaxParallelSends { get; set; } = 4;

    /// <summary>Names this installation in each reminder mail's Message-ID; empty: the host of PublicBaseUrl, else "workplantracker.local".</summary>
    [RegularExpression("^[A-Za-z0-9.-]*$", ErrorMessage = "Reminders:InstallationId 只能包含字母、数字、点和连字符")]
    public string? InstallationId { get; set; }

    public string Installation =>
        !string.IsNullOrWhiteSpace(InstallationId) ? InstallationId
        : Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var url) && url.Host.Length > 0 ? url.Host
        : "workplantracker.local";

    public TimeSpan RetryDelay => TimeSpan.FromSeconds(RetryDelaySeconds);

    public TimeOnly DailyTime => TimeOnly.ParseExact(DailyAt, "HH:mm", CultureInfo.InvariantCulture);
}

/// <summary>The SMTP server reminder mail goes through (<c>Reminders:Smtp</c>). Without a host, mail is not sent and such deliveries fail with a message saying so.</summary>
public sealed class ReminderSmtpOptions
{
    public const string Section = "Reminders:Smtp";

    public string? Host { get; set; }

    [Range(1, 65535, ErrorMessage = "Reminders:Smtp:Port 须在 1 至 65535 之间")]
    public int Port { get; set; } = 25;

    /// <summary>None, Auto, SslOnConnect, StartTls or StartTlsWhenAvailable.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;

    public string? UserName { get; set; }
    public string? Password { get; set; }

    /// <summary>Sender address, required when a host is set.</summary>
    public string? From { get; set; }

    public string FromName { get; set; } = "工作计划督办台";

    [Range(1, 600, ErrorMessage = "Reminders:Smtp:TimeoutSeconds 须在 1 至 600 之间")]
    public int TimeoutSeconds { get; set; } = 30;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    public string? ValidationError() =>
        IsConfigured && !Domain.ReminderContact.LooksLikeEmail(From) ? "配置了 Reminders:Smtp:Host 时须同时配置发件地址 Reminders:Smtp:From" : null;
}

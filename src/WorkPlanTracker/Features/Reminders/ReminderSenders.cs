using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;
using WorkPlanTracker.Domain;

namespace WorkPlanTracker.Features.Reminders;

/// <summary>Sends a digest by mail through the configured SMTP server (MailKit).</summary>
public sealed class ReminderMailSender(IOptions<ReminderSmtpOptions> options)
{
    public async Task SendAsync(string to, string toName, string subject, string body, CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        if (!smtp.IsConfigured)
        {
            throw new ReminderSendException("未配置邮件服务器（Reminders:Smtp:Host），无法发送邮件");
        }

        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(smtp.FromName, smtp.From!));
        message.To.Add(new MailboxAddress(toName, to));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = body };

        using var client = new SmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
        await client.ConnectAsync(smtp.Host!, smtp.Port, smtp.Security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}

/// <summary>Posts a digest to a group chat robot in the format its platform expects (企业微信 or 钉钉 markdown).</summary>
public sealed class ReminderWebhookSender(IHttpClientFactory httpFactory)
{
    public const string HttpClientName = "reminder-webhook";

    public static JsonObject Payload(WebhookKind kind, string title, string markdown) => kind switch
    {
        WebhookKind.DingTalk => new JsonObject
        {
            ["msgtype"] = "markdown",
            ["markdown"] = new JsonObject { ["title"] = title, ["text"] = markdown },
        },
        _ => new JsonObject
        {
            ["msgtype"] = "markdown",
            ["markdown"] = new JsonObject { ["content"] = markdown },
        },
    };

    public async Task SendAsync(string url, WebhookKind kind, string title, string markdown, CancellationToken cancellationToken)
    {
        var client = httpFactory.CreateClient(HttpClientName);
        using var response = await client.PostAsJsonAsync(url, Payload(kind, title, markdown), cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new ReminderSendException($"群机器人返回 HTTP {(int)response.StatusCode}：{Shorten(text)}");
        }

        // Both robots answer 200 with {"errcode":0,...}; any other errcode (bad key, too many messages) is a failure.
        if (TryErrorCode(text) is { } code && code != 0)
        {
            throw new ReminderSendException($"群机器人拒绝了消息（errcode {code}）：{Shorten(text)}");
        }
    }

    private static long? TryErrorCode(string text)
    {
        try
        {
            return JsonNode.Parse(text)?["errcode"]?.GetValue<long>();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    private static string Shorten(string text) => text.Length > 200 ? text[..200] : text;
}

/// <summary>A send that failed for a reason worth showing in the delivery log as is.</summary>
public sealed class ReminderSendException(string message) : Exception(message);

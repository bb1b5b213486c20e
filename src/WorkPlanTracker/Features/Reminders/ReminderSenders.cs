using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using WorkPlanTracker.Domain;

namespace WorkPlanTracker.Features.Reminders;

/// <summary>Sends a digest by mail through the configured SMTP server (MailKit).</summary>
public sealed class ReminderMailSender(IOptions<ReminderSmtpOptions> options)
{
    /// <summary>
    /// Hands the message to the server and calls <paramref name="accepted"/> as soon as the server took it, before
    /// saying goodbye: the record is written in the smallest window after the hand-over that SMTP allows.
    /// </summary>
    public async Task SendAsync(string to, string toName, string subject, string body, string messageId, Func<Task> accepted, CancellationToken cancellationToken)
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
        message.MessageId = messageId;
        message.Body = new TextPart("plain") { Text = body };

        using var client = new SmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
        await client.ConnectAsync(smtp.Host!, smtp.Port, smtp.Security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await accepted();
        try
        {
            await client.DisconnectAsync(quit: true, CancellationToken.None);
        }
        catch (Exception e) when (e is IOException or SmtpProtocolException or SocketException or TimeoutException)
        {
            // The message is accepted and recorded; a server that hangs up before QUIT changes nothing.
        }
    }
}

/// <summary>Posts a digest to a group chat robot in the format its platform expects (企业微信 or 钉钉 markdown).</summary>
public sealed class ReminderWebhookSender(IHttpClientFactory httpFactory)
{
    public const string HttpClientName = "reminder-webhook";

    /// <summary>企业微信: markdown.content is at most 4,096 bytes of UTF-8 (the robot answers errcode 40058 beyond).</summary>
    public const int WeComMarkdownLimit = 4096;

    /// <summary>
    /// 钉钉 publishes no byte limit for a custom robot's markdown text that we could confirm; we keep to a conservative
    /// 4,000 bytes of UTF-8 (below 企业微信's documented 4,096).
    /// </summary>
    public const int DingTalkMarkdownLimit = 4000;

    public static int MarkdownLimit(WebhookKind kind) => kind == WebhookKind.DingTalk ? DingTalkMarkdownLimit : WeComMarkdownLimit;

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

    /// <summary>Posts <paramref name="parts"/> from <paramref name="firstPart"/> on, calling <paramref name="accepted"/> after each one the robot took.</summary>
    public async Task SendAsync(string url, WebhookKind kind, string title, IReadOnlyList<string> parts, int firstPart, Func<int, Task> accepted, CancellationToken cancellationToken)
    {
        var client = httpFactory.CreateClient(HttpClientName);
        for (var part = firstPart; part < parts.Count; part++)
        {
            using var response = await client.PostAsJsonAsync(url, Payload(kind, title, parts[part]), cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new ReminderSendException($"服务器返回错误 {(int)response.StatusCode}", technical: Shorten(text));
            }

            // Both robots answer 200 with {"errcode":0,...}; any other errcode (bad key, too many messages) is a failure.
            if (TryErrorCode(text) is { } code && code != 0)
            {
                throw new ReminderSendException($"机器人返回错误码 {code}{ErrorCodeMeaning(code)}", technical: Shorten(text));
            }

            await accepted(part);
        }
    }

    private static string ErrorCodeMeaning(long code) => code switch
    {
        40058 => "（消息内容不合规或超出长度限制）",
        93000 => "（机器人地址无效或已被删除）",
        45009 or 130101 => "（发送太频繁，稍后会重试）",
        310000 => "（不符合钉钉机器人的安全设置：关键词、加签或 IP 地址）",
        300001 or 400013 => "（机器人地址无效）",
        _ => "",
    };

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

/// <summary>A send that failed for a reason the office should read as is (in Chinese); the technical detail goes to the server log.</summary>
public sealed class ReminderSendException(string message, string? technical = null) : Exception(technical is null ? message : $"{message}：{technical}")
{
    public string Chinese { get; } = message;
}

/// <summary>What the office's delivery log says about a failed send: what happened, in Chinese, never an exception's English text.</summary>
public static class ReminderSendErrors
{
    /// <summary>The Chinese text, and whether the message may well have arrived (a robot that did not answer in time).</summary>
    public static (string Text, bool Unconfirmed) Describe(Exception error, ReminderChannel channel)
    {
        var server = channel == ReminderChannel.Email ? "邮件服务器" : "机器人服务器";
        switch (error)
        {
            case ReminderSendException known:
                return (known.Chinese, false);
            case TaskCanceledException or TimeoutException when channel == ReminderChannel.Webhook:
                return ("超时未响应：消息可能已经送达，为免群里重复收到，未自动重发；请到群里确认，未收到可点“重新发送”", true);
            case TimeoutException or TaskCanceledException:
                return ($"{server}超时未响应，稍后重试", false);
            case SmtpCommandException command:
                return (command.ErrorCode switch
                {
                    SmtpErrorCode.RecipientNotAccepted => $"邮件服务器拒收这个收件地址（错误 {(int)command.StatusCode}），请检查邮箱地址",
                    SmtpErrorCode.SenderNotAccepted => $"邮件服务器不接受发件地址（错误 {(int)command.StatusCode}），请检查 Reminders:Smtp:From",
                    _ => $"邮件服务器拒绝了邮件（错误 {(int)command.StatusCode}）",
                }, false);
            case AuthenticationException:
                return ("邮件服务器登录失败，请检查用户名和密码", false);
            case SslHandshakeException:
                return ($"与{server}建立加密连接失败", false);
        }

        if (Find<SocketException>(error) is { } socket)
        {
            return (socket.SocketErrorCode switch
            {
                SocketError.ConnectionRefused => $"连接被拒绝（{server}没有在该地址和端口上服务）",
                SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData => $"找不到{server}（地址有误或域名无法解析）",
                SocketError.TimedOut => $"连接{server}超时",
                SocketError.ConnectionReset or SocketError.ConnectionAborted => $"{server}中断了连接，稍后重试",
                SocketError.NetworkUnreachable or SocketError.HostUnreachable => $"网络不通，无法连接{server}",
                _ => $"无法连接{server}",
            }, false);
        }

        return error switch
        {
            HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } => ($"找不到{server}（地址有误或域名无法解析）", false),
            HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } => ($"与{server}建立加密连接失败", false),
            HttpRequestException => ($"无法连接{server}或连接中断", false),
            SmtpProtocolException or IOException or ServiceNotConnectedException => ("与邮件服务器的连接中断，稍后重试", false),
            _ => ("发送失败（原因见服务器日志）", false),
        };
    }

    private static T? Find<T>(Exception error)
        where T : Exception
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }
        }

        return null;
    }
}

using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace WorkPlanTracker.IntegrationTests.Features.Reminders;

/// <summary>
/// A minimal SMTP server on 127.0.0.1 for tests (no .NET SMTP server package is served here): it speaks enough
/// of RFC 5321 for MailKit (EHLO, MAIL, RCPT, DATA, QUIT) and keeps every message it receives.
/// </summary>
public sealed class SmtpReceiver : IAsyncDisposable
{
    private readonly TcpListener listener;
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    public SmtpReceiver(int port = 0)
    {
        listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        loop = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    public List<(string From, IReadOnlyList<string> To, MimeMessage Message)> Messages { get; } = [];

    /// <summary>The next this many messages are kept but the connection is dropped before the server says 250 (a crash after hand-over, from the client's side).</summary>
    public int DropAfterData { get; set; }

    /// <summary>The next this many messages are kept but never acknowledged: the server hangs until the client gives up.</summary>
    public int HangAfterData { get; set; }

    /// <summary>Completed when a message was kept and left unacknowledged by <see cref="HangAfterData"/>.</summary>
    public TaskCompletionSource Hanging { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        var reader = new StreamReader(stream, Encoding.UTF8);
        var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 localhost test SMTP");
        string from = "";
        var to = new List<string>();
        while (await reader.ReadLineAsync() is { } line)
        {
            var command = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
            switch (command)
            {
                case "EHLO":
                    await writer.WriteLineAsync("250-localhost");
                    await writer.WriteLineAsync("250-8BITMIME");
                    await writer.WriteLineAsync("250 SMTPUTF8");
                    break;
                case "HELO":
                    await writer.WriteLineAsync("250 localhost");
                    break;
                case "MAIL":
                    from = line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
                    to.Clear();
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "RCPT":
                    to.Add(line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim());
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync() is { } dataLine && dataLine != ".")
                    {
                        data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                    }

                    using (var raw = new MemoryStream(Encoding.UTF8.GetBytes(data.ToString())))
                    {
                        var message = await MimeMessage.LoadAsync(raw);
                        lock (Messages)
                        {
                            Messages.Add((from, [.. to], message));
                        }
                    }

                    if (DropAfterData > 0)
                    {
                        DropAfterData--;
                        client.Client.LingerState = new LingerOption(true, 0);
                        return;
                    }

                    if (HangAfterData > 0)
                    {
                        HangAfterData--;
                        Hanging.TrySetResult();
                        try
                        {
                            await Task.Delay(Timeout.Infinite, stop.Token);
                        }
                        catch (OperationCanceledException)
                        {
                        }

                        return;
                    }

                    await writer.WriteLineAsync("250 OK queued");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 Bye");
                    return;
                default:
                    await writer.WriteLineAsync("250 OK");
                    break;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        try
        {
            await loop;
        }
        catch (OperationCanceledException)
        {
        }

        stop.Dispose();
    }
}

using System.Net;
using System.Net.Sockets;
using System.Text;

namespace WorkPlanTracker.IntegrationTests.Features.Reminders;

/// <summary>
/// A chat robot stand-in on 127.0.0.1: records each POST body and answers as 企业微信/钉钉 do, or as told by
/// <c>answer</c>: after a delay, with an HTTP status and a body (a slow robot, a 500, an errcode).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    public const string Ok = """{"errcode":0,"errmsg":"ok"}""";

    private readonly HttpListener listener = new();
    private readonly Task loop;
    private readonly Func<string, (TimeSpan Delay, int Status, string Body)> answer;
    private int inFlight;

    public WebhookReceiver(Func<string, (TimeSpan Delay, int Status, string Body)>? answer = null)
    {
        this.answer = answer ?? (_ => (TimeSpan.Zero, 200, Ok));
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        BaseUrl = $"http://127.0.0.1:{port}/";
        listener.Prefixes.Add(BaseUrl);
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public string BaseUrl { get; }

    public List<(string Path, string ContentType, string Body)> Requests { get; } = [];

    /// <summary>Requests received and not answered yet.</summary>
    public int InFlight => Volatile.Read(ref inFlight);

    /// <summary>Completed when the first request arrives.</summary>
    public TaskCompletionSource FirstRequest { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        Interlocked.Increment(ref inFlight);
        try
        {
            string path;
            using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
            {
                var body = await reader.ReadToEndAsync();
                path = context.Request.Url!.PathAndQuery;
                lock (Requests)
                {
                    Requests.Add((path, context.Request.ContentType ?? "", body));
                }
            }

            FirstRequest.TrySetResult();
            var (delay, status, text) = answer(path);
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay);
            }

            var bytes = Encoding.UTF8.GetBytes(text);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or IOException)
        {
            // The client gave up (its timeout) or the listener stopped.
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        listener.Close();
        await loop;
    }
}

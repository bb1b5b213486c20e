using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace WorkPlanTracker.Load;

/// <summary>
/// A Blazor Server circuit without a browser: what blazor.web.js does for a prerendered page, over the same SignalR
/// hub (/_blazor, WebSockets, blazorpack). It starts the circuit, hands over the page's interactive root components
/// (their server-signed markers in the prerendered HTML), acknowledges every render batch and answers the server's
/// JS calls (module imports get an object reference, everything else an empty result) so the circuit lives on as a
/// browser's would. It does not interpret the render batches: there is no DOM, and no clicks.
/// </summary>
public sealed partial class CircuitClient : IAsyncDisposable
{
    private readonly HubConnection connection;
    private readonly TaskCompletionSource firstRender = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private static readonly Type[] BeginInvokeJsArguments = [typeof(object), typeof(object), typeof(object), typeof(object), typeof(object), typeof(object)];
    private long nextObjectId;
    private int renderBatches;
    private int jsCalls;

    public CircuitClient(Uri baseUri, CookieContainer cookies)
    {
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(baseUri, "_blazor"), HttpTransportType.WebSockets, options => options.Cookies = cookies);
        builder.Services.AddSingleton<IHubProtocol, BlazorPackProtocol>();
        if (Environment.GetEnvironmentVariable("WPT_LOAD_CLIENT_LOG") is not null)
        {
            builder.Services.AddLogging(l => l.AddConsole().SetMinimumLevel(LogLevel.Debug));
        }

        connection = builder.Build();
        connection.ServerTimeout = TimeSpan.FromMinutes(2);
        connection.Closed += error =>
        {
            Failure ??= error?.Message ?? "连接已关闭";
            firstRender.TrySetException(new InvalidOperationException(Failure));
            return Task.CompletedTask;
        };
        connection.On<long, byte[]>("JS.RenderBatch", async (batchId, _) =>
        {
            Interlocked.Increment(ref renderBatches);
            await connection.SendAsync("OnRenderCompleted", batchId, null);
            firstRender.TrySetResult();
        });
        // (taskId, identifier, argsJson, resultType, targetInstanceId, callType): the blazorpack arguments as .NET 10 sends them.
        connection.On("JS.BeginInvokeJS", BeginInvokeJsArguments, (arguments, _) =>
        {
            Interlocked.Increment(ref jsCalls);
            var taskId = Convert.ToInt64(arguments[0], CultureInfo.InvariantCulture);
            var resultType = Convert.ToInt32(arguments[3], CultureInfo.InvariantCulture);
            // A task id of 0 asks for no answer.
            return taskId == 0 ? Task.CompletedTask : connection.SendAsync("EndInvokeJSFromDotNet", taskId, true, ResultOf(taskId, resultType));
        }, this);
        // Which DOM element a root component went to, and the end of the root components' update: nothing to do without a DOM.
        connection.On("JS.AttachComponent", [typeof(object), typeof(object)], (_, _) => Task.CompletedTask, this);
        connection.On("JS.EndUpdateRootComponents", [typeof(object)], (_, _) => Task.CompletedTask, this);
        connection.On<string>("JS.Error", error =>
        {
            Failure ??= "服务器报告电路错误：" + error;
            firstRender.TrySetException(new InvalidOperationException(Failure));
        });
    }

    /// <summary>Why the circuit ended or failed; null while it lives.</summary>
    public string? Failure { get; private set; }

    public int RenderBatches => renderBatches;

    public int JsCalls => jsCalls;

    public bool IsHeld => Failure is null && connection.State == HubConnectionState.Connected;

    /// <summary>Starts the circuit for a page the user's cookie has just loaded; done at its first rendered batch.</summary>
    public async Task StartAsync(Uri baseUri, Uri pageUri, string prerenderedHtml, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var markers = StartMarkers(prerenderedHtml);
        if (markers.Count == 0)
        {
            throw new InvalidOperationException("页面中没有交互组件标记");
        }

        await connection.StartAsync(cancellationToken);
        var circuitId = await connection.InvokeAsync<string?>("StartCircuit", baseUri.ToString(), pageUri.ToString(), "[]", "", cancellationToken)
            ?? throw new InvalidOperationException("服务器拒绝启动电路");
        Debug.Assert(circuitId.Length > 0);
        var operations = new JsonArray();
        for (var i = 0; i < markers.Count; i++)
        {
            operations.Add(new JsonObject { ["type"] = "add", ["ssrComponentId"] = i + 1, ["marker"] = markers[i] });
        }

        var batch = new JsonObject { ["batchId"] = 1, ["operations"] = operations };
        await connection.SendAsync("UpdateRootComponents", batch.ToJsonString(), ComponentState(prerenderedHtml), cancellationToken);
        await firstRender.Task.WaitAsync(timeout, cancellationToken);
    }

    public async ValueTask DisposeAsync() => await connection.DisposeAsync();

    /// <summary>The opening markers (<c>&lt;!--Blazor:{…descriptor…}--&gt;</c>) of the page's interactive roots, in page order.</summary>
    public static List<JsonNode> StartMarkers(string html) =>
        BlazorMarker().Matches(html)
            .Select(m => JsonNode.Parse(m.Groups[1].Value)!)
            .Where(n => n["descriptor"] is not null)
            .ToList();

    private static string ComponentState(string html) => ComponentStateMarker().Match(html) is { Success: true } m ? m.Groups[1].Value : "";

    private string ResultOf(long taskId, int resultType)
    {
        // JSCallResultType: 1 = a JS object reference (a module import, an instance), 3 = void; otherwise null.
        var result = resultType == 1
            ? "{\"__jsObjectId\":" + Interlocked.Increment(ref nextObjectId).ToString(CultureInfo.InvariantCulture) + "}"
            : "null";
        return "[" + taskId.ToString(CultureInfo.InvariantCulture) + ",true," + result + "]";
    }

    [GeneratedRegex("<!--Blazor:(\\{.*?\\})-->", RegexOptions.Singleline)]
    private static partial Regex BlazorMarker();

    [GeneratedRegex("<!--Blazor-Server-Component-State:(.*?)-->", RegexOptions.Singleline)]
    private static partial Regex ComponentStateMarker();
}

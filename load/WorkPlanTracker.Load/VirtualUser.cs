using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace WorkPlanTracker.Load;

/// <summary>
/// One unit user's browser, as HTTP: signs in through the login form (its cookie from then on), loads 我的任务 and its
/// assignment's page as the server prerenders them, and reports progress through /api/v1 with its own token (the
/// endpoint calls the same <c>AssignmentService.SubmitReportAsync</c> the page's 报送进展 button calls in the circuit).
/// </summary>
public sealed partial class VirtualUser : IDisposable
{
    private readonly CookieContainer cookies = new();
    private readonly HttpClient client;
    private readonly LoadSteps steps;

    public VirtualUser(LoadUser user, Uri baseUri, LoadSteps steps)
    {
        User = user;
        this.steps = steps;
        client = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false })
        {
            BaseAddress = baseUri,
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    public LoadUser User { get; }

    /// <summary>The sign-in cookie, which the user's circuit presents too.</summary>
    public CookieContainer Cookies => cookies;

    /// <summary>The HTML of the assignment page last loaded: it carries the markers a circuit starts from.</summary>
    public string? AssignmentPageHtml { get; private set; }

    public async Task<bool> SignInAsync(CancellationToken cancellationToken)
    {
        return await TimeAsync(steps.SignIn, async () =>
        {
            var form = await client.GetStringAsync("account/login", cancellationToken);
            var token = AntiforgeryField().Match(form);
            if (!token.Success)
            {
                return "登录页没有防伪字段";
            }

            using var post = await client.PostAsync("account/login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login",
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
                ["Input.UserName"] = User.UserName,
                ["Input.Password"] = User.Password,
            }), cancellationToken);
            return post.StatusCode == HttpStatusCode.Redirect && !post.Headers.Location!.OriginalString.Contains("login", StringComparison.Ordinal)
                ? null
                : $"登录未成功（{(int)post.StatusCode}）";
        });
    }

    public Task<bool> OpenMyTasksAsync(CancellationToken cancellationToken) =>
        TimeAsync(steps.MyTasks, async () =>
        {
            using var response = await client.GetAsync("assignments", cancellationToken);
            var html = await response.Content.ReadAsStringAsync(cancellationToken);
            return response.StatusCode != HttpStatusCode.OK ? $"HTTP {(int)response.StatusCode}"
                : !html.Contains("我的任务", StringComparison.Ordinal) ? "页面不是“我的任务”" : null;
        });

    public Task<bool> OpenAssignmentAsync(CancellationToken cancellationToken) =>
        TimeAsync(steps.AssignmentPage, async () =>
        {
            using var response = await client.GetAsync($"assignments/{User.AssignmentId}", cancellationToken);
            var html = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return $"HTTP {(int)response.StatusCode}";
            }

            AssignmentPageHtml = html;
            return null;
        });

    /// <summary>Reads the assignment's version (as the page holds it) and reports against it; only the report is the timed step.</summary>
    public async Task<bool> SubmitReportAsync(int round, CancellationToken cancellationToken)
    {
        string? etag = null;
        var read = await TimeAsync(steps.ApiRead, async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"api/v1/assignments/{User.AssignmentId}");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", User.Token);
            using var response = await client.SendAsync(request, cancellationToken);
            etag = response.Headers.ETag?.ToString();
            return response.StatusCode != HttpStatusCode.OK ? $"HTTP {(int)response.StatusCode}" : etag is null ? "没有 ETag" : null;
        });
        if (!read)
        {
            return false;
        }

        return await TimeAsync(steps.Report, async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"api/v1/assignments/{User.AssignmentId}/reports")
            {
                Content = JsonContent.Create(new
                {
                    progress = $"负载测试第 {round} 次报送：按计划推进。",
                    percentComplete = Math.Min(95, 10 + round),
                    nextSteps = "继续推进。",
                }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", User.Token);
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(etag!));
            using var response = await client.SendAsync(request, cancellationToken);
            return response.StatusCode == HttpStatusCode.Created ? null : $"HTTP {(int)response.StatusCode}";
        });
    }

    public void Dispose() => client.Dispose();

    /// <summary>Times one step; a refusal (the returned reason) or an exception counts as that step's error, never as a timing.</summary>
    private static async Task<bool> TimeAsync(StepTimings step, Func<Task<string?>> action)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            var refusal = await action();
            if (refusal is null)
            {
                step.Record(watch.Elapsed);
                return true;
            }

            step.Fail(refusal);
        }
        catch (OperationCanceledException) when (watch.Elapsed < TimeSpan.FromSeconds(29))
        {
            // The run's end cut the request short: neither a timing nor an error.
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            step.Fail(e is TaskCanceledException ? "超时（30 秒）" : e.GetType().Name);
        }

        return false;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}

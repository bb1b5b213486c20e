using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Accounts;
using WorkPlanTracker.IntegrationTests.Browser;

namespace WorkPlanTracker.IntegrationTests.Hosting;

/// <summary>
/// The deployment of deploy/: Debian's nginx, configured from deploy/nginx.conf by deploy/try-out.sh, in front of two
/// instances on one PostgreSQL database. Each browser stays on one instance (its route cookie), its Blazor circuit
/// connects through nginx's WebSocket proxying, and what one instance saved the other shows.
/// </summary>
public class NginxDeploymentTests
{
    [NginxDeploymentFact]
    public async Task Through_nginx_a_unit_reports_on_one_instance_and_the_office_sees_the_report_on_the_other()
    {
        await using var first = new RecordedInstance();
        first.UseKestrel(0);
        first.StartServer();
        await using var second = new RecordedInstance();
        second.JoinInstallationOf(first);
        second.UseKestrel(0);
        second.StartServer();
        var title = $"双实例县2042年政务公开工作要点{Guid.NewGuid():N}"[..24];
        var assignmentId = (await first.PublishedAssignmentsAsync($"""
            {title}
            一、工作任务
            1.发布政策解读材料。(市数据资源局牵头,2042年6月底前)
            """, "双实例.txt", "市数据资源局")).Single();
        var assignmentPage = $"/assignments/{assignmentId}";

        // Not in the data folder: that is private to the app (700), and nginx's workers (nobody, under root) write
        // their temporary files in the prefix.
        await using var nginx = await NginxProxy.StartAsync(Path.Combine(Path.GetTempPath(), "wpt-nginx-" + Guid.NewGuid().ToString("N")), first.Address, second.Address);
        var toFirst = await nginx.RouteToAsync(first.Address);
        var toSecond = await nginx.RouteToAsync(second.Address);

        var browser = await SharedChromium.AcquireAsync();
        try
        {
            // The unit, kept on the first instance: its page becomes interactive over a WebSocket through nginx.
            var unit = await SignInAsync(browser, nginx, toFirst, "unit", first.Address);
            var (unitPage, unitSockets) = await OpenAsync(unit, nginx, assignmentPage, first.Address);
            await Assertions.Expect(unitPage.Locator("#acknowledge")).ToBeEnabledAsync(new() { Timeout = 30_000 });
            await BrowserFixture.ClickUntilAsync(unitPage, "#acknowledge", () => StatusIsAsync(first, assignmentId, AssignmentStatus.Acknowledged));
            var progress = $"经由 nginx 报送的进展 {Guid.NewGuid():N}"[..24];
            await BrowserFixture.ClickUntilAsync(unitPage, "#submit-report", () => StatusIsAsync(first, assignmentId, AssignmentStatus.InProgress), async () =>
            {
                await BrowserFixture.EnterAsync(unitPage.Locator("#report-progress"), progress);
                await BrowserFixture.EnterAsync(unitPage.Locator("#report-percent"), "40");
            });
            // Without nginx's Upgrade/Connection headers Blazor falls back to long polling and still works, slower.
            Assert.True(ReceivedFrames(unitSockets), "the circuit did not use a WebSocket through nginx");
            Assert.Contains(assignmentPage, first.Circuits.Opened);
            Assert.DoesNotContain(assignmentPage, second.Circuits.Opened);

            // The office, kept on the second instance, sees the report the first one saved.
            var unitCircuitsOnFirst = first.Circuits.Opened.Count(p => p == assignmentPage);
            var office = await SignInAsync(browser, nginx, toSecond, "office", second.Address);
            var (officePage, officeSockets) = await OpenAsync(office, nginx, assignmentPage, second.Address);
            await Assertions.Expect(officePage.Locator(".report").First).ToContainTextAsync(progress, new() { Timeout = 30_000 });
            await BrowserFixture.UntilAsync(() => Task.FromResult(second.Circuits.Opened.Contains(assignmentPage) && ReceivedFrames(officeSockets)));
            Assert.Equal(unitCircuitsOnFirst, first.Circuits.Opened.Count(p => p == assignmentPage));

            await unit.CloseAsync();
            await office.CloseAsync();
        }
        finally
        {
            await SharedChromium.ReleaseAsync();
        }
    }

    /// <summary>A browser context holding <paramref name="route"/>, signed in through nginx's login page.</summary>
    private static async Task<IBrowserContext> SignInAsync(IBrowser browser, NginxProxy nginx, string route, string userName, string expectedInstance)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN" });
        await context.AddCookiesAsync([new Microsoft.Playwright.Cookie { Name = NginxProxy.RouteCookie, Value = route, Url = nginx.BaseAddress }]);
        var page = await context.NewPageAsync();
        var login = await page.GotoAsync(nginx.BaseAddress + "/account/login");
        Assert.Equal(expectedInstance, await login!.HeaderValueAsync(NginxProxy.ServedByHeader));
        await page.Locator("#login-user").FillAsync(userName);
        await page.Locator("#login-password").FillAsync(DemoAccounts.Password);
        await page.Locator("#login-submit").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        await page.CloseAsync();
        return context;
    }

    /// <summary>Opens a page through nginx, checks which instance served it, and records its WebSockets.</summary>
    private static async Task<(IPage Page, List<SocketRecord> Sockets)> OpenAsync(IBrowserContext context, NginxProxy nginx, string relativeUrl, string expectedInstance)
    {
        var page = await context.NewPageAsync();
        var sockets = new List<SocketRecord>();
        page.WebSocket += (_, socket) =>
        {
            // Blazor's circuit, addressed to nginx (not to an instance directly).
            if (socket.Url.StartsWith(nginx.BaseAddress.Replace("http://", "ws://", StringComparison.Ordinal) + "/_blazor", StringComparison.Ordinal))
            {
                var record = new SocketRecord();
                socket.FrameReceived += (_, _) => Interlocked.Increment(ref record.FramesReceived);
                lock (sockets)
                {
                    sockets.Add(record);
                }
            }
        };
        var response = await page.GotoAsync(nginx.BaseAddress + relativeUrl);
        Assert.Equal(expectedInstance, await response!.HeaderValueAsync(NginxProxy.ServedByHeader));
        return (page, sockets);
    }

    private static bool ReceivedFrames(List<SocketRecord> sockets)
    {
        lock (sockets)
        {
            return sockets.Any(s => Volatile.Read(ref s.FramesReceived) > 0);
        }
    }

    private static async Task<bool> StatusIsAsync(AppFactory app, int assignmentId, AssignmentStatus expected)
    {
        await using var db = app.NewDbContext();
        return await db.Assignments.AnyAsync(a => a.Id == assignmentId && a.Status == expected);
    }

    private sealed class SocketRecord
    {
        public int FramesReceived;
    }

    /// <summary>An instance on Kestrel that records the page of every circuit opened on it.</summary>
    private sealed class RecordedInstance : AppFactory
    {
        public CircuitLog Circuits { get; } = new();

        /// <summary>Where nginx reaches it, as the <c>X-Served-By</c> header names it.</summary>
        public string Address => $"127.0.0.1:{ClientOptions.BaseAddress.Port}";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            // As deploy/try-out.sh starts the instances.
            builder.UseSetting("ForwardedHeaders_Enabled", "true");
            builder.ConfigureServices(services =>
                services.AddScoped<CircuitHandler>(provider => new CircuitRecorder(Circuits, provider.GetRequiredService<NavigationManager>())));
        }
    }

    private sealed class CircuitLog
    {
        private readonly List<string> opened = [];

        /// <summary>The relative address of each page whose circuit opened here.</summary>
        public IReadOnlyList<string> Opened
        {
            get
            {
                lock (opened)
                {
                    return [.. opened];
                }
            }
        }

        public void Add(string page)
        {
            lock (opened)
            {
                opened.Add(page);
            }
        }
    }

    private sealed class CircuitRecorder(CircuitLog log, NavigationManager navigation) : CircuitHandler
    {
        public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            log.Add("/" + navigation.ToBaseRelativePath(navigation.Uri).Split('?')[0]);
            return Task.CompletedTask;
        }
    }
}

/// <summary>Debian's nginx in a folder of its own, configured by <c>deploy/try-out.sh nginx-config</c> as the try-out is.</summary>
internal sealed class NginxProxy : IAsyncDisposable
{
    public const string RouteCookie = "wpt_route";
    public const string ServedByHeader = "x-served-by";

    private readonly Process process;
    private readonly string prefix;
    private readonly HttpClient client = new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false });

    private NginxProxy(Process process, string prefix, string baseAddress)
    {
        this.process = process;
        this.prefix = prefix;
        BaseAddress = baseAddress;
    }

    private static readonly string[] Places = ["/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx"];

    public static string? Executable => Places.FirstOrDefault(File.Exists);

    /// <summary>Like <c>http://127.0.0.1:PORT</c>, without a trailing slash.</summary>
    public string BaseAddress { get; }

    public static async Task<NginxProxy> StartAsync(string prefix, params string[] backends)
    {
        Directory.CreateDirectory(Path.Combine(prefix, "logs"));
        Directory.CreateDirectory(Path.Combine(prefix, "temp"));
        var port = FreePort();
        var configure = await RunAsync("bash", [Path.Combine(CommandLineRunner.RepositoryRoot, "deploy", "try-out.sh"), "nginx-config", prefix, $"127.0.0.1:{port}", .. backends]);
        var config = Path.Combine(prefix, "nginx.conf");
        await File.WriteAllTextAsync(config, configure);

        var start = new ProcessStartInfo(Executable!) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-p", prefix, "-c", config, "-e", Path.Combine(prefix, "logs", "error.log"), "-g", "daemon off;" })
        {
            start.ArgumentList.Add(argument);
        }

        var nginx = new NginxProxy(Process.Start(start)!, prefix, $"http://127.0.0.1:{port}");
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await nginx.client.GetAsync(nginx.BaseAddress + "/account/login");
                return nginx;
            }
            catch (HttpRequestException) when (attempt < 100 && !nginx.process.HasExited)
            {
                await Task.Delay(100);
            }
            catch (HttpRequestException e)
            {
                var log = File.ReadAllText(Path.Combine(prefix, "logs", "error.log"));
                await nginx.DisposeAsync();
                throw new InvalidOperationException("nginx did not answer: " + log, e);
            }
        }
    }

    /// <summary>
    /// A route cookie value that nginx sends to <paramref name="backend"/>: every browser of the try-out comes from
    /// 127.0.0.1, and the cookie (not the address) is what keeps a browser on one instance. Also checks that a browser
    /// without one is given one, and is then kept where its first request went.
    /// </summary>
    public async Task<string> RouteToAsync(string backend)
    {
        using var fresh = await client.GetAsync(BaseAddress + "/account/login");
        var given = fresh.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(RouteCookie + "=", StringComparison.Ordinal));
        var givenRoute = given.Split(';')[0][(RouteCookie.Length + 1)..];
        var firstServedBy = fresh.Headers.GetValues(ServedByHeader).Single();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(firstServedBy, await ServedByAsync(givenRoute));
        }

        for (var i = 0; i < 200; i++)
        {
            var route = $"route-{i}";
            if (await ServedByAsync(route) == backend)
            {
                return route;
            }
        }

        throw new InvalidOperationException($"no route to {backend}");
    }

    private async Task<string> ServedByAsync(string route)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, BaseAddress + "/account/login");
        request.Headers.Add("Cookie", $"{RouteCookie}={route}");
        using var response = await client.SendAsync(request);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith(RouteCookie + "=", StringComparison.Ordinal)));
        return response.Headers.GetValues(ServedByHeader).Single();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<string> RunAsync(string fileName, string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var run = Process.Start(start)!;
        var output = run.StandardOutput.ReadToEndAsync();
        var error = run.StandardError.ReadToEndAsync();
        await run.WaitForExitAsync();
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} failed: {await error}");
        }

        return await output;
    }

    public async ValueTask DisposeAsync()
    {
        client.Dispose();
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        try
        {
            Directory.Delete(prefix, recursive: true);
        }
        catch (IOException)
        {
            // Left behind with the test's data folder: harmless.
        }
    }
}

/// <summary>A test of the nginx deployment: needs PostgreSQL (<c>WPT_TEST_POSTGRES</c>) and Debian's nginx.</summary>
public sealed class NginxDeploymentFactAttribute : FactAttribute
{
    public NginxDeploymentFactAttribute()
    {
        if (!TestDatabase.IsPostgreSql)
        {
            Skip = $"needs PostgreSQL: set {TestDatabase.ServerVariable} to a server connection string (see README)";
        }
        else if (NginxProxy.Executable is null)
        {
            Skip = "needs nginx: apt-get install -y nginx";
        }
    }
}

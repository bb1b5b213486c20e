using Microsoft.Playwright;

namespace WorkPlanTracker.IntegrationTests.Browser;

/// <summary>
/// The real app on Kestrel at 127.0.0.1 and Debian's Chromium driven by Playwright (which never downloads a
/// browser here). Screenshots go to TestResults/screenshots for people to look at.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private readonly List<IBrowserContext> opened = [];

    public AppFactory App { get; } = new();

    public IBrowser Browser { get; private set; } = default!;

    /// <summary>A browser session signed in as the administrator through the login page.</summary>
    public IBrowserContext Session { get; private set; } = default!;

    public string BaseAddress { get; private set; } = "";

    public static string ScreenshotDirectory { get; } =
        Path.Combine(CommandLineRunner.RepositoryRoot, "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        App.UseKestrel(0);
        App.StartServer();
        BaseAddress = App.ClientOptions.BaseAddress.ToString().Replace("localhost", "127.0.0.1", StringComparison.Ordinal);
        Browser = await SharedChromium.AcquireAsync();
        Directory.CreateDirectory(ScreenshotDirectory);
        Session = await NewSessionAsync("admin", AppFactory.AdminPassword);
    }

    /// <summary>A signed-in browser session; a phone's width (e.g. 390) gives a phone-sized screen with touch.</summary>
    public async Task<IBrowserContext> NewSessionAsync(string userName, string password, int width = 1366)
    {
        var phone = width < 768;
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "zh-CN",
            ViewportSize = new ViewportSize { Width = width, Height = phone ? 844 : 900 },
            IsMobile = phone,
            HasTouch = phone,
        });
        lock (opened)
        {
            opened.Add(context);
        }

        var page = await context.NewPageAsync();
        await page.GotoAsync(Url("/account/login"));
        await page.Locator("#login-user").FillAsync(userName);
        await page.Locator("#login-password").FillAsync(password);
        await page.Locator("#login-submit").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        await page.CloseAsync();
        return context;
    }

    /// <summary>
    /// Closes what a test opened: the administrator's pages and the sessions it signed in. Left open, each page kept its
    /// circuit in the app and its renderer in Chromium for the rest of the run (some forty by the end), and a later test
    /// shared the app with them.
    /// </summary>
    public async Task CloseTestPagesAsync()
    {
        List<IBrowserContext> sessions;
        lock (opened)
        {
            sessions = [.. opened.Where(c => c != Session)];
            opened.RemoveAll(c => c != Session);
        }

        foreach (var page in Session.Pages.ToList())
        {
            await page.CloseAsync();
        }

        foreach (var session in sessions)
        {
            await session.CloseAsync();
        }
    }

    public string Url(string relativeUrl) => BaseAddress.TrimEnd('/') + "/" + relativeUrl.TrimStart('/');

    /// <summary>Opens a page and waits until the Blazor circuit is connected, so clicks reach their handlers.</summary>
    public async Task<IPage> OpenAsync(string relativeUrl, IBrowserContext? session = null)
    {
        var page = await (session ?? Session).NewPageAsync();
        var connected = new TaskCompletionSource();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("WebSocket connected", StringComparison.Ordinal))
            {
                connected.TrySetResult();
            }
        };
        await page.GotoAsync(Url(relativeUrl));

        // The message can be missed on a loaded machine; the page works all the same, and the actions
        // that depend on handlers retry (UntilAsync), so waiting longer only slows the test down.
        await Task.WhenAny(connected.Task, Task.Delay(TimeSpan.FromSeconds(10)));
        return page;
    }

    /// <summary>
    /// Clicks a button whose handler saves and then moves to another page, and waits for that page. When the page
    /// does not come, the failure says what the page showed and what the server logged, so a red CI run can be
    /// read without running it again.
    /// </summary>
    public async Task ClickAndWaitForUrlAsync(IPage page, ILocator button, string urlPart)
    {
        await Assertions.Expect(button).ToBeEnabledAsync();
        await button.ClickAsync();
        await WaitForUrlAsync(page, urlPart, TimeSpan.FromSeconds(45));
    }

    /// <summary>
    /// Waits until the page's address contains <paramref name="urlPart"/>, reading the address itself: on PostgreSQL
    /// CI twice found a page standing at the awaited address while Playwright's navigation wait for it timed out.
    /// When the address does not come, says what the page showed and what the server logged.
    /// </summary>
    public async Task WaitForUrlAsync(IPage page, string urlPart, TimeSpan timeout)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (!page.Url.Contains(urlPart, StringComparison.Ordinal))
        {
            if (watch.Elapsed > timeout)
            {
                throw await NotShownAsync(page, $"No page at …{urlPart}…", timeout);
            }

            await Task.Delay(100);
        }
    }

    private async Task<TimeoutException> NotShownAsync(IPage page, string awaited, TimeSpan waited)
    {
        var shown = await page.Locator("h1, .app-user, [role=alert], [role=status], #blazor-error-ui:visible, #components-reconnect-modal:visible").AllInnerTextsAsync();
        string[] logged;
        lock (App.LogFailures)
        {
            logged = [.. App.LogFailures.TakeLast(5).Select(f => $"{f.Category}: {f.Message} {f.Exception?.GetType().Name} {f.Exception?.Message}")];
        }

        string[] circuit;
        lock (App.LogMessages)
        {
            circuit = [.. App.LogMessages.Where(m => m.Contains("ircuit", StringComparison.Ordinal)).TakeLast(5)];
        }

        return new TimeoutException(
            $"{awaited} within {waited.TotalSeconds:0} s; still at {page.Url}. The page showed: [{string.Join(" | ", shown)}]. " +
            $"Server errors: [{string.Join(" | ", logged)}]. Circuit log: [{string.Join(" | ", circuit)}].");
    }

    /// <summary>
    /// Repeats an action until it has its effect: right after the circuit connects, the first events can
    /// reach the page before its handlers are attached.
    /// </summary>
    public static async Task UntilAsync(Func<Task<bool>> attempt)
    {
        for (var i = 0; i < 80; i++)
        {
            if (await attempt())
            {
                return;
            }

            await Task.Delay(250);
        }

        Assert.Fail("the page did not react within 20 seconds");
    }

    /// <summary>Clicks until the database shows the effect: right after connecting, a click can land before its handler exists.</summary>
    /// <remarks>Text typed before the circuit attached never reached the server, so each try types it again.</remarks>
    public static Task ClickUntilAsync(IPage page, string selector, Func<Task<bool>> done, Func<Task>? fill = null) =>
        UntilAsync(async () =>
        {
            if (await done())
            {
                return true;
            }

            if (await page.Locator(selector).CountAsync() > 0)
            {
                if (fill is not null)
                {
                    await fill();
                }

                await page.Locator(selector).ClickAsync();
            }

            // A click that reached the server may take a while to save on a loaded machine: clicking again too
            // soon would send a second report.
            for (var i = 0; i < 30; i++)
            {
                if (await done())
                {
                    return true;
                }

                await Task.Delay(100);
            }

            return false;
        });

    /// <summary>
    /// Types a value so that Blazor's <c>@bind</c> (which listens to <c>change</c>) surely sees it: a field that
    /// already shows the value, typed before the circuit attached, would fire no change event on a plain fill.
    /// </summary>
    public static async Task EnterAsync(ILocator field, string value)
    {
        await field.FillAsync("");
        await field.BlurAsync();
        await field.FillAsync(value);
        await field.BlurAsync();
    }

    /// <summary>
    /// Chooses <paramref name="files"/> and waits until <paramref name="done"/> shows. The upload fields stay disabled
    /// until the circuit is interactive and while a file is being received, so a choice is made only when a handler
    /// will read it; it is made again only when the field is free and nothing came of the last one. Gives up after
    /// 90 s, saying what the page showed and what the server logged (80 blind tries once kept CI waiting 11 minutes).
    /// </summary>
    public async Task UploadUntilAsync(IPage page, string inputSelector, ILocator done, params string[] files)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var lastChoice = TimeSpan.FromMinutes(-1);
        while (await done.CountAsync() == 0)
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(90))
            {
                throw await NotShownAsync(page, $"No result of the upload of {string.Join("、", files.Select(Path.GetFileName))}", watch.Elapsed);
            }

            var free = await page.Locator(inputSelector + ":enabled").CountAsync() > 0;
            if (free && watch.Elapsed - lastChoice > TimeSpan.FromSeconds(15))
            {
                lastChoice = watch.Elapsed;
                try
                {
                    await page.Locator(inputSelector).SetInputFilesAsync(files, new LocatorSetInputFilesOptions { Timeout = 5000 });
                }
                catch (TimeoutException)
                {
                    // The field was disabled again in between: the next look decides.
                }
            }

            await Task.Delay(250);
        }
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            // The contexts this collection opened; the browser itself stays for the other collection.
            foreach (var context in Browser.Contexts.Where(c => opened.Contains(c)).ToList())
            {
                await context.CloseAsync();
            }

            await SharedChromium.ReleaseAsync();
        }

        await App.DisposeAsync();
    }
}

/// <summary>
/// One Chromium for the test run (starting it costs seconds); each browser collection opens its own contexts
/// (cookies, storage) in it and talks to its own app. Closed when the last collection using it ends.
/// </summary>
internal static class SharedChromium
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static IPlaywright? playwright;
    private static IBrowser? browser;
    private static int users;

    /// <summary>
    /// Debian's headless shell (package chromium-headless-shell, the one Playwright itself runs headless) where
    /// installed, else the full browser: the shell draws the same pages with less of the machine.
    /// </summary>
    private static string ExecutablePath =>
        File.Exists("/usr/bin/chromium-headless-shell") ? "/usr/bin/chromium-headless-shell" : "/usr/bin/chromium";

    public static async Task<IBrowser> AcquireAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (browser is null)
            {
                playwright = await Playwright.CreateAsync();
                browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
                {
                    ExecutablePath = ExecutablePath,
                    Headless = true,
                    Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
                });
            }

            users++;
            return browser;
        }
        finally
        {
            Gate.Release();
        }
    }

    public static async Task ReleaseAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (--users == 0 && browser is not null)
            {
                await browser.CloseAsync();
                playwright?.Dispose();
                browser = null;
                playwright = null;
            }
        }
        finally
        {
            Gate.Release();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

/// <summary>A second app for browser tests, beside the first, in the same Chromium: the browser tests are long enough to need two lanes.</summary>
[CollectionDefinition(Name)]
public sealed class SecondBrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser 2";
}

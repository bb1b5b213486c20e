namespace WorkPlanTracker.IntegrationTests.Browser;

/// <summary>
/// A class of browser tests on the shared app and Chromium: after each test it closes the pages and sessions the test
/// opened, so the next test does not share the app with their circuits (see <see cref="BrowserFixture.CloseTestPagesAsync"/>).
/// </summary>
public abstract class BrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    protected BrowserFixture Browser { get; } = browser;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => Browser.CloseTestPagesAsync();
}

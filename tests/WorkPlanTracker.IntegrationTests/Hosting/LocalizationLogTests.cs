using WorkPlanTracker.Features.Accounts;

namespace WorkPlanTracker.IntegrationTests.Hosting;

/// <summary>A page view logs nothing about missing translations (it logged two lines per circuit, ≈700 a run).</summary>
[Collection(SharedAppCollection.Name)]
public class LocalizationLogTests(AppFactory app)
{
    [Fact]
    public async Task Rendering_pages_logs_no_missing_localized_string()
    {
        using var client = await app.SignedInClientAsync("office", DemoAccounts.Password);

        foreach (var page in new[] { "/", "/assignments", "/units" })
        {
            var response = await client.GetAsync(page);
            Assert.True(response.IsSuccessStatusCode, $"{page}: {response.StatusCode}");
        }

        string[] lines;
        lock (app.LogMessages)
        {
            lines = [.. app.LogMessages];
        }

        Assert.DoesNotContain(lines, line => line.Contains("searched for", StringComparison.Ordinal) && line.Contains("not found", StringComparison.Ordinal));
    }
}

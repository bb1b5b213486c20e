using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Playwright;
using WorkPlanTracker.Features.Api;

namespace WorkPlanTracker.IntegrationTests.Browser;

/// <summary>An OA administrator's way in: make a token on the token page with the keyboard, call the API with it, read the reference page.</summary>
[Collection(BrowserCollection.Name)]
public class ApiBrowserTests(BrowserFixture browser) : BrowserTests(browser)
{
    private const string ViolationListener =
        "window.cspViolations = []; document.addEventListener('securitypolicyviolation', e => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));";

    [Fact]
    public async Task A_token_made_on_the_page_calls_the_api_and_the_reference_runs_under_the_csp()
    {
        var name = $"OA 系统 {Guid.NewGuid():N}"[..12];
        var page = await Browser.OpenAsync("/account/api-tokens");
        await BrowserFixture.UntilAsync(async () =>
        {
            await BrowserFixture.EnterAsync(page.Locator("#token-name"), name);
            await page.Locator("#token-name").PressAsync("Enter");
            try
            {
                await page.Locator("#new-token-secret").WaitForAsync(new() { Timeout = 3000 });
                return true;
            }
            catch (TimeoutException)
            {
                return false;
            }
        });
        var secret = await page.Locator("#new-token-secret").InputValueAsync();
        Assert.StartsWith(ApiTokenService.SecretPrefix, secret, StringComparison.Ordinal);

        using var client = new HttpClient { BaseAddress = new Uri(Browser.BaseAddress) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("api/v1/plans")).StatusCode);

        var problems = new ConcurrentBag<string>();
        var docs = await Browser.Session.NewPageAsync();
        await docs.AddInitScriptAsync(ViolationListener);
        docs.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) && !message.Text.Contains("'unsafe-eval'", StringComparison.Ordinal))
            {
                problems.Add(message.Text);
            }
        };
        docs.PageError += (_, error) => problems.Add("script error " + error);
        await docs.GotoAsync(Browser.Url(ApiEndpoints.DocsPath));
        await docs.GetByText("报送进展").First.WaitForAsync(new() { Timeout = 30_000 });
        await docs.WaitForLoadStateAsync(LoadState.NetworkIdle);

        // Scalar tries eval once and works without it: the policy refusing it is the policy holding. Anything
        // else (a foreign script, font or connection, an inline script without the nonce) fails the test.
        foreach (var violation in await docs.EvaluateAsync<string[]>("() => window.cspViolations ?? []"))
        {
            if (violation != "script-src eval")
            {
                problems.Add(violation);
            }
        }

        Assert.Empty(problems);
    }
}

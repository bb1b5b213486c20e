using System.Net;
using System.Text.RegularExpressions;
using WorkPlanTracker.Features.Accounts;

namespace WorkPlanTracker.IntegrationTests.Hosting;

/// <summary>What an attacker's link or a framing site gets from the server, checked over HTTP: the headers are the defence when a page is opened from elsewhere.</summary>
[Collection(SharedAppCollection.Name)]
public partial class SecurityHeadersTests(AppFactory app)
{
    private const string Injected = "<img src=x onerror=alert(document.domain)>";

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/dashboard")]
    [InlineData("/hangfire")]
    [InlineData("/not-a-page")]
    public async Task Every_response_forbids_framing_sniffing_and_foreign_scripts(string url)
    {
        var client = await app.SignedInClientAsync("admin", AppFactory.AdminPassword);

        var response = await client.GetAsync(url);

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Matches(@"script-src 'self' 'nonce-[0-9A-F]{36}';", csp);
        Assert.DoesNotContain("unsafe", Regex.Match(csp, "script-src ([^;]*)").Groups[1].Value, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task Every_script_tag_carries_the_responses_nonce()
    {
        var client = await app.SignedInClientAsync("leader", DemoAccounts.Password);

        var response = await client.GetAsync("/dashboard");
        var html = await response.Content.ReadAsStringAsync();

        var nonce = Regex.Match(string.Join(";", response.Headers.GetValues("Content-Security-Policy")), "'nonce-([^']+)'").Groups[1].Value;
        var scripts = ScriptTag().Matches(html).Select(m => m.Value).ToList();
        Assert.True(scripts.Count >= 3, string.Join("\n", scripts));
        Assert.All(scripts, tag => Assert.Contains($"nonce=\"{nonce}\"", tag, StringComparison.Ordinal));
        Assert.DoesNotContain(" onclick=\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/dashboard?year=")]
    [InlineData("/dashboard?plan=")]
    [InlineData("/dashboard/trend?year=")]
    [InlineData("/dashboard/units?year=")]
    [InlineData("/dashboard/units/1?year=")]
    [InlineData("/dashboard/list?year=")]
    [InlineData("/dashboard/list?year=2026&unit=")]
    [InlineData("/dashboard/list?year=2026&month=")]
    public async Task A_hostile_query_value_is_ignored_and_never_echoed_as_markup(string url)
    {
        var client = await app.SignedInClientAsync("leader", DemoAccounts.Password);

        var response = await client.GetAsync(url + Uri.EscapeDataString(Injected));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<img src=x", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Cannot parse", html, StringComparison.Ordinal);
        Assert.DoesNotContain("error-stack", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_year_out_of_range_falls_back_to_a_real_year()
    {
        var client = await app.SignedInClientAsync("leader", DemoAccounts.Password);

        var html = await client.GetStringAsync("/dashboard/trend?year=-2147483648");

        Assert.DoesNotContain("2147483647", html, StringComparison.Ordinal);
        Assert.Matches(@"累计办结率：20\d\d年与20\d\d年对比", html);
    }

    [Fact]
    public async Task Logout_without_its_token_is_a_bad_request_not_a_server_error()
    {
        var client = await app.SignedInClientAsync("leader", DemoAccounts.Password);

        var response = await client.PostAsync("/account/logout", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("安全令牌", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("0001-01-01")]
    public async Task An_overdue_list_for_a_date_out_of_range_is_refused_with_a_message(string date)
    {
        var client = await app.SignedInClientAsync("office", DemoAccounts.Password);

        var response = await client.GetAsync($"/ledger/overdue.xlsx?date={date}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("年份在 2000—2100 之间", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example")]
    public async Task A_hostile_return_address_signs_in_to_the_home_page(string returnUrl)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var form = await client.GetStringAsync("/account/login");
        var fields = Regex.Matches(form, "<input[^>]*type=\"hidden\"[^>]*>")
            .Select(m => (Name: Regex.Match(m.Value, "name=\"([^\"]*)\"").Groups[1].Value, Value: WebUtility.HtmlDecode(Regex.Match(m.Value, "value=\"([^\"]*)\"").Groups[1].Value)))
            .ToDictionary(f => f.Name, f => f.Value);
        fields["Input.UserName"] = "leader";
        fields["Input.Password"] = DemoAccounts.Password;

        var response = await client.PostAsync("/account/login?ReturnUrl=" + Uri.EscapeDataString(returnUrl), new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal("/", location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString);
        Assert.DoesNotContain("evil", location.OriginalString, StringComparison.Ordinal);
    }

    [GeneratedRegex("<script[^>]*>")]
    private static partial Regex ScriptTag();
}

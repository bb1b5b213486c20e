using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Features.Accounts;
using WorkPlanTracker.Features.Api;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.IntegrationTests.Features.Api;

/// <summary>/api/v1 through the real app per role: tokens, visibility, reporting, refusals told apart as problems, the rate limit and the document.</summary>
public partial class ApiHttpTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static readonly string[] EvidenceLinks = ["https://www.example.gov.cn/a.html"];

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    /// <summary>The status, and the problem's title and detail; asserts the answer is a problem, not a page or a trace.</summary>
    private static async Task<(HttpStatusCode Status, string Title, string Detail)> ProblemOf(HttpResponseMessage response)
    {
        Assert.Equal(OutcomeHttpResults.ProblemContentType, response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        var problem = await JsonOf(response);
        return (response.StatusCode, problem.GetProperty("title").GetString()!, problem.GetProperty("detail").GetString()!);
    }

    private static async Task<(HttpStatusCode Status, string Title)> StatusAndTitleOf(HttpResponseMessage response)
    {
        var (status, title, _) = await ProblemOf(response);
        return (status, title);
    }

    [Fact]
    public async Task A_unit_token_sees_only_its_units_assignments_and_another_units_is_404()
    {
        var unit = await fixture.ClientAsync("unit");
        var others = await fixture.AssignmentIdAsync("一.1", fixture.OtherUnit);

        var list = await JsonOf(await unit.GetAsync("/api/v1/assignments?pageSize=100"));
        var notVisible = await unit.GetAsync($"/api/v1/assignments/{others}");
        var otherUnitFilter = await unit.GetAsync($"/api/v1/assignments?unitId={fixture.OtherUnit}");

        var items = list.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(3, list.GetProperty("totalCount").GetInt32());
        Assert.All(items, a => Assert.Equal(fixture.DataUnit, a.GetProperty("unitId").GetInt32()));
        Assert.Equal((HttpStatusCode.NotFound, "找不到"), await StatusAndTitleOf(notVisible));
        Assert.Equal(HttpStatusCode.Forbidden, (await ProblemOf(otherUnitFilter)).Status);
    }

    [Fact]
    public async Task The_office_sees_every_unit_filters_in_the_database_and_pages()
    {
        var office = await fixture.ClientAsync("office");

        var all = await JsonOf(await office.GetAsync($"/api/v1/assignments?planId={fixture.PlanId}"));
        var other = await JsonOf(await office.GetAsync($"/api/v1/assignments?unitId={fixture.OtherUnit}&status=assigned"));
        var secondPage = await JsonOf(await office.GetAsync($"/api/v1/assignments?planId={fixture.PlanId}&page=2&pageSize=2"));

        Assert.Equal(5, all.GetProperty("totalCount").GetInt32());
        Assert.Equal(2, other.GetProperty("totalCount").GetInt32());
        Assert.All(other.GetProperty("items").EnumerateArray(), a => Assert.Equal("台账乙局", a.GetProperty("unitName").GetString()));
        Assert.Equal(2, secondPage.GetProperty("items").GetArrayLength());
        Assert.Equal(3, secondPage.GetProperty("pageCount").GetInt32());
        Assert.Equal(
            all.GetProperty("items")[2].GetProperty("id").GetInt32(),
            secondPage.GetProperty("items")[0].GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task Overdue_lists_only_open_assignments_past_their_due_date()
    {
        var leader = await fixture.ClientAsync("leader");

        var overdue = await JsonOf(await leader.GetAsync("/api/v1/assignments?overdue=true"));

        var item = Assert.Single(overdue.GetProperty("items").EnumerateArray());
        Assert.Equal(fixture.LateAssignments[0], item.GetProperty("id").GetInt32());
        Assert.True(item.GetProperty("overdue").GetBoolean());
        Assert.Equal("2020-06-30", item.GetProperty("dueDate").GetString());
    }

    [Theory]
    [InlineData("/api/v1/assignments?pageSize=101")]
    [InlineData("/api/v1/assignments?page=0")]
    [InlineData("/api/v1/assignments?status=done")]
    [InlineData("/api/v1/assignments?page=abc")]
    [InlineData("/api/v1/plans?pageSize=0")]
    public async Task Bad_query_input_is_a_400_problem(string url)
    {
        var office = await fixture.ClientAsync("office");

        var problem = await StatusAndTitleOf(await office.GetAsync(url));

        Assert.Equal((HttpStatusCode.BadRequest, "请求有误"), problem);
    }

    [Fact]
    public async Task Plans_and_tasks_are_paged_and_a_draft_is_the_offices_alone()
    {
        var unit = await fixture.ClientAsync("unit");
        var office = await fixture.ClientAsync("office");

        var unitPlans = await JsonOf(await unit.GetAsync("/api/v1/plans"));
        var officePlans = await JsonOf(await office.GetAsync("/api/v1/plans"));
        var tasks = await JsonOf(await unit.GetAsync($"/api/v1/plans/{fixture.PlanId}/tasks?pageSize=3"));
        var draftTasks = await unit.GetAsync($"/api/v1/plans/{fixture.DraftPlanId}/tasks");

        var unitPlanIds = unitPlans.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetInt32()).ToList();
        var officePlanIds = officePlans.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetInt32()).ToList();
        Assert.Contains(fixture.PlanId, unitPlanIds);
        Assert.DoesNotContain(fixture.DraftPlanId, unitPlanIds);
        Assert.Contains(fixture.DraftPlanId, officePlanIds);
        Assert.Equal(4, tasks.GetProperty("totalCount").GetInt32());
        Assert.Equal(["一.1", "一.2", "二.3"], tasks.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("path").GetString()!).ToArray());
        Assert.Equal("2035-06-30", tasks.GetProperty("items")[0].GetProperty("deadline").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await ProblemOf(draftTasks)).Status);
    }

    [Fact]
    public async Task A_unit_reports_progress_with_the_current_version_and_a_stale_one_is_409()
    {
        var unit = await fixture.ClientAsync("unit");
        var leader = await fixture.ClientAsync("leader");
        var id = await fixture.AssignmentIdAsync("二.3", fixture.DataUnit);
        var read = await unit.GetAsync($"/api/v1/assignments/{id}");
        var version = (await JsonOf(read)).GetProperty("version").GetGuid();
        Assert.Equal($"\"{version}\"", read.Headers.ETag?.Tag);

        var noVersion = await unit.PostAsJsonAsync($"/api/v1/assignments/{id}/reports", new { progress = "已完成网站栏目梳理。" });
        var noText = await unit.PostAsJsonAsync($"/api/v1/assignments/{id}/reports", new { progress = " ", version });
        var byLeader = await leader.PostAsJsonAsync($"/api/v1/assignments/{id}/reports", new { progress = "领导代报。", version });
        var notJson = await unit.PostAsync($"/api/v1/assignments/{id}/reports", new StringContent("{progress:", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, (await ProblemOf(noVersion)).Status);
        Assert.Equal((HttpStatusCode.BadRequest, "请求有误", "请填写进展情况"), await ProblemOf(noText));
        Assert.Equal(HttpStatusCode.Forbidden, (await ProblemOf(byLeader)).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await ProblemOf(notJson)).Status);
        Assert.Empty((await fixture.AssignmentAsync(id)).Reports);

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/assignments/{id}/reports")
        {
            Content = JsonContent.Create(new { progress = "已完成网站栏目梳理。", percentComplete = 40, problems = "人手紧张", nextSteps = "8月上线", evidenceLinks = EvidenceLinks }),
        };
        request.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{version}\""));
        var reported = await unit.SendAsync(request);
        var stale = await unit.PostAsJsonAsync($"/api/v1/assignments/{id}/reports", new { progress = "再报一次。", version });

        Assert.Equal(HttpStatusCode.Created, reported.StatusCode);
        var detail = await JsonOf(reported);
        Assert.Equal("InProgress", detail.GetProperty("status").GetString());
        Assert.Equal("已完成网站栏目梳理。", detail.GetProperty("reports")[0].GetProperty("progress").GetString());
        Assert.Equal(40, detail.GetProperty("reports")[0].GetProperty("percentComplete").GetInt32());
        Assert.EndsWith("+00:00", detail.GetProperty("reports")[0].GetProperty("reportedAt").GetString(), StringComparison.Ordinal);
        Assert.NotEqual(version, detail.GetProperty("version").GetGuid());
        Assert.Equal((HttpStatusCode.Conflict, "与当前状态冲突"), await StatusAndTitleOf(stale));
        var saved = Assert.Single((await fixture.AssignmentAsync(id)).Reports);
        Assert.Equal(["https://www.example.gov.cn/a.html"], saved.EvidenceLinks);
    }

    [Fact]
    public async Task Without_a_token_or_with_a_bad_revoked_or_expired_one_the_api_is_401()
    {
        var revoked = await fixture.TokenAsync("unit");
        var expired = await fixture.TokenAsync("unit", validDays: 1);
        var working = await fixture.TokenAsync("unit");
        Assert.Equal(HttpStatusCode.OK, (await fixture.ClientWith(revoked.Secret).GetAsync("/api/v1/plans")).StatusCode);
        var revoking = await fixture.App.Get<ApiTokenService>().RevokeAsync(await fixture.UserIdAsync("unit"), revoked.Id);
        Assert.True(revoking.Succeeded, revoking.Message);
        await using (var db = fixture.App.NewDbContext())
        {
            await db.ApiTokens.Where(t => t.Id == expired.Id).ExecuteUpdateAsync(t => t.SetProperty(x => x.ExpiresAtUtc, DateTime.UtcNow.AddMinutes(-1)));
        }

        var anonymous = fixture.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var none = await anonymous.GetAsync("/api/v1/assignments");
        var garbage = await fixture.ClientWith("wpt_not-a-token").GetAsync("/api/v1/assignments");
        var afterRevoke = await fixture.ClientWith(revoked.Secret).GetAsync("/api/v1/assignments");
        var afterExpiry = await fixture.ClientWith(expired.Secret).GetAsync("/api/v1/assignments");

        Assert.Equal((HttpStatusCode.Unauthorized, "未认证", ApiTokenAuthenticationHandler.MissingMessage), await ProblemOf(none));
        Assert.Equal("Bearer", none.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal((HttpStatusCode.Unauthorized, "未认证", ApiTokenAuthenticationHandler.RefusedMessage), await ProblemOf(garbage));
        Assert.Equal(HttpStatusCode.Unauthorized, (await ProblemOf(afterRevoke)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ProblemOf(afterExpiry)).Status);
        Assert.Equal(HttpStatusCode.OK, (await fixture.ClientWith(working.Secret).GetAsync("/api/v1/assignments")).StatusCode);
    }

    [Fact]
    public async Task Tokens_are_stored_as_hashes_and_only_their_owner_revokes_them()
    {
        var token = await fixture.TokenAsync("unit");
        var tokens = fixture.App.Get<ApiTokenService>();

        var byOther = await tokens.RevokeAsync(await fixture.UserIdAsync("office"), token.Id);
        var unnamed = await tokens.CreateAsync(await fixture.UserIdAsync("unit"), "  ", 30);

        await using var db = fixture.App.NewDbContext();
        var stored = await db.ApiTokens.SingleAsync(t => t.Id == token.Id);
        Assert.Equal(ApiTokenService.HashOf(token.Secret), stored.TokenHash);
        Assert.DoesNotContain(await db.ApiTokens.Select(t => t.TokenHash).ToListAsync(), h => h.Contains(token.Secret, StringComparison.Ordinal));
        Assert.Equal(OutcomeKind.NotFound, byOther.Kind);
        Assert.Null(stored.RevokedAtUtc);
        Assert.Equal(OutcomeKind.Invalid, unnamed.Kind);
    }

    [Fact]
    public async Task The_sign_in_cookie_does_not_open_the_api_and_a_token_does_not_open_pages()
    {
        var signedIn = await fixture.App.SignedInClientAsync("office", DemoAccounts.Password);
        var tokenOnly = await fixture.ClientAsync("office");

        var apiByCookie = await signedIn.GetAsync("/api/v1/assignments");
        var pageByToken = await tokenOnly.GetAsync("/assignments");

        Assert.Equal(HttpStatusCode.Unauthorized, (await ProblemOf(apiByCookie)).Status);
        Assert.Equal(HttpStatusCode.Redirect, pageByToken.StatusCode);
        Assert.Contains("/account/login", pageByToken.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_over_its_rate_limit_gets_429_in_chinese_and_another_token_does_not()
    {
        var busy = await fixture.ClientAsync("unit");
        var other = await fixture.ClientAsync("unit");

        for (var i = 0; i < ApiFixture.PermitsPerMinute; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/api/v1/plans")).StatusCode);
        }

        var limited = await busy.GetAsync("/api/v1/plans");

        Assert.Equal((HttpStatusCode.TooManyRequests, "请求过于频繁"), await StatusAndTitleOf(limited));
        Assert.Equal(TimeSpan.FromSeconds(60), limited.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/plans")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_api_address_is_a_404_problem_not_a_page()
    {
        var office = await fixture.ClientAsync("office");

        var problem = await ProblemOf(await office.GetAsync("/api/v1/nothing-here"));

        Assert.Equal(HttpStatusCode.NotFound, problem.Status);
    }

    [Fact]
    public async Task The_openapi_document_lists_the_endpoints_and_the_docs_page_keeps_the_csp()
    {
        var anonymous = fixture.App.CreateClient();

        var document = await JsonOf(await anonymous.GetAsync(ApiEndpoints.DocumentUrl));
        var docs = await anonymous.GetAsync(ApiEndpoints.DocsPath);
        var html = await docs.Content.ReadAsStringAsync();

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(
            ["/api/v1/assignments", "/api/v1/assignments/{id}", "/api/v1/assignments/{id}/reports", "/api/v1/plans", "/api/v1/plans/{id}/tasks"],
            paths.Order(StringComparer.Ordinal).ToArray());
        Assert.True(document.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("Bearer", out _));
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        var csp = string.Join(";", docs.Headers.GetValues("Content-Security-Policy"));
        var nonce = Regex.Match(csp, "'nonce-([^']+)'").Groups[1].Value;
        Assert.DoesNotContain("unsafe", Regex.Match(csp, "script-src ([^;]*)").Groups[1].Value, StringComparison.Ordinal);
        var inlineScripts = InlineScript().Matches(html).Select(m => m.Value).ToList();
        Assert.NotEmpty(inlineScripts);
        Assert.All(inlineScripts, tag => Assert.Contains($"nonce=\"{nonce}\"", tag, StringComparison.Ordinal));
        Assert.DoesNotContain("https://", Regex.Replace(html, "<title>.*?</title>", ""), StringComparison.Ordinal);
    }

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>")]
    private static partial Regex InlineScript();
}

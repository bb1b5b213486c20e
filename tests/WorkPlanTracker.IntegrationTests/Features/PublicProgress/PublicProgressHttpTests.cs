using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Assignments;
using WorkPlanTracker.Features.Plans;
using WorkPlanTracker.Features.PublicProgress;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.IntegrationTests.Features.PublicProgress;

/// <summary>
/// The public progress page, feed and JSON as an anonymous visitor gets them: only what the office approved, no
/// cookie, 404 for anything not opened, served from the cache until anything behind it changes.
/// </summary>
public class PublicProgressHttpTests(PublicProgressFixture fixture) : IClassFixture<PublicProgressFixture>
{
    private HttpClient Anonymous() => fixture.App.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });

    private static string[] Addresses(string key) =>
        ["/" + PublicProgressService.PageUrl(key), "/" + PublicProgressService.FeedUrl(key), "/" + PublicProgressService.JsonUrl(key)];

    [Fact]
    public async Task The_page_feed_and_json_show_only_what_the_office_approved()
    {
        using var client = Anonymous();

        foreach (var address in Addresses(fixture.Key))
        {
            var body = await client.GetStringAsync(address);

            Assert.Contains(PublicProgressFixture.ApprovedSummary, body, StringComparison.Ordinal);
            Assert.Contains("加强政策解读", body, StringComparison.Ordinal);
            Assert.Contains("市数据资源局", body, StringComparison.Ordinal);
            Assert.Contains("持续推进", body, StringComparison.Ordinal);
            Assert.All(PublicProgressFixture.InternalTexts, secret => Assert.DoesNotContain(secret, body, StringComparison.Ordinal));
            Assert.DoesNotContain("督办〔", body, StringComparison.Ordinal);
            // Nothing opens the app's own pages: no assignment, plan or evidence address.
            Assert.DoesNotContain("assignments/", body, StringComparison.Ordinal);
            Assert.DoesNotContain("evidence/", body, StringComparison.Ordinal);
            // The plan's own address, not the public key that may start with the same digit ("public/plans/5cb3…").
            Assert.DoesNotMatch($"plans/{fixture.PlanId}(?![0-9a-f])", body);
        }
    }

    [Fact]
    public async Task The_page_lists_each_tasks_lead_deadline_status_and_approved_progress()
    {
        using var client = Anonymous();

        using var json = JsonDocument.Parse(await client.GetStringAsync("/" + PublicProgressService.JsonUrl(fixture.Key)));
        var tasks = json.RootElement.GetProperty("tasks").EnumerateArray().ToDictionary(t => t.GetProperty("number").GetString()!);

        Assert.Equal(PublicProgressFixture.PlanTitle, json.RootElement.GetProperty("title").GetString());
        Assert.Equal(["一.1", "一.2", "二.3"], tasks.Keys.Order(StringComparer.Ordinal));
        var first = tasks["一.1"];
        // The number as the plan cites it, on the page, in the feed and for a portal.
        Assert.Equal("一、1.", first.GetProperty("numberText").GetString());
        Assert.Equal("2035年6月30日", first.GetProperty("deadline").GetString());
        Assert.Equal("已逾期", first.GetProperty("status").GetString());
        Assert.Equal(["市数据资源局"], first.GetProperty("leadUnits").EnumerateArray().Select(u => u.GetString()));
        var note = Assert.Single(first.GetProperty("progress").EnumerateArray());
        Assert.Equal(PublicProgressFixture.ApprovedSummary, note.GetProperty("text").GetString());
        Assert.Equal("持续推进", tasks["二.3"].GetProperty("status").GetString());
        // 一.2's only report was returned: nothing of it is public.
        Assert.Equal("推进中", tasks["一.2"].GetProperty("status").GetString());
        Assert.Empty(tasks["一.2"].GetProperty("progress").EnumerateArray());

        var feed = XDocument.Parse(await client.GetStringAsync("/" + PublicProgressService.FeedUrl(fixture.Key)));
        XNamespace atom = "http://www.w3.org/2005/Atom";
        Assert.Equal(3, feed.Root!.Elements(atom + "entry").Count());
        Assert.Contains(feed.Root!.Elements(atom + "entry"), e => e.Element(atom + "title")!.Value.StartsWith("一、1.", StringComparison.Ordinal));
        var page = await client.GetStringAsync("/" + PublicProgressService.PageUrl(fixture.Key));
        Assert.Contains("data-label=\"序号\">一、1.</th>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anyone_reads_the_page_without_a_cookie_and_gets_none()
    {
        using var client = Anonymous();

        foreach (var address in Addresses(fixture.Key))
        {
            using var response = await client.GetAsync(address);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(response.Headers.Contains("Set-Cookie"), $"{address} set a cookie");
        }

        var page = await client.GetStringAsync("/" + PublicProgressService.PageUrl(fixture.Key));
        Assert.Contains("<html lang=\"zh-CN\">", page, StringComparison.Ordinal);
        // A static page: no script, no circuit, no form token.
        Assert.DoesNotContain("<script", page, StringComparison.Ordinal);
        Assert.DoesNotContain("__RequestVerificationToken", page, StringComparison.Ordinal);
        Assert.Contains("<caption>", page, StringComparison.Ordinal);
        Assert.Contains("scope=\"col\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plan_not_opened_is_404_and_so_are_its_internal_id_and_a_closed_page()
    {
        using var client = Anonymous();
        var other = await fixture.App.ImportPlanAsync(PublicProgressFixture.PlanText.Replace("公开县", "未公开县", StringComparison.Ordinal), "other.txt");
        FixtureOk(await fixture.Get<PlanPublishingService>().PublishAsync(fixture.Office, other));

        foreach (var address in Addresses(other.ToString(System.Globalization.CultureInfo.InvariantCulture)).Concat(Addresses("0123456789abcdef01234567")))
        {
            using var response = await client.GetAsync(address);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        var key = await fixture.OpenAsync(other);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/" + PublicProgressService.PageUrl(key))).StatusCode);
        var service = fixture.Get<PublicProgressService>();
        var state = (await service.StateAsync(fixture.Office, other)).Value;
        FixtureOk(await service.SetOpenAsync(fixture.Office, other, state.Version, open: false));

        foreach (var address in Addresses(key))
        {
            using var response = await client.GetAsync(address);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("未找到公开的工作进展", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Opened again, the page is back at the same address the portal linked to.
        Assert.Equal(key, await fixture.OpenAsync(other));
    }

    [Fact]
    public async Task A_request_with_nothing_changed_is_served_from_the_cache_without_reading_the_plan()
    {
        using var client = Anonymous();
        var page = "/" + PublicProgressService.PageUrl(fixture.Key);
        var counter = fixture.App.TaggedCommands;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(page)).StatusCode);
        var reads = counter.Count(PublicProgressService.ViewTag);
        var stamps = counter.Count(PublicProgressService.StampTag);

        var again = await client.GetStringAsync(page);
        // A query string added to miss the cache gets the same cached page.
        var withQuery = await client.GetStringAsync(page + "?nocache=" + Guid.NewGuid().ToString("N"));

        Assert.Contains("加强政策解读", again, StringComparison.Ordinal);
        Assert.Equal(again, withQuery);
        Assert.Equal(reads, counter.Count(PublicProgressService.ViewTag));
        // What each request costs: the one small query of the data stamp.
        Assert.Equal(stamps + 2, counter.Count(PublicProgressService.StampTag));
    }

    [Fact]
    public async Task A_units_work_closed_or_a_change_made_on_another_instance_shows_at_once_on_the_page_feed_and_json()
    {
        using var client = Anonymous();
        var planId = await fixture.App.ImportPlanAsync(
            """
            变更县2035年政务公开工作要点
            一、公开重点
            1.推进政策文件库建设。(市数据资源局牵头,2035年12月底前)
            """,
            "changing.txt");
        FixtureOk(await fixture.Get<PlanPublishingService>().PublishAsync(fixture.Office, planId));
        var key = await fixture.OpenAsync(planId);
        var addresses = Addresses(key);
        foreach (var address in addresses)
        {
            var before = await client.GetStringAsync(address);
            Assert.Contains("推进中", before, StringComparison.Ordinal);
            Assert.DoesNotContain("已办结", before, StringComparison.Ordinal);
        }

        var unit = TestActors.UserOf(fixture.DataUnit);
        var assignments = fixture.Get<AssignmentService>();
        async Task<TaskAssignment> CurrentAsync()
        {
            await using var db = fixture.App.NewDbContext();
            return await db.Assignments.SingleAsync(a => a.WorkTask!.PlanId == planId);
        }

        var assignment = await CurrentAsync();
        FixtureOk(await assignments.SubmitReportAsync(unit, assignment.Id, assignment.Version, new ReportInput
        {
            Progress = "政策文件库已上线运行。",
            EvidenceLinks = "https://www.example.gov.cn/zcwjk",
        }));
        assignment = await CurrentAsync();
        FixtureOk(await assignments.RequestCompletionAsync(unit, assignment.Id, assignment.Version, "政策文件库已上线"));
        assignment = await CurrentAsync();
        FixtureOk(await assignments.ApproveCompletionAsync(fixture.Office, assignment.Id, assignment.Version));

        foreach (var address in addresses)
        {
            Assert.Contains("已办结", await client.GetStringAsync(address), StringComparison.Ordinal);
        }

        // Renamed through another instance (straight in the shared database): this instance's cache knows nothing of it.
        await using (var db = fixture.App.NewDbContext())
        {
            var task = await db.Tasks.SingleAsync(t => t.PlanId == planId);
            task.Title = "建成政策文件库";
            await db.SaveChangesAsync();
        }

        foreach (var address in addresses)
        {
            Assert.Contains("建成政策文件库", await client.GetStringAsync(address), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_report_returned_after_its_summary_was_approved_leaves_the_page_at_once()
    {
        using var client = Anonymous();
        var page = "/" + PublicProgressService.PageUrl(fixture.Key);
        var assignments = fixture.Get<AssignmentService>();
        var late = await fixture.AssignmentAsync("一.1", fixture.OtherUnit);
        FixtureOk(await assignments.SubmitReportAsync(TestActors.UserOf(fixture.OtherUnit), late.Id, late.Version, new ReportInput { Progress = "乙局原文" }));
        late = await fixture.AssignmentAsync("一.1", fixture.OtherUnit);
        FixtureOk(await fixture.Get<PublicProgressService>().ApproveSummaryAsync(fixture.Office, late.Reports.Single().Id, "退回前公开的摘要"));
        Assert.Contains("退回前公开的摘要", await client.GetStringAsync(page), StringComparison.Ordinal);

        FixtureOk(await assignments.ReturnAsync(fixture.Office, late.Id, late.Version, "数字有误"));

        Assert.DoesNotContain("退回前公开的摘要", await client.GetStringAsync(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_office_opens_a_page_or_approves_a_summary_and_a_refusal_changes_nothing()
    {
        var service = fixture.Get<PublicProgressService>();
        var unit = TestActors.UserOf(fixture.DataUnit);
        var version = (await service.StateAsync(fixture.Office, fixture.PlanId)).Value.Version;

        Assert.Equal(OutcomeKind.Forbidden, (await service.SetOpenAsync(unit, fixture.PlanId, version, open: false)).Kind);
        Assert.Equal(OutcomeKind.Forbidden, (await service.SetOpenAsync(TestActors.Leader, fixture.PlanId, version, open: false)).Kind);
        Assert.Equal(OutcomeKind.Forbidden, (await service.ApproveSummaryAsync(unit, fixture.WithdrawnReportId, "单位自己公开")).Kind);
        Assert.Equal(OutcomeKind.Forbidden, (await service.DeskAsync(unit, fixture.PlanId)).Kind);
        // A returned report is refused with the reason, and stays unpublished.
        var returned = await service.ApproveSummaryAsync(fixture.Office, fixture.ReturnedReportId, "退回的也公开");
        Assert.Equal(OutcomeKind.Conflict, returned.Kind);

        await using var db = fixture.App.NewDbContext();
        Assert.True(await db.Plans.Where(p => p.Id == fixture.PlanId).Select(p => p.IsPublic).SingleAsync());
        var reports = await db.ProgressReports.Where(r => r.Id == fixture.WithdrawnReportId || r.Id == fixture.ReturnedReportId).ToListAsync();
        Assert.All(reports, r => Assert.False(r.HasPublicSummary));
        Assert.DoesNotContain(reports, r => r.PublicSummary is "单位自己公开" or "退回的也公开");
    }

    [Fact]
    public async Task A_draft_is_not_opened_to_the_public()
    {
        var draft = await fixture.App.ImportPlanAsync(PublicProgressFixture.PlanText.Replace("公开县", "草稿县", StringComparison.Ordinal), "draft.txt");
        var service = fixture.Get<PublicProgressService>();
        var state = (await service.StateAsync(fixture.Office, draft)).Value;

        var refused = await service.SetOpenAsync(fixture.Office, draft, state.Version, open: true);

        Assert.Equal("草稿计划尚未发布，不能公开；请先发布计划。", refused.Message);
        Assert.Null((await service.StateAsync(fixture.Office, draft)).Value.Key);
    }

    private static void FixtureOk(Outcome outcome) => PublicProgressFixture.Ok(outcome);
}

/// <summary>On an app of its own with three requests a minute, so the other tests never meet the limit.</summary>
public class PublicProgressRateLimitTests(PublicProgressRateLimitTests.LimitedApp app) : IClassFixture<PublicProgressRateLimitTests.LimitedApp>
{
    public sealed class LimitedApp : AppFactory
    {
        public LimitedApp() => Settings["PublicProgress:PermitsPerMinute"] = "3";
    }

    [Fact]
    public async Task A_visitor_over_the_limit_gets_429_in_chinese_and_the_rest_of_the_site_is_not_limited()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        var address = "/" + PublicProgressService.PageUrl("0123456789abcdef01234567");

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(address)).StatusCode);
        }

        using var refused = await client.GetAsync("/" + PublicProgressService.JsonUrl("0123456789abcdef01234567"));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(PublicProgressEndpoints.TooManyRequestsMessage, await refused.Content.ReadAsStringAsync());
        Assert.Equal("60", refused.Headers.GetValues("Retry-After").Single());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode);
    }
}

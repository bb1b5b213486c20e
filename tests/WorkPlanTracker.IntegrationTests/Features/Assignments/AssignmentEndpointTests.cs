using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WorkPlanTracker.Features.Accounts;
using WorkPlanTracker.Features.Assignments;
using WorkPlanTracker.IntegrationTests.Features.Ledger;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.IntegrationTests.Features.Assignments;

/// <summary>
/// One endpoint through the real app, signed in through the real login form, telling the refusals apart as the API
/// to come needs them: 404 not visible, 403 visible but not yours to do, 409 changed meanwhile, each a Chinese problem.
/// Its own app (class fixture): it signs an assignment for, which the ledger tests' figures must not see.
/// </summary>
public class AssignmentEndpointTests(LedgerFixture fixture) : IClassFixture<LedgerFixture>
{
    private Task<HttpClient> ClientAsync(string user) => fixture.App.SignedInClientAsync(user, DemoAccounts.Password);

    private static async Task<(HttpStatusCode Status, string? Title, string? Detail)> AcknowledgeAsync(HttpClient client, int assignmentId, Guid version)
    {
        var response = await client.PostAsJsonAsync("/" + AssignmentEndpoints.AcknowledgeUrl(assignmentId), new VersionedRequest(version));
        if (response.StatusCode == HttpStatusCode.NoContent)
        {
            return (response.StatusCode, null, null);
        }

        Assert.Equal(OutcomeHttpResults.ProblemContentType, response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, problem.RootElement.GetProperty("title").GetString(), problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Acknowledging_answers_404_403_409_and_204_told_apart()
    {
        var unit = await ClientAsync("unit");
        var leader = await ClientAsync("leader");
        var own = await fixture.AssignmentAsync("二.3", fixture.DataUnit);
        var others = await fixture.AssignmentAsync("一.1", fixture.OtherUnit);

        var notVisible = await AcknowledgeAsync(unit, others.Id, others.Version);
        var missing = await AcknowledgeAsync(unit, 987654, own.Version);
        var notTheirs = await AcknowledgeAsync(leader, own.Id, own.Version);
        var stale = await AcknowledgeAsync(unit, own.Id, Guid.NewGuid());

        Assert.Equal((HttpStatusCode.NotFound, "找不到", "找不到这项任务，或您无权查看。"), notVisible);
        Assert.Equal((HttpStatusCode.NotFound, "找不到", "找不到这项任务，或您无权查看。"), missing);
        Assert.Equal((HttpStatusCode.Forbidden, "无权操作", "您没有权限进行这项操作。"), notTheirs);
        Assert.Equal((HttpStatusCode.Conflict, "与当前状态冲突", "这项任务刚被其他人处理过，请刷新页面后再操作。"), stale);
        Assert.Null((await fixture.AssignmentAsync("二.3", fixture.DataUnit)).AcknowledgedAtUtc);

        var signed = await AcknowledgeAsync(unit, own.Id, own.Version);

        Assert.Equal(HttpStatusCode.NoContent, signed.Status);
        var signedOnce = await fixture.AssignmentAsync("二.3", fixture.DataUnit);
        Assert.NotNull(signedOnce.AcknowledgedAtUtc);

        // Up to date but already signed for: the state does not allow the step, which is a conflict, not a bad request.
        var again = await AcknowledgeAsync(unit, signedOnce.Id, signedOnce.Version);
        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        Assert.Equal("与当前状态冲突", again.Title);
        Assert.StartsWith("任务已于", again.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_post_from_another_site_is_not_taken_for_the_JSON_request()
    {
        var unit = await ClientAsync("unit");
        var own = await fixture.AssignmentAsync("二.4", fixture.DataUnit);

        var response = await unit.PostAsync("/" + AssignmentEndpoints.AcknowledgeUrl(own.Id),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Version"] = own.Version.ToString() }));

        // Minimal APIs refuse a body that is not JSON before the endpoint runs.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null((await fixture.AssignmentAsync("二.4", fixture.DataUnit)).AcknowledgedAtUtc);
    }
}

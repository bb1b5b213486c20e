using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Api;
using WorkPlanTracker.IntegrationTests.Features.Ledger;

namespace WorkPlanTracker.IntegrationTests.Features.Api;

/// <summary>
/// An app of its own (tests report progress and revoke tokens) with a published plan whose units are the demo unit
/// user's 市数据资源局 and 台账乙局, one draft plan, and a low per-token rate limit so the 429 test needs few calls.
/// Every test makes its own tokens, so their rate limits do not add up.
/// </summary>
public sealed class ApiFixture : IAsyncLifetime
{
    public const int PermitsPerMinute = 12;

    public AppFactory App { get; } = new();

    public int PlanId { get; private set; }

    public int DraftPlanId { get; private set; }

    public int DataUnit { get; private set; }

    /// <summary>逾期丙局's two assignments: one due in 2020 (overdue), one ongoing.</summary>
    public IReadOnlyList<int> LateAssignments { get; private set; } = [];

    public int OtherUnit { get; private set; }

    public async Task InitializeAsync()
    {
        App.Settings["Api:PermitsPerMinute"] = PermitsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var own = await App.PublishedAssignmentsAsync(LedgerFixture.PlanText, "api.txt", "市数据资源局");
        await using var db = App.NewDbContext();
        PlanId = await db.Assignments.Where(a => a.Id == own[0]).Select(a => a.WorkTask!.PlanId).SingleAsync();
        DataUnit = await App.UnitIdAsync("市数据资源局");
        OtherUnit = await App.UnitIdAsync("台账乙局");
        LateAssignments = await App.PublishedAssignmentsAsync("""
            逾期县2020年工作要点
            一、重点
            1.早已到期的任务。(逾期丙局牵头,2020年6月底前)
            2.持续推进的任务。(逾期丙局牵头,持续推进)
            """, "late.txt", "逾期丙局");
        DraftPlanId = await App.ImportPlanAsync("""
            草稿县2035年工作要点
            一、重点
            1.尚未印发的任务。(市数据资源局牵头,2035年6月底前)
            """, "draft.txt");
    }

    public async Task<int> AssignmentIdAsync(string path, int unitId)
    {
        await using var db = App.NewDbContext();
        return await db.Assignments.Where(a => a.WorkTask!.PlanId == PlanId && a.WorkTask.Path == path && a.OrgUnitId == unitId).Select(a => a.Id).SingleAsync();
    }

    public async Task<TaskAssignment> AssignmentAsync(int id)
    {
        await using var db = App.NewDbContext();
        return await db.Assignments.Include(a => a.Reports).AsNoTracking().SingleAsync(a => a.Id == id);
    }

    public async Task<string> UserIdAsync(string userName)
    {
        await using var db = App.NewDbContext();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }

    /// <summary>A new token of <paramref name="userName"/>, made as the token page makes it.</summary>
    public async Task<CreatedApiToken> TokenAsync(string userName, int? validDays = 30)
    {
        var created = await App.Get<ApiTokenService>().CreateAsync(await UserIdAsync(userName), "测试系统", validDays);
        Assert.True(created.Succeeded, created.Message);
        return created.Value;
    }

    /// <summary>A client that sends a new token of <paramref name="userName"/> and no cookie.</summary>
    public async Task<HttpClient> ClientAsync(string userName) => ClientWith((await TokenAsync(userName)).Secret);

    public HttpClient ClientWith(string secret)
    {
        var client = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }
}

using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Plans;
using WorkPlanTracker.Features.UpperPlans;

namespace WorkPlanTracker.IntegrationTests.Features.UpperPlans;

/// <summary>
/// Two instances of the app, one per level, each on its own SQLite file: the province (上级) has published its plan,
/// which names the city (示范市政府) as a unit; the city has imported that plan as its upper plan and published its own.
/// </summary>
public sealed class TwoLevelFixture : IAsyncLifetime
{
    public const string City = "示范市政府";

    public const string UpperPlanText = """
        示范省2035年政务公开工作要点
        一、公开重点
        1.加强重大政策解读工作，提高政策解读质量。(示范市政府牵头,2035年12月底前)
        2.推进基层政务公开标准化规范化建设。(示范市政府牵头,持续推进)
        3.规范政府网站集约化建设管理。(示范市政府牵头,2035年9月底前)
        """;

    public const string OwnPlanText = """
        示范市2035年政务公开工作要点
        一、重点任务
        1.做好重大政策解读，提高政策解读质量和实效。(市数据资源局牵头,2035年11月底前)
        2.开展基层公开目录梳理，落实省要点第2项。(台账乙局牵头,持续推进)
        3.开展政务新媒体季度检查。(市数据资源局牵头,2035年6月底前)
        """;

    public StoppedClockAppFactory Upper { get; } = new();

    public StoppedClockAppFactory Lower { get; } = new();

    /// <summary>The city's copy of the province's plan, marked as its upper plan.</summary>
    public int LowerUpperPlanId { get; private set; }

    public int LowerOwnPlanId { get; private set; }

    public async Task InitializeAsync()
    {
        Upper.StartServer();
        Lower.StartServer();
        await Upper.PublishedAssignmentsAsync(UpperPlanText, "省要点.txt", City);

        LowerUpperPlanId = await Lower.ImportPlanAsync(UpperPlanText, "省要点.txt");
        var marked = await Lower.Get<UpperPlanService>().MarkAsUpperPlanAsync(TestActors.Office, LowerUpperPlanId);
        Assert.True(marked.Succeeded, marked.Message);
        LowerOwnPlanId = await Lower.ImportPlanAsync(OwnPlanText, "市要点.txt");
        var published = await Lower.Get<PlanPublishingService>().PublishAsync(TestActors.Office, LowerOwnPlanId);
        Assert.True(published.Succeeded, published.Message);
    }

    public static async Task<WorkTask> TaskAsync(AppFactory app, int planId, string path)
    {
        await using var db = app.NewDbContext();
        return await db.Tasks.Include(t => t.Assignments).ThenInclude(a => a.Reports).SingleAsync(t => t.PlanId == planId && t.Path == path);
    }

    public Task DisposeAsync()
    {
        Upper.Dispose();
        Lower.Dispose();
        return Task.CompletedTask;
    }
}

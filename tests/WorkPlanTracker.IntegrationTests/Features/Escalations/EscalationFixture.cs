using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Plans;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.IntegrationTests.Features.Escalations;

/// <summary>A published plan on 2035年7月15日: some deadlines passed, one still ahead, one ongoing.</summary>
public sealed class EscalationFixture : IAsyncLifetime
{
    public const string PlanText = """
        督办县2035年政务公开工作要点
        一、工作任务
        1.加强政策解读。(工作流甲局牵头;工作流乙局配合,2035年6月底前)
        2.做好依申请公开。(工作流乙局牵头,2035年9月底前)
        3.做好年度报告。(工作流甲局牵头,2035年5月底前)
        4.规范政府网站。(工作流乙局牵头,2035年4月底前)
        5.推进基层公开。(工作流甲局牵头,持续推进)
        6.更新政策文件库。(工作流乙局牵头,2035年3月底前)
        7.公开财政预决算。(工作流乙局牵头,2035年2月底前)
        """;

    public StoppedClockAppFactory App { get; } = new();

    public DateOnly Today { get; } = new(2035, 7, 15);

    public int UnitA { get; private set; }

    public int UnitB { get; private set; }

    public Actor Office => TestActors.Office;

    public Actor Leader => TestActors.Leader;

    public Actor UserOf(int unitId) => TestActors.UserOf(unitId);

    public T Get<T>()
        where T : notnull => App.Get<T>();

    public async Task InitializeAsync()
    {
        App.StartServer();
        var planId = await App.ImportPlanAsync(PlanText, "escalation.txt");
        var published = await Get<PlanPublishingService>().PublishAsync(Office, planId);
        Assert.True(published.Succeeded, published.Message);
        await using var db = App.NewDbContext();
        UnitA = await App.UnitIdAsync("工作流甲局");
        UnitB = await App.UnitIdAsync("工作流乙局");
    }

    public async Task<TaskAssignment> AssignmentAsync(string path, int unitId)
    {
        await using var db = App.NewDbContext();
        return await db.Assignments.Include(a => a.WorkTask).SingleAsync(a => a.WorkTask!.Path == path && a.OrgUnitId == unitId);
    }

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }
}

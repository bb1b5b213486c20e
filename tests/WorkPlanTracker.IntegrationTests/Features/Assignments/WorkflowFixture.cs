using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.IntegrationTests.Features.Assignments;

/// <summary>A small plan of its own, imported into the real app, and the actors that work on it.</summary>
public sealed class WorkflowFixture : IAsyncLifetime
{
    public const string PlanText = """
        工作流县2035年政务公开工作要点
        一、工作任务
        1.加强政策解读。(工作流甲局牵头;工作流乙局配合,2035年6月底前)
        2.推进基层公开。(工作流各部门负责落实,持续推进)
        3.做好依申请公开。(工作流乙局牵头,2035年9月底前)
        """;

    public AppFactory App { get; } = new();

    public int PlanId { get; private set; }

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
        PlanId = await App.ImportPlanAsync(PlanText, "workflow.txt");
        UnitA = await App.UnitIdAsync("工作流甲局");
        UnitB = await App.UnitIdAsync("工作流乙局");
    }

    public async Task<TaskAssignment> AssignmentAsync(string path, int unitId)
    {
        await using var db = App.NewDbContext();
        return await db.Assignments.Include(a => a.WorkTask).SingleAsync(a => a.WorkTask!.PlanId == PlanId && a.WorkTask.Path == path && a.OrgUnitId == unitId);
    }

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }
}

using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Dashboard;

namespace WorkPlanTracker.Tests.Features.Dashboard;

/// <summary>
/// A 退回 counts wherever returns are shown, also when it was a completion request that was sent back (no report is
/// marked then) and after the unit reported again and the work was closed.
/// </summary>
public sealed class ReturnCountTests : IAsyncLifetime
{
    private readonly SeededDatabase database = new();
    private LateReturnedWork.Seeded seeded = null!;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        seeded = await LateReturnedWork.SeedAsync(database);
    }

    public Task DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task A_returned_completion_request_counts_in_the_ranking_and_on_the_unit_page()
    {
        var service = database.Get<DashboardService>();

        var ranking = (await service.RankingAsync(DashboardFixture.Leader, new DashboardScope(LateReturnedWork.Year))).Value;
        var unit = Assert.Single(ranking.Units);
        Assert.Equal((seeded.UnitId, 1, 1), (unit.UnitId, unit.Closed, unit.Returns));
        Assert.True(unit.ReturnedRate > 0);

        // The unit page's 被退回 links here: the returned assignment is listed, and says how often.
        var returned = (await service.DrillAsync(DashboardFixture.Leader, new DrillFilter(LateReturnedWork.Year, DrillShow.ReturnedReports, UnitId: seeded.UnitId))).Value;
        var row = Assert.Single(returned.Rows);
        Assert.Equal("退回1次：请补充佐证材料", row.Detail);
    }
}

/// <summary>One task of a 2021 plan, closed three years late after its completion request was returned once.</summary>
internal static class LateReturnedWork
{
    public const int Year = 2021;

    public static readonly DateOnly Deadline = new(2021, 3, 31);

    /// <summary>2024年4月2日 (China date): 1098 days after the deadline.</summary>
    public static readonly DateTime ClosedAtUtc = DashboardFixture.At(2024, 4, 2);

    public sealed record Seeded(int PlanId, int UnitId, int AssignmentId);

    public static async Task<Seeded> SeedAsync(SeededDatabase database)
    {
        await using var db = database.NewContext();
        var unit = new OrgUnit { Name = "迟办局" };
        var plan = new WorkPlan { Year = Year, Title = "2021年退回测试工作要点", ImportedAtUtc = DashboardFixture.At(Year, 2, 1), Source = new PlanSource(), ReportingCycle = ReportingCycle.Monthly(5) };
        plan.Publish();
        var task = new WorkTask { Plan = plan, Path = "1", Title = "完善公开目录", Text = "完善公开目录", SortOrder = 0 };
        task.SetDeadlineAsWritten(Deadline, null, ongoing: false);
        plan.Tasks.Add(task);
        db.Units.Add(unit);
        db.Plans.Add(plan);
        await db.SaveChangesAsync();

        var assignment = TaskAssignment.Create(task, unit.Id, AssignmentRole.Lead, DashboardFixture.At(Year, 2, 15));
        task.Assignments.Add(assignment);
        assignment.SubmitReport(new ProgressReport { Progress = "已梳理目录" }, DashboardFixture.At(Year, 3, 1));
        assignment.RequestCompletion("已完成", DashboardFixture.At(Year, 3, 20));
        assignment.Return("请补充佐证材料", DashboardFixture.At(Year, 3, 25));
        assignment.SubmitReport(new ProgressReport { Progress = "已补充佐证" }, DashboardFixture.At(2024, 3, 30));
        assignment.RequestCompletion("已完成", DashboardFixture.At(2024, 3, 31));
        assignment.ApproveCompletion(ClosedAtUtc);
        await db.SaveChangesAsync();
        return new Seeded(plan.Id, unit.Id, assignment.Id);
    }
}

using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Plans;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.IntegrationTests.Features.Plans;

/// <summary>
/// A clock the test sets to any date. Not FakeTimeProvider: that one refuses to go back, and the tests of a class
/// share one app and run in any order, each setting the date it needs.
/// </summary>
public sealed class SettableClock : TimeProvider
{
    private DateTimeOffset utcNow;

    public override DateTimeOffset GetUtcNow() => utcNow;

    /// <summary>Sets the clock to 10:00 China time on <paramref name="chinaDate"/>.</summary>
    public void SetChinaDate(DateOnly chinaDate) =>
        utcNow = new DateTimeOffset(chinaDate.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero);
}

/// <summary>The real app with its clock replaced, so report dates can pass without waiting for them.</summary>
public sealed class ClockedAppFactory(SettableClock clock) : AppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(clock));
    }
}

/// <summary>A small published plan whose assignments were made on 2036-03-01 (China time), and the actors around it.</summary>
public sealed class ReportingCycleFixture : IAsyncLifetime
{
    public const string PlanText = """
        周期县2036年政务公开工作要点
        一、工作任务
        1.加强政策解读。(周期甲局牵头,2036年12月底前)
        2.推进基层公开。(周期甲局牵头,持续推进)
        3.做好依申请公开。(周期乙局牵头,2036年12月底前)
        """;

    public static readonly DateOnly AssignedOn = new(2036, 3, 1);

    public ReportingCycleFixture()
    {
        Clock.SetChinaDate(AssignedOn);
        App = new ClockedAppFactory(Clock);
    }

    public SettableClock Clock { get; } = new();

    public ClockedAppFactory App { get; }

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
        PlanId = await App.ImportPlanAsync(PlanText, "cycles.txt");
        UnitA = await App.UnitIdAsync("周期甲局");
        UnitB = await App.UnitIdAsync("周期乙局");
        var published = await Get<PlanPublishingService>().PublishAsync(Office, PlanId);
        if (!published.Succeeded)
        {
            throw new InvalidOperationException(published.Message);
        }
    }

    public async Task<int> TaskIdAsync(string path)
    {
        await using var db = App.NewDbContext();
        return await db.Tasks.Where(t => t.PlanId == PlanId && t.Path == path).Select(t => t.Id).SingleAsync();
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

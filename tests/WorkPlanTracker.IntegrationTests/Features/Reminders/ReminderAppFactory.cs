using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WorkPlanTracker.Features.Plans;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.IntegrationTests.Features.Reminders;

/// <summary>The real app with a clock the test moves (09:00 China time, Saturday 1 June 2024 at the start).</summary>
public sealed class ReminderAppFactory : AppFactory
{
    public const string Plan = "2024年宿州市政务公开重点工作任务分工方案";

    public ReminderAppFactory()
    {
    }

    /// <summary>Over a data folder the test keeps (e.g. for the CLI to read afterwards).</summary>
    public ReminderAppFactory(string dataDirectory)
        : base(dataDirectory)
    {
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2024, 6, 1, 1, 0, 0, TimeSpan.Zero));

    public static Actor Office => TestActors.Office;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public void SetDay(DateOnly chinaDate) => Clock.SetUtcNow(new DateTimeOffset(chinaDate.ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero));

    /// <summary>Publishes the 2024 宿州 plan (a draft among the samples) and returns its id.</summary>
    public async Task<int> PublishPlanAsync()
    {
        int planId;
        await using (var db = NewDbContext())
        {
            planId = await db.Plans.Where(p => p.Title == Plan).Select(p => p.Id).SingleAsync();
        }

        var result = await Get<PlanPublishingService>().PublishAsync(Office, planId);
        Assert.True(result.Succeeded, result.Message);
        return planId;
    }
}

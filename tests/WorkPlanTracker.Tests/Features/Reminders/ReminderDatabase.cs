using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using WorkPlanTracker.Data;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Plans;
using WorkPlanTracker.Hosting;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Tests.Features.Reminders;

/// <summary>
/// The app's services over a fresh SQLite file with the sample plans, the 2024 宿州 plan published on Saturday
/// 1 June 2024 (a copy of one such folder per settings, see DatabaseTemplate), and a clock the test moves.
/// <see cref="RestartAsync"/> builds new service instances over the same database, as a restart of the app would.
/// </summary>
public sealed class ReminderDatabase : IAsyncDisposable
{
    public const string PublishedPlan = "2024年宿州市政务公开重点工作任务分工方案";

    private IHost? host;

    public string DataDirectory { get; }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2024, 6, 1, 1, 0, 0, TimeSpan.Zero));

    public Dictionary<string, string?> Settings { get; } = new()
    {
        ["Reminders:RetryDelaySeconds"] = "60",
        ["Reminders:MaxAttempts"] = "3",
    };

    /// <summary>Every SQL command the app's contexts send, with the rows read back.</summary>
    public WorkPlanTracker.Tests.Data.CommandCounter Commands { get; } = new();

    public IServiceProvider Services => host?.Services ?? throw new InvalidOperationException("not started");

    public int PlanId { get; private set; }

    public static async Task<ReminderDatabase> StartAsync(Action<ReminderDatabase>? configure = null)
    {
        var database = new ReminderDatabase();
        configure?.Invoke(database);
        var settings = string.Join(";", database.Settings.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}={s.Value}"));
        await DatabaseTemplate.CopyToAsync($"{nameof(ReminderDatabase)} {settings}", database.DataDirectory, async folder =>
        {
            var first = new ReminderDatabase(folder);
            configure?.Invoke(first);
            await first.RestartAsync();
            await first.PrepareAndPublishAsync();
            first.host?.Dispose();
        });
        await database.RestartAsync();
        await using var db = database.NewContext();
        database.PlanId = await db.Plans.Where(p => p.Title == PublishedPlan).Select(p => p.Id).SingleAsync();
        return database;
    }

    private ReminderDatabase()
        : this(Path.Combine(Path.GetTempPath(), "wpt-reminders", Guid.NewGuid().ToString("N")))
    {
    }

    private ReminderDatabase(string dataDirectory) => DataDirectory = dataDirectory;

    /// <summary>A first start: migrations and the sample plans, then the office publishes the 宿州 plan.</summary>
    private async Task PrepareAndPublishAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseStartup>().PrepareAsync();
        await using (var db = NewContext())
        {
            PlanId = await db.Plans.Where(p => p.Title == PublishedPlan).Select(p => p.Id).SingleAsync();
        }

        var office = new Actor("office", new HashSet<string> { AppRoles.PlanningOffice }, new HashSet<int>());
        var published = await scope.ServiceProvider.GetRequiredService<PlanPublishingService>().PublishAsync(office, PlanId);
        Assert.True(published.Succeeded, published.Message);
    }

    /// <summary>New service instances (and new singletons) over the same database file.</summary>
    public Task RestartAsync()
    {
        host?.Dispose();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Development" });
        builder.Configuration["Storage:DataDirectory"] = DataDirectory;
        foreach (var (key, value) in Settings)
        {
            builder.Configuration[key] = value;
        }

        builder.Logging.ClearProviders();
        builder.AddWorkPlanTrackerCore();
        builder.Services.AddSingleton<TimeProvider>(Clock);
        builder.Services.ConfigureDbContext<AppDbContext>(options => options.AddInterceptors(Commands));
        host = builder.Build();
        return Task.CompletedTask;
    }

    /// <summary>Moves the clock to 09:00 China time on <paramref name="chinaDate"/>.</summary>
    public void SetDay(DateOnly chinaDate) =>
        Clock.SetUtcNow(new DateTimeOffset(chinaDate.ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero));

    public T Get<T>()
        where T : notnull => Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    public AppDbContext NewContext() => Get<IDbContextFactory<AppDbContext>>().CreateDbContext();

    public async Task<int> UnitIdAsync(string name)
    {
        await using var db = NewContext();
        return await db.Units.Where(u => u.Name == name).Select(u => u.Id).SingleAsync();
    }

    public async Task SetContactAsync(string unitName, ReminderContact contact)
    {
        var office = new Actor("office", new HashSet<string> { AppRoles.PlanningOffice }, new HashSet<int>());
        var result = await Get<WorkPlanTracker.Features.Reminders.ReminderContactService>().SaveUnitContactAsync(office, await UnitIdAsync(unitName), contact);
        Assert.True(result.Succeeded, result.Message);
    }

    public ValueTask DisposeAsync()
    {
        host?.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }

        return ValueTask.CompletedTask;
    }
}

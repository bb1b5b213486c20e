using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using WorkPlanTracker.Data;
using WorkPlanTracker.Hosting;

namespace WorkPlanTracker.Tests;

/// <summary>
/// The app's own services over a real SQLite file in a fresh folder, migrated and filled with the sample
/// plans exactly as on first start (a copy of one such folder, see DatabaseTemplate). Shared by the tests of one
/// class (xunit class fixture).
/// </summary>
public sealed class SeededDatabase : IAsyncLifetime
{
    private IHost? host;

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "wpt-unit", Guid.NewGuid().ToString("N"));

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2024, 6, 1, 1, 0, 0, TimeSpan.Zero));

    /// <summary>Every SQL command the app's contexts send, with the rows read back.</summary>
    public Data.CommandCounter Commands { get; } = new();

    public IServiceProvider Services => host?.Services ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        await DatabaseTemplate.CopyToAsync(nameof(SeededDatabase), DataDirectory, async folder =>
        {
            using var first = Build(folder, new FakeTimeProvider(Clock.GetUtcNow()));
            await using var scope = first.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseStartup>().PrepareAsync();
        });
        host = Build(DataDirectory, Clock, Commands);
    }

    private static IHost Build(string dataDirectory, TimeProvider clock, Data.CommandCounter? commands = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Development" });
        builder.Configuration["Storage:DataDirectory"] = dataDirectory;
        builder.Logging.ClearProviders();
        builder.AddWorkPlanTrackerCore();
        builder.Services.AddSingleton(clock);
        if (commands is not null)
        {
            builder.Services.ConfigureDbContext<AppDbContext>(options => options.AddInterceptors(commands));
        }

        return builder.Build();
    }

    public AppDbContext NewContext() => Services.CreateScope().ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();

    public T Get<T>()
        where T : notnull => Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    public Task DisposeAsync()
    {
        host?.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; a failed test run must not hide the real failure.
        }

        return Task.CompletedTask;
    }
}

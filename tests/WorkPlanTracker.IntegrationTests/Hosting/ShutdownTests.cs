using System.Diagnostics;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace WorkPlanTracker.IntegrationTests.Hosting;

/// <summary>
/// Stopping the app (SIGTERM from systemd or docker) ends within seconds and quietly, even while Hangfire runs a
/// reminder job: one that honours the stop and one that does not (a mail server that never answers).
/// </summary>
public class ShutdownTests
{
    [Fact]
    public async Task The_app_stops_within_seconds_without_an_error_while_jobs_are_running()
    {
        var app = new AppFactory();
        app.Settings["Reminders:RunScheduler"] = "true";
        _ = app.Services;
        var jobs = app.Services.GetRequiredService<IBackgroundJobClient>();
        jobs.Enqueue<SlowJobs>(job => job.HonoursTheStopAsync(CancellationToken.None));
        jobs.Enqueue<SlowJobs>(job => job.IgnoresTheStopAsync(CancellationToken.None));
        await SlowJobs.BothRunningAsync();

        var clock = Stopwatch.StartNew();
        await app.DisposeAsync();
        clock.Stop();

        // Docker and systemd kill after 10 s by default; Hangfire's default waits 15 s and the host's 30 s.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"stopping took {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.DoesNotContain(app.LogFailures, f => f.Level >= Microsoft.Extensions.Logging.LogLevel.Error);
        Assert.DoesNotContain(app.LogFailures, f => f.Exception is OperationCanceledException && f.Level >= Microsoft.Extensions.Logging.LogLevel.Warning);
    }
}

/// <summary>Jobs Hangfire activates from the test assembly: each says when it runs, then takes long.</summary>
public sealed class SlowJobs
{
    private static readonly SemaphoreSlim Running = new(0);

    public static async Task BothRunningAsync()
    {
        Assert.True(await Running.WaitAsync(TimeSpan.FromSeconds(60)), "the first job did not start");
        Assert.True(await Running.WaitAsync(TimeSpan.FromSeconds(60)), "the second job did not start");
    }

    public async Task HonoursTheStopAsync(CancellationToken cancellationToken)
    {
        Running.Release();
        await Task.Delay(TimeSpan.FromMinutes(2), cancellationToken);
    }

    public async Task IgnoresTheStopAsync(CancellationToken cancellationToken)
    {
        _ = cancellationToken;
        Running.Release();
        await Task.Delay(TimeSpan.FromSeconds(40), CancellationToken.None);
    }
}

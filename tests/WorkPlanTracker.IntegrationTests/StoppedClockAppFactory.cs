using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace WorkPlanTracker.IntegrationTests;

/// <summary>The real app with its clock stopped on a known day, so which assignments are late does not depend on when the tests run.</summary>
public sealed class StoppedClockAppFactory : AppFactory
{
    /// <summary>10:00 on 2035年7月15日 in China.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2035, 7, 15, 2, 0, 0, TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

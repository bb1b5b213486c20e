using System.Reflection;
using BootstrapBlazor.Components;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace WorkPlanTracker.IntegrationTests;

/// <summary>
/// BootstrapBlazor keeps the cache manager of the app that made one last in a static (CacheManager.Instance) and
/// reaches that app's cache and services through it from every app in the process (display names, localizers).
/// With apps running side by side, an app that stops first hands the static to one still running; otherwise the
/// others would reach a disposed cache and service provider through it.
/// </summary>
internal static class BootstrapBlazorHandOver
{
    private static readonly Lock Gate = new();
    private static readonly List<IHost> Running = [];

    private static readonly PropertyInfo Instance =
        typeof(ICacheManager).Assembly.GetType("BootstrapBlazor.Components.CacheManager")?.GetProperty("Instance", BindingFlags.Static | BindingFlags.NonPublic)
        ?? throw new InvalidOperationException("BootstrapBlazor's CacheManager.Instance not found: check this hand-over against the new version");

    private static readonly PropertyInfo Cache =
        Instance.DeclaringType!.GetProperty("Cache", BindingFlags.Instance | BindingFlags.NonPublic)
        ?? throw new InvalidOperationException("BootstrapBlazor's CacheManager.Cache not found: check this hand-over against the new version");

    /// <summary>Follows a started host until it stops.</summary>
    public static void Track(IHost host)
    {
        lock (Gate)
        {
            Running.Add(host);
        }

        host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(() => Stopping(host));
    }

    private static void Stopping(IHost host)
    {
        lock (Gate)
        {
            Running.Remove(host);
            var current = Instance.GetValue(null);
            if (current is null || Running.Count == 0 || !ReferenceEquals(Cache.GetValue(current), host.Services.GetService<IMemoryCache>()))
            {
                return;
            }

            // Resolving makes the running app's cache manager if it has none yet (which sets the static itself).
            Instance.SetValue(null, Running[^1].Services.GetRequiredService<ICacheManager>());
        }
    }
}

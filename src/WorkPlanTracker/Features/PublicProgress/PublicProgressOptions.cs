using System.ComponentModel.DataAnnotations;

namespace WorkPlanTracker.Features.PublicProgress;

/// <summary>How the public progress pages are protected and kept fast (section <c>PublicProgress</c>).</summary>
public sealed class PublicProgressOptions
{
    public const string Section = "PublicProgress";

    /// <summary>Requests one address may make to the public pages, feeds and JSON per minute before getting 429.</summary>
    [Range(1, 100_000)]
    public int PermitsPerMinute { get; set; } = 120;

    /// <summary>
    /// How long a public answer is served from the cache. The office's changes empty the cache at once; this bounds
    /// only how late a change of standing (a task closed or overdue) reaches the page.
    /// </summary>
    [Range(1, 86_400)]
    public int CacheSeconds { get; set; } = 300;
}

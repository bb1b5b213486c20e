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
    /// How long an unchanged public answer is kept in the cache at most. A change shows at the next request anyway (the
    /// cache is keyed by a stamp of the data); this bounds the memory old answers hold, and the one case the stamp can
    /// miss (a PostgreSQL transaction committing over 1,000 audit entries late).
    /// </summary>
    [Range(1, 86_400)]
    public int CacheSeconds { get; set; } = 300;
}

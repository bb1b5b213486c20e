using System.ComponentModel.DataAnnotations;

namespace WorkPlanTracker.Features.Api;

/// <summary>How the /api/v1 interface for other systems is limited (section <c>Api</c>).</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>Requests one token may make per minute before getting 429; protects the office's server from a looping client.</summary>
    [Range(1, 100_000)]
    public int PermitsPerMinute { get; set; } = 120;

    /// <summary>Tokens one person may hold at once (revoked ones do not count).</summary>
    [Range(1, 1000)]
    public int MaxTokensPerUser { get; set; } = 20;

    /// <summary>The longest validity a token may be given, in days.</summary>
    [Range(1, 3650)]
    public int MaxValidDays { get; set; } = 365;
}

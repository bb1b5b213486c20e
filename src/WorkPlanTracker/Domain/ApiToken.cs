namespace WorkPlanTracker.Domain;

/// <summary>
/// 接口令牌: a personal access token that lets another system (an OA system, a 钉钉/企业微信 app) call /api/v1 as its
/// owner, with the owner's roles and units at the time of each call. Only the SHA-256 hash of the secret is kept: the
/// secret is shown once when the token is made and cannot be read back.
/// </summary>
public class ApiToken
{
    /// <summary>The longest name a person may give a token.</summary>
    public const int MaxNameLength = 100;

    public int Id { get; set; }

    /// <summary>The account the token acts as.</summary>
    public string OwnerUserId { get; set; } = "";

    /// <summary>What the owner called it (e.g. “OA 系统”), so they know which one to revoke.</summary>
    public string Name { get; set; } = "";

    /// <summary>SHA-256 of the secret, lowercase hex; the secret itself is never stored.</summary>
    public string TokenHash { get; set; } = "";

    /// <summary>The secret's first characters, shown in the list so the owner can tell tokens apart.</summary>
    public string Prefix { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>When a call last used it; written at most once a minute.</summary>
    public DateTime? LastUsedAtUtc { get; set; }

    /// <summary>After this instant the token no longer works; null when it does not expire.</summary>
    public DateTime? ExpiresAtUtc { get; set; }

    /// <summary>When the owner revoked it; a revoked token never works again.</summary>
    public DateTime? RevokedAtUtc { get; set; }

    public bool IsUsableAt(DateTime nowUtc) => RevokedAtUtc is null && (ExpiresAtUtc is not { } expires || nowUtc < expires);
}

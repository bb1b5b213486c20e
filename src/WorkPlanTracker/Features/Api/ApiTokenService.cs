using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WorkPlanTracker.Data;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Features.Api;

/// <summary>
/// A person's own API tokens: made (the secret shown once), listed and revoked by their owner only. Every method takes
/// the owner's account id from the signed-in user on the server, so nobody can see or revoke another person's token.
/// </summary>
public sealed class ApiTokenService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, IOptions<ApiOptions> options)
{
    /// <summary>Marks the secret as this app's, so a leaked one is recognisable (and secret scanners can find it).</summary>
    public const string SecretPrefix = "wpt_";

    /// <summary>The validity choices the page offers, in days; null is “never expires”.</summary>
    public static readonly IReadOnlyList<int?> ValidityChoices = [30, 90, 180, 365, null];

    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public async Task<IReadOnlyList<ApiTokenRow>> ListAsync(string ownerUserId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var tokens = await db.ApiTokens.AsNoTracking().Where(t => t.OwnerUserId == ownerUserId)
            .OrderByDescending(t => t.CreatedAtUtc).ThenByDescending(t => t.Id)
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        return tokens.Select(t => new ApiTokenRow(t.Id, t.Name, t.Prefix, t.CreatedAtUtc, t.LastUsedAtUtc, t.ExpiresAtUtc, t.RevokedAtUtc, t.IsUsableAt(now))).ToList();
    }

    /// <summary>A new token for its owner; the secret is in the answer and nowhere else.</summary>
    public async Task<Outcome<CreatedApiToken>> CreateAsync(string ownerUserId, string? name, int? validDays, CancellationToken cancellationToken = default)
    {
        var limits = options.Value;
        name = name?.Trim() ?? "";
        if (name.Length == 0)
        {
            return Outcome.Invalid("请填写令牌名称，例如“OA 系统”，以便日后辨认和撤销。").As<CreatedApiToken>();
        }

        if (name.Length > ApiToken.MaxNameLength)
        {
            return Outcome.Invalid($"令牌名称不能超过 {ApiToken.MaxNameLength} 个字。").As<CreatedApiToken>();
        }

        if (validDays is { } days && (days < 1 || days > limits.MaxValidDays))
        {
            return Outcome.Invalid($"有效期须在 1 至 {limits.MaxValidDays} 天之间。").As<CreatedApiToken>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Users.AnyAsync(u => u.Id == ownerUserId, cancellationToken))
        {
            return Outcome.Forbidden("请先登录。").As<CreatedApiToken>();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var active = await db.ApiTokens.Where(t => t.OwnerUserId == ownerUserId && t.RevokedAtUtc == null).ToListAsync(cancellationToken);
        if (active.Count(t => t.IsUsableAt(now)) >= limits.MaxTokensPerUser)
        {
            return Outcome.Invalid($"每人最多同时持有 {limits.MaxTokensPerUser} 个令牌，请先撤销不再使用的令牌。").As<CreatedApiToken>();
        }

        var secret = SecretPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var token = new ApiToken
        {
            OwnerUserId = ownerUserId,
            Name = name,
            TokenHash = HashOf(secret),
            Prefix = secret[..12],
            CreatedAtUtc = now,
            ExpiresAtUtc = validDays is { } valid ? now.AddDays(valid) : null,
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok(new CreatedApiToken(token.Id, secret), "令牌已生成。请立即复制保存，关闭后将无法再次查看。");
    }

    /// <summary>Revokes one of the owner's tokens; another person's token is "not found", as if it did not exist.</summary>
    public async Task<Outcome> RevokeAsync(string ownerUserId, int tokenId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == tokenId && t.OwnerUserId == ownerUserId, cancellationToken);
        if (token is null)
        {
            return Outcome.NotFound("找不到这个令牌，可能已被删除。");
        }

        if (token.RevokedAtUtc is not null)
        {
            return Outcome.Conflict("这个令牌已经撤销过了。");
        }

        token.RevokedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok($"令牌“{token.Name}”已撤销，使用它的系统将立即无法访问。");
    }

    /// <summary>The token a secret belongs to, when it still works and its owner's account is not locked; null otherwise.</summary>
    public async Task<UsableApiToken?> FindUsableAsync(string secret, CancellationToken cancellationToken = default)
    {
        if (!secret.StartsWith(SecretPrefix, StringComparison.Ordinal) || secret.Length > 200)
        {
            return null;
        }

        var hash = HashOf(secret);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        var now = clock.GetUtcNow();
        if (token is null || !token.IsUsableAt(now.UtcDateTime))
        {
            return null;
        }

        // Compared here, not in SQL: SQLite cannot compare DateTimeOffset values.
        var owner = await db.Users.Where(u => u.Id == token.OwnerUserId).Select(u => new { u.LockoutEnd, u.UserName }).SingleOrDefaultAsync(cancellationToken);
        if (owner is null || owner.LockoutEnd is { } end && end > now)
        {
            return null;
        }

        // Written at most once a minute, so a busy client does not turn every read into a write.
        if (token.LastUsedAtUtc is not { } last || now.UtcDateTime - last > TimeSpan.FromMinutes(1))
        {
            token.LastUsedAtUtc = now.UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
        }

        return new UsableApiToken(token.Id, token.OwnerUserId, owner.UserName ?? "");
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

public sealed record ApiTokenRow(
    int Id, string Name, string Prefix, DateTime CreatedAtUtc, DateTime? LastUsedAtUtc, DateTime? ExpiresAtUtc, DateTime? RevokedAtUtc, bool IsUsable);

/// <summary>A token that may be used now, with its owner's login name for the request's identity.</summary>
public sealed record UsableApiToken(int Id, string OwnerUserId, string OwnerUserName);

/// <summary>A token just made: its secret is shown this once.</summary>
public sealed record CreatedApiToken(int Id, string Secret);

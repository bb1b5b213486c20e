using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WorkPlanTracker.Data;

namespace WorkPlanTracker.Features.Api;

/// <summary>
/// The <c>Bearer</c> scheme of /api/v1: a personal API token stands for its owner with the owner's current roles (read
/// on each call, so a role taken away counts at once; units are read by <see cref="Shared.ActorResolver"/> as for pages).
/// It is not the app's default scheme, so pages never accept a token, and the API's policy names only this scheme, so
/// the sign-in cookie never authenticates an API call (no cross-site request can borrow it).
/// </summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ApiTokenService tokens, IDbContextFactory<AppDbContext> dbFactory)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    /// <summary>The claim that names the token a call came with; the rate limit counts per token.</summary>
    public const string TokenIdClaim = "wpt:api_token";

    public const string MissingMessage = "缺少接口令牌：请在 Authorization 请求头中以“Bearer 令牌”的形式提供（令牌在“接口令牌”页面生成）。";
    public const string RefusedMessage = "接口令牌无效、已撤销或已过期，或其所属账号已停用。请在“接口令牌”页面重新生成。";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith(SchemeName + " ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail(RefusedMessage);
        }

        var token = await tokens.FindUsableAsync(header[(SchemeName.Length + 1)..].Trim(), Context.RequestAborted);
        if (token is null)
        {
            return AuthenticateResult.Fail(RefusedMessage);
        }

        await using var db = await dbFactory.CreateDbContextAsync(Context.RequestAborted);
        var roles = await db.UserRoles.Where(r => r.UserId == token.OwnerUserId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
            .ToListAsync(Context.RequestAborted);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, token.OwnerUserId),
            new(ClaimTypes.Name, token.OwnerUserName),
            new(TokenIdClaim, token.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.Headers.WWWAuthenticate = result.Failure is null ? SchemeName : $"{SchemeName} error=\"invalid_token\"";
        await ApiProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized, result.Failure is null ? MissingMessage : RefusedMessage);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblems.WriteAsync(Context, StatusCodes.Status403Forbidden);
}

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace WorkPlanTracker.Features.PublicProgress;

/// <summary>
/// The anonymous public progress page, its Atom feed and its JSON: no sign-in, no cookie, no antiforgery, no circuit.
/// Each answer is cached under a stamp of the data (<see cref="PublicProgressService.DataStampAsync"/>) and every address
/// is rate-limited per client address, a refusal being a 429 in Chinese. A plan that is not public is a 404.
/// </summary>
public static class PublicProgressEndpoints
{
    public const string RateLimitPolicy = "public-progress";
    public const string CachePolicy = "public-progress";

    public const string TooManyRequestsMessage = "访问过于频繁，请稍等一分钟后再试。";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        // Chinese goes out as characters, readable by the portal's staff, not as \uXXXX.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = true,
    };

    public static WebApplicationBuilder AddPublicProgress(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PublicProgressOptions>()
            .Bind(builder.Configuration.GetSection(PublicProgressOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        // The pages read no query: one entry per address and data stamp, so random query strings neither miss the cache nor
        // fill it, and a change shows at the next request on every instance (see PublicProgressService.DataStampAsync).
        builder.Services.AddOutputCache(cache => cache.AddPolicy(CachePolicy, policy =>
            policy.SetVaryByQuery(Array.Empty<string>()).VaryByValue(DataStampAsync).Expire(TimeSpan.FromSeconds(
                builder.Configuration.GetSection(PublicProgressOptions.Section).Get<PublicProgressOptions>()?.CacheSeconds ?? new PublicProgressOptions().CacheSeconds))));
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var response = rejected.HttpContext.Response;
                response.Headers.RetryAfter = "60";
                response.ContentType = "text/plain; charset=utf-8";
                await response.WriteAsync(TooManyRequestsMessage, cancellationToken);
            };
            limiter.AddPolicy(RateLimitPolicy, http =>
            {
                var permits = http.RequestServices.GetRequiredService<IOptions<PublicProgressOptions>>().Value.PermitsPerMinute;
                // Behind a proxy this is the proxy unless forwarded headers are trusted (see README, HTTPS).
                return RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = permits,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
        });
        return builder;
    }

    /// <summary>The limiter comes first, so answers from the cache count too; the cache sits after routing.</summary>
    public static IApplicationBuilder UsePublicProgress(this IApplicationBuilder app) =>
        app.UseRateLimiter().UseOutputCache();

    public static IEndpointRouteBuilder MapPublicProgressEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/public/plans")
            .AllowAnonymous()
            .DisableAntiforgery()
            .RequireRateLimiting(RateLimitPolicy)
            .CacheOutput(CachePolicy);
        group.MapGet("/{key}", PageAsync);
        group.MapGet("/{key}/feed.atom", FeedAsync);
        group.MapGet("/{key}/data.json", JsonAsync);
        return endpoints;
    }

    private static async ValueTask<KeyValuePair<string, string>> DataStampAsync(HttpContext http, CancellationToken cancellationToken) =>
        new("data", await http.RequestServices.GetRequiredService<PublicProgressService>().DataStampAsync(cancellationToken));

    private static async Task<IResult> PageAsync(string key, PublicProgressService service, CancellationToken cancellationToken) =>
        await service.PublicViewAsync(key, cancellationToken) is { } view
            ? new RazorComponentResult<PublicPlanPage>(new Dictionary<string, object?> { [nameof(PublicPlanPage.View)] = view })
            : NotFound();

    private static async Task<IResult> FeedAsync(string key, HttpContext http, PublicProgressService service, CancellationToken cancellationToken) =>
        await service.PublicViewAsync(key, cancellationToken) is { } view
            ? Results.Text(PublicProgressFeed.Atom(view, BaseUrl(http)), "application/atom+xml; charset=utf-8")
            : NotFound();

    private static async Task<IResult> JsonAsync(string key, HttpContext http, PublicProgressService service, CancellationToken cancellationToken) =>
        await service.PublicViewAsync(key, cancellationToken) is { } view
            ? Results.Json(PublicProgressFeed.Document(view, BaseUrl(http)), Json, "application/json; charset=utf-8")
            : NotFound();

    /// <summary>A page of its own, not the app's 404 (which would render the signed-in app's layout).</summary>
    private static IResult NotFound() => Results.Content(
        """
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>未找到公开的工作进展</title></head>
        <body><main><h1>未找到公开的工作进展</h1><p>这个地址没有公开的工作计划进展，可能尚未公开或已停止公开。请核对地址，或到政府门户网站查看最新公开的信息。</p></main></body></html>
        """,
        "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound);

    private static string BaseUrl(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/";
}

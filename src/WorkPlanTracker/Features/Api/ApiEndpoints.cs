using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Scalar.AspNetCore;
using WorkPlanTracker.Data;
using WorkPlanTracker.Features.Assignments;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Features.Api;

/// <summary>
/// /api/v1 for other systems (OA, 钉钉/企业微信 apps, the portal): plans, tasks, a unit's assignments and progress
/// reports, authenticated by a personal API token only (<see cref="ApiTokenAuthenticationHandler"/>), rate-limited per
/// token, answering refusals as problem details. The rules are the pages' own: the same services decide.
/// </summary>
public static class ApiEndpoints
{
    public const string Prefix = "/api/v1";
    public const string AuthorizationPolicy = "api-v1";
    public const string RateLimitPolicy = "api-v1";
    public const string DocumentName = "v1";
    public const string DocsPath = "/api/docs";

    public static string DocumentUrl => $"/openapi/{DocumentName}.json";

    public static WebApplicationBuilder AddApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ApiOptions>()
            .Bind(builder.Configuration.GetSection(ApiOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddScoped<ApiTokenService>();
        builder.Services.AddScoped<ApiQueryService>();
        builder.Services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder().AddPolicy(AuthorizationPolicy, policy =>
            policy.AddAuthenticationSchemes(ApiTokenAuthenticationHandler.SchemeName).RequireAuthenticatedUser());
        builder.Services.AddRateLimiter(limiter =>
        {
            // The public pages' answer stays theirs; an API caller gets a problem it can parse.
            var others = limiter.OnRejected;
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var http = rejected.HttpContext;
                if (!http.Request.Path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase))
                {
                    if (others is not null)
                    {
                        await others(rejected, cancellationToken);
                    }

                    return;
                }

                http.Response.Headers.RetryAfter = "60";
                await ApiProblems.WriteAsync(http, StatusCodes.Status429TooManyRequests, "请求过于频繁：每个接口令牌每分钟的请求数有上限，请在 Retry-After 所示秒数后再试。");
            };
            limiter.AddPolicy(RateLimitPolicy, http =>
            {
                var permits = http.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.PermitsPerMinute;
                // Authorization has run (the limiter sits after it), so the user here is the token's.
                var partition = http.User.FindFirst(ApiTokenAuthenticationHandler.TokenIdClaim)?.Value ?? "ip:" + http.Connection.RemoteIpAddress;
                return RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = permits,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
        });
        builder.Services.AddOpenApi(DocumentName, openApi =>
        {
            openApi.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            openApi.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "工作计划督办台 API",
                    Version = "v1",
                    Description = "供 OA 系统、钉钉/企业微信应用和门户调用。用“接口令牌”页面（/account/api-tokens）生成的个人令牌，以 Authorization: Bearer 令牌 调用；令牌的权限与其所属账号相同。",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[ApiTokenAuthenticationHandler.SchemeName] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "个人接口令牌（wpt_ 开头）",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiTokenAuthenticationHandler.SchemeName, document)] = [] }];
                return Task.CompletedTask;
            });
        });
        return builder;
    }

    public static IEndpointRouteBuilder MapApiEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi().AllowAnonymous();
        // Scalar's page has one inline module script: it carries this response's nonce, so the app's CSP holds unchanged.
        endpoints.MapScalarApiReference(DocsPath, (scalar, http) => scalar
                .WithTitle("工作计划督办台 API")
                .WithOpenApiRoutePattern(DocumentUrl)
                .WithNonce(CspNonce.For(http))
                .DisableDefaultFonts())
            .AllowAnonymous();

        var api = endpoints.MapGroup(Prefix)
            .RequireAuthorization(AuthorizationPolicy)
            .RequireRateLimiting(RateLimitPolicy)
            .DisableAntiforgery()
            .WithTags("v1")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapGet("/plans", PlansAsync)
            .WithSummary("工作计划列表").WithDescription("按年度倒序分页。草稿只有督办人可见。")
            .Produces<PagedList<ApiPlan>>().ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/plans/{id:int}/tasks", TasksAsync)
            .WithSummary("计划的任务").WithDescription("按计划中的顺序分页。")
            .Produces<PagedList<ApiTask>>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/assignments", AssignmentsAsync)
            .WithSummary("交办事项列表").WithDescription("承办单位用户只看到本单位的事项；督办人和领导看到全部，可按单位、计划、状态筛选；overdue=true 为逾期未办结的事项。按完成时限排序分页。")
            .Produces<PagedList<ApiAssignment>>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/assignments/{id:int}", AssignmentAsync)
            .WithSummary("交办事项及其进展").WithDescription("响应的 ETag 与 version 字段是事项的当前版本，报送进展时带上它。看不到的事项回答 404。")
            .Produces<ApiAssignmentDetail>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/assignments/{id:int}/reports", ReportAsync)
            .WithSummary("报送进展").WithDescription("承办单位报送进展（进展情况、完成进度、存在问题、下步打算）。须以 If-Match 请求头或 version 字段提供事项的当前版本；事项在此期间有变化时回答 409，请重新读取后再报。")
            .Produces<ApiAssignmentDetail>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return endpoints;
    }

    private static async Task<Actor> ActorAsync(HttpContext http, IDbContextFactory<AppDbContext> dbFactory, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await ActorResolver.ForUserAsync(http.User, db, cancellationToken);
    }

    private static async Task<IResult> PlansAsync(
        HttpContext http, IDbContextFactory<AppDbContext> dbFactory, ApiQueryService queries, CancellationToken cancellationToken,
        int page = 1, int pageSize = Paging.DefaultPageSize)
    {
        var actor = await ActorAsync(http, dbFactory, cancellationToken);
        return (await queries.PlansAsync(actor, page, pageSize, cancellationToken)).ToHttpResult();
    }

    private static async Task<IResult> TasksAsync(
        int id, HttpContext http, IDbContextFactory<AppDbContext> dbFactory, ApiQueryService queries, CancellationToken cancellationToken,
        int page = 1, int pageSize = Paging.DefaultPageSize)
    {
        var actor = await ActorAsync(http, dbFactory, cancellationToken);
        return (await queries.TasksAsync(actor, id, page, pageSize, cancellationToken)).ToHttpResult();
    }

    private static async Task<IResult> AssignmentsAsync(
        HttpContext http, IDbContextFactory<AppDbContext> dbFactory, ApiQueryService queries, CancellationToken cancellationToken,
        int? unitId = null, int? planId = null, string? status = null, bool? overdue = null, int page = 1, int pageSize = Paging.DefaultPageSize)
    {
        var actor = await ActorAsync(http, dbFactory, cancellationToken);
        var filter = new ApiAssignmentFilter(unitId, planId, status, overdue, page, pageSize);
        return (await queries.AssignmentsAsync(actor, filter, cancellationToken)).ToHttpResult();
    }

    private static async Task<IResult> AssignmentAsync(
        int id, HttpContext http, IDbContextFactory<AppDbContext> dbFactory, AssignmentService assignments, CancellationToken cancellationToken)
    {
        var actor = await ActorAsync(http, dbFactory, cancellationToken);
        var found = await assignments.GetAsync(actor, id, cancellationToken);
        return found.ToHttpResult(assignment =>
        {
            http.Response.Headers.ETag = ETagOf(assignment.Version);
            return TypedResults.Ok(ApiAssignmentDetail.From(assignment, assignments.Today));
        });
    }

    private static async Task<IResult> ReportAsync(
        int id, [FromBody] ApiReportRequest? body, [FromHeader(Name = "If-Match")] string? ifMatch,
        HttpContext http, IDbContextFactory<AppDbContext> dbFactory, AssignmentService assignments, CancellationToken cancellationToken)
    {
        if (body is null)
        {
            return Outcome.Invalid("请以 JSON 提交进展：progress（进展情况，必填）、percentComplete、problems、nextSteps、evidenceLinks、version。").ToHttpResult();
        }

        var version = VersionOf(ifMatch, body.Version);
        if (!version.Succeeded)
        {
            return version.ToHttpResult();
        }

        var actor = await ActorAsync(http, dbFactory, cancellationToken);
        var input = new ReportInput
        {
            Progress = body.Progress ?? "",
            PercentComplete = body.PercentComplete,
            Problems = body.Problems,
            NextSteps = body.NextSteps,
            EvidenceLinks = string.Join('\n', body.EvidenceLinks ?? []),
        };
        var outcome = await assignments.SubmitReportAsync(actor, id, version.Value, input);
        if (!outcome.Succeeded)
        {
            return outcome.ToHttpResult();
        }

        var saved = await assignments.GetAsync(actor, id, cancellationToken);
        return saved.ToHttpResult(assignment =>
        {
            http.Response.Headers.ETag = ETagOf(assignment.Version);
            return TypedResults.Created($"{Prefix}/assignments/{id}", ApiAssignmentDetail.From(assignment, assignments.Today));
        });
    }

    private static string ETagOf(Guid version) => $"\"{version}\"";

    /// <summary>The version the client read, from If-Match (an ETag, quoted or not) or the body; both given must agree.</summary>
    public static Outcome<Guid> VersionOf(string? ifMatch, Guid? bodyVersion)
    {
        Guid? header = null;
        if (!string.IsNullOrWhiteSpace(ifMatch))
        {
            var tag = ifMatch.Trim();
            if (tag.StartsWith("W/", StringComparison.Ordinal))
            {
                tag = tag[2..];
            }

            if (!Guid.TryParse(tag.Trim('"'), CultureInfo.InvariantCulture, out var parsed))
            {
                return Outcome.Invalid("If-Match 须为读取事项时得到的 ETag（version）。").As<Guid>();
            }

            header = parsed;
        }

        if (header is { } h && bodyVersion is { } b && h != b)
        {
            return Outcome.Invalid("If-Match 与 version 字段不一致，请只提供读取事项时得到的版本。").As<Guid>();
        }

        return (header ?? bodyVersion) is { } version
            ? Outcome.Ok(version)
            : Outcome.Invalid("缺少事项的当前版本：请先读取事项（GET /api/v1/assignments/{id}），以 If-Match 请求头或 version 字段带上它。").As<Guid>();
    }
}

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Mvc;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Features.Api;

/// <summary>
/// Problem details (RFC 7807) in Chinese for what happens around an API call rather than in a service: no token, too
/// many requests, an unknown address, a body that is not JSON, a fault. A service's refusal goes through
/// <see cref="OutcomeHttpResults"/> as everywhere else. Never a stack trace.
/// </summary>
public static class ApiProblems
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static string TitleOf(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "请求有误",
        StatusCodes.Status401Unauthorized => "未认证",
        StatusCodes.Status403Forbidden => "无权操作",
        StatusCodes.Status404NotFound => "找不到",
        StatusCodes.Status405MethodNotAllowed => "不支持的请求方法",
        StatusCodes.Status409Conflict => "与当前状态冲突",
        StatusCodes.Status413PayloadTooLarge => "请求内容过大",
        StatusCodes.Status415UnsupportedMediaType => "请求内容格式不支持",
        StatusCodes.Status429TooManyRequests => "请求过于频繁",
        _ => "服务器内部错误",
    };

    public static string DefaultDetailOf(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "请求的参数或 JSON 内容有误，请对照接口文档（/api/docs）检查。",
        StatusCodes.Status401Unauthorized => "请在 Authorization 请求头中提供有效的接口令牌（Bearer）。",
        StatusCodes.Status403Forbidden => "您的账号无权进行此操作。",
        StatusCodes.Status404NotFound => "没有这个接口地址，请对照接口文档（/api/docs）检查。",
        StatusCodes.Status405MethodNotAllowed => "这个接口地址不支持该请求方法。",
        StatusCodes.Status413PayloadTooLarge => "请求内容超过允许的大小。",
        StatusCodes.Status415UnsupportedMediaType => "请以 application/json 提交请求内容。",
        StatusCodes.Status429TooManyRequests => "请求过于频繁，请稍后再试。",
        _ => "服务器处理请求时出错，已记录日志，请稍后再试或联系管理员。",
    };

    public static Task WriteAsync(HttpContext http, int status, string? detail = null)
    {
        var problem = new ProblemDetails
        {
            Type = $"https://www.rfc-editor.org/rfc/rfc9110#status.{status}",
            Title = TitleOf(status),
            Detail = detail ?? DefaultDetailOf(status),
            Status = status,
        };
        http.Response.StatusCode = status;
        return http.Response.WriteAsJsonAsync(problem, Json, OutcomeHttpResults.ProblemContentType);
    }

    /// <summary>
    /// Every /api/v1 answer without a body of its own (an unknown address, a body that is not JSON) becomes a
    /// problem, and a fault becomes a 500 problem: the app's HTML error and not-found pages are for people, and the
    /// developer page would show a stack trace.
    /// </summary>
    public static IApplicationBuilder UseApiProblems(this IApplicationBuilder app) =>
        app.UseWhen(http => http.Request.Path.StartsWithSegments(ApiEndpoints.Prefix, StringComparison.OrdinalIgnoreCase), api => api.Use(async (http, next) =>
        {
            try
            {
                await next(http);
            }
            catch (BadHttpRequestException bad) when (!http.Response.HasStarted)
            {
                await WriteAsync(http, bad.StatusCode, bad.StatusCode == StatusCodes.Status400BadRequest ? "请求的参数或 JSON 内容有误，请对照接口文档（/api/docs）检查。" : null);
                return;
            }
            catch (Exception fault) when (!http.Response.HasStarted && fault is not OperationCanceledException)
            {
                http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiProblems))
                    .LogError(fault, "API request {Method} {Path} failed", http.Request.Method, http.Request.Path);
                await WriteAsync(http, StatusCodes.Status500InternalServerError);
                return;
            }

            if (!http.Response.HasStarted && http.Response.StatusCode >= 400 && http.Response.ContentLength is null && http.Response.ContentType is null)
            {
                await WriteAsync(http, http.Response.StatusCode);
            }
        }));
}

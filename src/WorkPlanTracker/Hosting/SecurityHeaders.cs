using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Hosting;

/// <summary>
/// Response headers that limit what an injected script or a framing site could do. Scripts run only from this
/// site or with the response's nonce (the import map is the one inline script); styles may be inline because
/// BootstrapBlazor and Plotly set element styles from script.
/// </summary>
public static class SecurityHeaders
{
    public static string ContentSecurityPolicy(string nonce) =>
        "default-src 'self'; " +
        $"script-src 'self' 'nonce-{nonce}'; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: blob:; " +
        "font-src 'self' data:; " +
        "connect-src 'self'; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'; " +
        "frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            // Set when the response starts, so error pages and the Hangfire dashboard carry them too.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy(CspNonce.For(context));
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "same-origin";
                headers.Remove("Server");
                return Task.CompletedTask;
            });
            return next(context);
        });
}

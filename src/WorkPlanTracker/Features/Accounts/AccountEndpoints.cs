using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using WorkPlanTracker.Data;

namespace WorkPlanTracker.Features.Accounts;

public static class AccountEndpoints
{
    /// <summary>Logout is a POST with an antiforgery token, so a link on another site cannot sign anyone out.</summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/account/logout", async Task<IResult> (HttpContext http, SignInManager<AppUser> signIn, IAntiforgery antiforgery) =>
            {
                // Checked here rather than by form binding, so a missing token is a clear 400, not a server error.
                if (!await antiforgery.IsRequestValidAsync(http))
                {
                    return TypedResults.Text("退出请求无效（缺少或过期的安全令牌），请刷新页面后再点“退出”。", "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
                }

                await signIn.SignOutAsync();
                return TypedResults.LocalRedirect("~/account/login");
            })
            .DisableAntiforgery();
        return endpoints;
    }
}

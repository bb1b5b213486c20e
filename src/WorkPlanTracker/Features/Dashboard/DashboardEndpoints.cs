using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Data;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Features.Dashboard;

public static class DashboardEndpoints
{
    /// <summary>The year-end draft as a .docx download, for the roles that may read the dashboards.</summary>
    public static IEndpointRouteBuilder MapDashboardEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/dashboard/annual-report/{year:int}.docx", DownloadAsync)
            .RequireAuthorization(new AuthorizeAttribute { Roles = DashboardRoles.Viewers });
        return endpoints;
    }

    private static async Task<IResult> DownloadAsync(
        int year, HttpContext http, IDbContextFactory<AppDbContext> dbFactory, AnnualReportService reports, CancellationToken cancellationToken)
    {
        Actor actor;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            actor = await ActorResolver.ForUserAsync(http.User, db, cancellationToken);
        }

        var draft = await reports.DraftAsync(actor, year, cancellationToken);
        return draft.ToHttpResult(d =>
        {
            http.Response.Headers.CacheControl = "private, no-store";
            return TypedResults.File(
                AnnualReportDocument.Write(d),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                $"{year}年度工作计划落实情况（草稿）.docx");
        });
    }
}

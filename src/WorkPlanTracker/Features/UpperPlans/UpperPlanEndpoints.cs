using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Data;
using WorkPlanTracker.Features.Ledger;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Features.UpperPlans;

/// <summary>
/// The upward report's downloads: the received fill-in workbook filled in, or the report in this app's layout (Excel or Word). The
/// service refuses everyone but the planning office (403), an unknown plan is 404.
/// </summary>
public static class UpperPlanEndpoints
{
    public static string ReportUrl(int planId) => $"upper-plans/{planId}/report.xlsx";

    public static string DocumentUrl(int planId) => $"upper-plans/{planId}/report.docx";

    public static string FillInUrl(int planId) => $"upper-plans/{planId}/fill-in.xlsx";

    public static IEndpointRouteBuilder MapUpperPlanEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/upper-plans").RequireAuthorization();
        group.MapGet("/{planId:int}/report.xlsx", async (int planId, HttpContext http, CancellationToken ct) =>
        {
            var (service, actor) = await ResolveAsync(http, ct);
            var report = await service.ReportAsync(actor, planId, ct);
            return report.ToHttpResult(r =>
            {
                using var buffer = new MemoryStream();
                UpwardReportWorkbook.Write(r, buffer);
                return File(http, buffer.ToArray(), UpwardReportWorkbook.FileName(r));
            });
        });
        group.MapGet("/{planId:int}/report.docx", async (int planId, HttpContext http, CancellationToken ct) =>
        {
            var (service, actor) = await ResolveAsync(http, ct);
            var report = await service.ReportAsync(actor, planId, ct);
            return report.ToHttpResult(r => File(http, UpwardReportDocument.Write(r), UpwardReportDocument.FileName(r), UpwardReportDocument.DocxContentType));
        });
        group.MapGet("/{planId:int}/fill-in.xlsx", async (int planId, HttpContext http, CancellationToken ct) =>
        {
            var (service, actor) = await ResolveAsync(http, ct);
            var filled = await service.FilledFillInAsync(actor, planId, ct);
            return filled.ToHttpResult(f => File(http, f.Content, f.FileName));
        });
        return endpoints;
    }

    private static IResult File(HttpContext http, byte[] content, string fileName, string contentType = LedgerEndpoints.XlsxContentType)
    {
        http.Response.Headers.CacheControl = "private, no-store";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(content, contentType, fileName);
    }

    private static async Task<(UpperPlanService Service, Actor Actor)> ResolveAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var services = http.RequestServices;
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(cancellationToken);
        return (services.GetRequiredService<UpperPlanService>(), await ActorResolver.ForUserAsync(http.User, db, cancellationToken));
    }
}

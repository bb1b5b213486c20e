using System.Globalization;
using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Data;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Features.Ledger;

/// <summary>
/// Ledger downloads. The server decides who gets what (<see cref="LedgerService"/>): signed-out requests go to the
/// login page, a ledger the user may not have is refused with 403, a plan or unit that does not exist is 404, each as a problem
/// (<see cref="OutcomeHttpResults"/>).
/// </summary>
public static class LedgerEndpoints
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string PlanUrl(int planId) => $"ledger/plans/{planId}.xlsx";

    public static string PlanUnitUrl(int planId, int unitId) => $"ledger/plans/{planId}/units/{unitId}.xlsx";

    public static string UnitUrl(int unitId) => $"ledger/units/{unitId}.xlsx";

    public static string UnitUrl(int unitId, int year) => string.Create(CultureInfo.InvariantCulture, $"ledger/units/{unitId}.xlsx?year={year}");

    public static string YearUrl(int year) => string.Create(CultureInfo.InvariantCulture, $"ledger/years/{year}.xlsx");

    public static string FillInUrl(int unitId) => $"ledger/units/{unitId}/fill-in.xlsx";

    public static string OverdueUrl(DateOnly date) => $"ledger/overdue.xlsx?date={date:yyyy-MM-dd}";

    public static IEndpointRouteBuilder MapLedgerEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var ledger = endpoints.MapGroup("/ledger").RequireAuthorization();
        ledger.MapGet("/plans/{planId:int}.xlsx", (int planId, HttpContext http, CancellationToken ct) =>
            LedgerFileAsync(http, new LedgerScope(planId, null, null), unitLedger: false, ct));
        ledger.MapGet("/plans/{planId:int}/units/{unitId:int}.xlsx", (int planId, int unitId, HttpContext http, CancellationToken ct) =>
            LedgerFileAsync(http, new LedgerScope(planId, null, unitId), unitLedger: true, ct));
        ledger.MapGet("/years/{year:int}.xlsx", (int year, HttpContext http, CancellationToken ct) =>
            LedgerFileAsync(http, new LedgerScope(null, year, null), unitLedger: false, ct));
        ledger.MapGet("/units/{unitId:int}.xlsx", (int unitId, int? year, HttpContext http, CancellationToken ct) =>
            LedgerFileAsync(http, new LedgerScope(null, year, unitId), unitLedger: true, ct));
        ledger.MapGet("/units/{unitId:int}/fill-in.xlsx", FillInAsync);
        ledger.MapGet("/overdue.xlsx", OverdueAsync);
        return endpoints;
    }

    private static async Task<IResult> LedgerFileAsync(HttpContext http, LedgerScope scope, bool unitLedger, CancellationToken cancellationToken)
    {
        var (ledgers, actor) = await ResolveAsync(http, cancellationToken);
        var result = await ledgers.LedgerAsync(actor, scope, cancellationToken);
        return Respond(http, result, d => d.FileName, (d, s) =>
        {
            if (unitLedger)
            {
                LedgerWorkbookWriter.WriteUnitLedger(d, s);
            }
            else
            {
                LedgerWorkbookWriter.WritePlanLedger(d, s);
            }
        });
    }

    private static async Task<IResult> FillInAsync(int unitId, HttpContext http, CancellationToken cancellationToken)
    {
        var (ledgers, actor) = await ResolveAsync(http, cancellationToken);
        var result = await ledgers.FillInAsync(actor, unitId, cancellationToken);
        return Respond(http, result, d => d.FileName, FillInWorkbook.Write);
    }

    private static async Task<IResult> OverdueAsync(string? date, HttpContext http, CancellationToken cancellationToken)
    {
        var (ledgers, actor) = await ResolveAsync(http, cancellationToken);
        var asOf = ledgers.Today;
        if (!string.IsNullOrEmpty(date) && (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out asOf)
            || asOf.Year is < Dashboard.DashboardQuery.FirstYear or > Dashboard.DashboardQuery.LastYear))
        {
            return Outcome.Invalid($"日期“{date}”无效，请写成 2024-07-31 这样的格式，年份在 {Dashboard.DashboardQuery.FirstYear}—{Dashboard.DashboardQuery.LastYear} 之间。").ToHttpResult();
        }

        var result = await ledgers.OverdueAsync(actor, asOf, cancellationToken);
        return Respond(http, result, d => d.FileName, LedgerWorkbookWriter.WriteOverdueList);
    }

    private static async Task<(LedgerService Ledgers, Actor Actor)> ResolveAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var services = http.RequestServices;
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(cancellationToken);
        return (services.GetRequiredService<LedgerService>(), await ActorResolver.ForUserAsync(http.User, db, cancellationToken));
    }

    private static IResult Respond<T>(HttpContext http, Outcome<T> result, Func<T, string> fileName, Action<T, Stream> write) =>
        result.ToHttpResult(document =>
        {
            using var buffer = new MemoryStream();
            write(document, buffer);
            http.Response.Headers.CacheControl = "private, no-store";
            http.Response.Headers.XContentTypeOptions = "nosniff";
            // TypedResults.File writes both filename= and filename*=UTF-8'' so the Chinese name survives every browser.
            return TypedResults.File(buffer.ToArray(), XlsxContentType, fileName(document));
        });
}

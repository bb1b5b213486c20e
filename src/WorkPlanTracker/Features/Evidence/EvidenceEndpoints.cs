using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Data;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Features.Evidence;

public static class EvidenceEndpoints
{
    /// <summary>
    /// Evidence files are served only here, to users who may see the assignment; everyone else gets 404, so a
    /// guessed id does not even tell whether the file exists.
    /// </summary>
    public static IEndpointRouteBuilder MapEvidenceEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/evidence/{fileId:int}", DownloadAsync).RequireAuthorization();
        return endpoints;
    }

    private static async Task<IResult> DownloadAsync(
        int fileId, HttpContext http, IDbContextFactory<AppDbContext> dbFactory, EvidenceStore store, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var file = await db.EvidenceFiles.AsNoTracking()
            .Include(f => f.Report!).ThenInclude(r => r.Assignment)
            .SingleOrDefaultAsync(f => f.Id == fileId, cancellationToken);
        var actor = await ActorResolver.ForUserAsync(http.User, db, cancellationToken);
        if (file?.Report?.Assignment is not { } assignment || !actor.CanSee(assignment))
        {
            return TypedResults.NotFound();
        }

        var path = store.PathOf(assignment.Id, file.StoredName);
        if (!File.Exists(path))
        {
            return TypedResults.NotFound();
        }

        // Served as a download with the server's content type, never sniffed into something the browser would run.
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.PhysicalFile(path, file.ContentType, file.FileName);
    }
}

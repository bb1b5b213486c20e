using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Data;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Features.Assignments;

/// <summary>
/// The first workflow step over HTTP, for the API to come: 签收 an assignment. It answers as every endpoint does, through
/// <see cref="OutcomeHttpResults"/>: 204 when signed for, 404 for an assignment the user cannot see, 403 for one the
/// user sees but may not sign for, 409 when it changed since the version the client read. The body must be JSON, which
/// a page of another site cannot post without the browser asking first, so the sign-in cookie alone cannot be abused.
/// </summary>
public static class AssignmentEndpoints
{
    public static string AcknowledgeUrl(int assignmentId) => $"api/assignments/{assignmentId}/acknowledge";

    public static IEndpointRouteBuilder MapAssignmentEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/assignments/{id:int}/acknowledge", AcknowledgeAsync).RequireAuthorization();
        return endpoints;
    }

    private static async Task<IResult> AcknowledgeAsync(
        int id, [FromBody] VersionedRequest request, HttpContext http, IDbContextFactory<AppDbContext> dbFactory, AssignmentService assignments,
        CancellationToken cancellationToken)
    {
        Actor actor;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            actor = await ActorResolver.ForUserAsync(http.User, db, cancellationToken);
        }

        var outcome = await assignments.AcknowledgeAsync(actor, id, request.Version);
        return outcome.ToHttpResult();
    }
}

/// <summary>The version of the thing as the client last read it; a change made meanwhile refuses the request (409).</summary>
public sealed record VersionedRequest(Guid Version);

using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Data;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Features.Assignments;

/// <summary>The notices of the actor's own units, newest first.</summary>
public sealed class UnitNoticeService(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<IReadOnlyList<UnitNotice>> ForActorAsync(Actor actor, int take = 50, CancellationToken cancellationToken = default)
    {
        if (!actor.IsUnitUser || actor.UnitIds.Count == 0)
        {
            return [];
        }

        var units = actor.UnitIds.ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.UnitNotices.AsNoTracking().Include(n => n.OrgUnit)
            .Where(n => units.Contains(n.OrgUnitId))
            .OrderByDescending(n => n.Id)
            .Take(take)
            .ToListAsync(cancellationToken);
    }
}

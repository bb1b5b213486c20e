using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Data;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Features.Plans;

/// <summary>
/// Publishing turns a draft plan's named units into assignments: one per task and unit, groups fanned out
/// to their members, a unit named both as lead and supporting leading. Running it again only adds what
/// is missing (e.g. after a group got its members), so it is safe to repeat.
/// </summary>
public sealed class PlanPublishingService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Tasks between two progress reports while assignments are made: often enough to move the bar, not a render per task.</summary>
    private const int ProgressStep = 25;

    /// <param name="progress">Told what publishing is doing (reading, n of N tasks assigned, saving), for the page to show.</param>
    public async Task<Outcome<Publication>> PublishAsync(Actor actor, int planId, IProgress<PublishProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (!actor.IsPlanningOffice)
        {
            return Refusals.NotPermitted.As<Publication>();
        }

        progress?.Report(new PublishProgress(PublishStage.Reading, 0, 0));
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var plan = await db.Plans
            .Include(p => p.Tasks).ThenInclude(t => t.Parties).ThenInclude(p => p.UnitGroup!).ThenInclude(g => g.Members)
            .Include(p => p.Tasks).ThenInclude(t => t.Assignments)
            .AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return Refusals.PlanGone.As<Publication>();
        }

        try
        {
            plan.Publish();
        }
        catch (DomainRuleException e)
        {
            return Outcome.BrokenRule(e).As<Publication>();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var created = 0;
        var newPerUnit = new Dictionary<int, int>();
        var emptyGroups = new SortedSet<string>(ChineseOrder.Names);
        var done = 0;
        foreach (var task in plan.Tasks)
        {
            if (done++ % ProgressStep == 0)
            {
                progress?.Report(new PublishProgress(PublishStage.Assigning, done - 1, plan.Tasks.Count));
            }

            foreach (var (unitId, role) in UnitsNamedBy(task, emptyGroups))
            {
                if (task.AssignTo(unitId, role, now) is not null)
                {
                    created++;
                    newPerUnit[unitId] = newPerUnit.GetValueOrDefault(unitId) + 1;
                }
            }
        }

        foreach (var (unitId, count) in newPerUnit)
        {
            db.UnitNotices.Add(new UnitNotice
            {
                OrgUnitId = unitId,
                Title = $"新分派任务：{plan.DisplayTitle}",
                Body = $"《{plan.DisplayTitle}》已发布，本单位新承办 {count} 项任务，请及时签收。",
                Link = "assignments",
                CreatedAtUtc = now,
            });
        }

        progress?.Report(new PublishProgress(PublishStage.Saving, created, created));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another publication of this plan (a second window, a colleague) saved between our read and this save: its
            // assignments stand (one per task and unit, the database refuses a second), ours are not added again.
            return Outcome.Conflict("这个计划刚刚已由另一次发布分派，本次未重复分派：请刷新页面查看结果。").As<Publication>();
        }

        var message = $"计划已发布，新分派 {created} 项任务。"
            + (emptyGroups.Count > 0 ? $"单位组“{string.Join("”“", emptyGroups)}”尚未设置成员，相关任务未分派：设置成员后再次发布即可补充分派。" : "");
        return Outcome.Ok(new Publication(created, [.. emptyGroups]), message);
    }

    /// <summary>Each unit once per task; lead wins over supporting when a unit is named both ways.</summary>
    private static IEnumerable<(int UnitId, AssignmentRole Role)> UnitsNamedBy(WorkTask task, ISet<string> emptyGroups)
    {
        var units = new Dictionary<int, AssignmentRole>();
        foreach (var party in task.Parties.OrderBy(p => p.Role).ThenBy(p => p.SortOrder))
        {
            IEnumerable<int> ids = party.OrgUnitId is { } id ? [id] : party.UnitGroup?.FanOut().Select(u => u.Id) ?? [];
            if (party.UnitGroup is { } group && group.Members.Count == 0)
            {
                emptyGroups.Add(group.Name);
            }

            foreach (var unitId in ids)
            {
                units.TryAdd(unitId, party.Role);
            }
        }

        return units.Select(u => (u.Key, u.Value));
    }
}

/// <summary>What publishing is doing: reading the plan, making assignments (<see cref="PublishProgress.Done"/> of
/// <see cref="PublishProgress.Total"/> tasks), or saving <see cref="PublishProgress.Total"/> new assignments.</summary>
public sealed record PublishProgress(PublishStage Stage, int Done, int Total);

public enum PublishStage
{
    Reading,
    Assigning,
    Saving,
}

/// <summary>What a publication did: assignments created, and the unit groups that had no members to give tasks to.</summary>
public sealed record Publication(int Created, IReadOnlyList<string> GroupsWithoutMembers);

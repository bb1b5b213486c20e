using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Data;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Features.Escalations;

/// <summary>
/// 督办单: the office issues a numbered notice for a late assignment; the unit signs for it and answers in writing;
/// leaders read them all. Other units learn nothing, not even that a notice exists.
/// </summary>
public sealed class EscalationService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public static Outcome NoticeNotFound { get; } = Outcome.NotFound("找不到这份督办单，或您无权查看。");

    public DateOnly Today => WorkCalendar.DateOf(clock.GetUtcNow().UtcDateTime);

    /// <summary>下发督办单: the office only, for an overdue open assignment without an unanswered notice.</summary>
    public async Task<Outcome> IssueAsync(Actor actor, int assignmentId, string text, DateOnly respondBy)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbFactory.CreateDbContextAsync();
        var assignment = await db.Assignments.Include(a => a.WorkTask!).ThenInclude(t => t.Plan).SingleOrDefaultAsync(a => a.Id == assignmentId);
        if (assignment is null || !actor.CanSee(assignment))
        {
            return Refusals.TaskNotFound;
        }

        if (!actor.IsPlanningOffice)
        {
            return Refusals.NotPermitted;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var year = WorkCalendar.DateOf(now).Year;
        var earlier = await db.EscalationNotices.Where(n => n.AssignmentId == assignmentId).ToListAsync();
        var lastInYear = await db.EscalationNotices.Where(n => n.Year == year).MaxAsync(n => (int?)n.Sequence) ?? 0;
        try
        {
            var notice = EscalationNotice.Issue(assignment, earlier, lastInYear + 1, text, respondBy, actor.UserName, now);
            db.EscalationNotices.Add(notice);
            db.UnitNotices.Add(UnitNotice.Decision(
                assignment, "收到督办单", $"已下发{notice.Number}，请签收并于 {WorkCalendar.Format(respondBy)} 前书面回复。督办事项：{notice.Text}", null, now));
            await db.SaveChangesAsync();
            return Outcome.Ok($"已下发督办单（{notice.Number}）");
        }
        catch (DomainRuleException e)
        {
            return Outcome.BrokenRule(e);
        }
        catch (DbUpdateException)
        {
            // The unique indexes caught a notice issued at the same moment (same number, or a second open one).
            return Refusals.ChangedMeanwhile;
        }
    }

    /// <summary>签收督办单: a user of the assignment's unit.</summary>
    public Task<Outcome> AcknowledgeAsync(Actor actor, int noticeId) =>
        ActAsync(actor, noticeId, (n, now) => n.Acknowledge(now), "督办单已签收");

    /// <summary>回复督办单: a user of the assignment's unit, in writing.</summary>
    public Task<Outcome> RespondAsync(Actor actor, int noticeId, string response) =>
        ActAsync(actor, noticeId, (n, now) => n.Respond(response, now), "已回复督办单");

    /// <summary>An assignment's notices, newest first; empty when the actor may not see the assignment.</summary>
    public async Task<IReadOnlyList<EscalationNotice>> ForAssignmentAsync(Actor actor, int assignmentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var assignment = await db.Assignments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == assignmentId, cancellationToken);
        if (assignment is null || !actor.CanSee(assignment))
        {
            return [];
        }

        return await db.EscalationNotices.AsNoTracking()
            .Where(n => n.AssignmentId == assignmentId)
            .OrderByDescending(n => n.IssuedAtUtc).ThenByDescending(n => n.Id)
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// One page of the notices an actor may read, newest first: all for the office and leaders; a unit user's own
    /// units' only. Counted and paged in the database, so the list costs the same however many years it holds.
    /// </summary>
    public async Task<PagedList<EscalationRow>> ListAsync(Actor actor, int page = 1, int pageSize = Paging.DefaultPageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var notices = Visible(db, actor);
        var total = await notices.CountAsync(cancellationToken);
        var skip = Paging.Skip(page, pageSize, total);
        var found = await notices
            .Include(n => n.Assignment!).ThenInclude(a => a.WorkTask!).ThenInclude(t => t.Plan)
            .Include(n => n.Assignment!).ThenInclude(a => a.OrgUnit)
            .OrderByDescending(n => n.IssuedAtUtc).ThenByDescending(n => n.Id)
            .Skip(skip).Take(pageSize)
            .ToListAsync(cancellationToken);
        var today = Today;
        var rows = found.Select(n => new EscalationRow(
            n.Id, n.Number, n.AssignmentId, n.Assignment!.OrgUnit!.Name, n.Assignment.WorkTask!.Plan!.DisplayTitle, n.Assignment.WorkTask.Path,
            n.Assignment.WorkTask.Title, n.IssuedOn, n.RespondBy, n.IsAcknowledged, n.RespondedAtUtc is { } at ? WorkCalendar.DateOf(at) : null,
            n.IsResponseLate(today))).ToList();
        return new PagedList<EscalationRow>(rows, (skip / pageSize) + 1, pageSize, total);
    }

    /// <summary>One notice with everything its printed form shows; not found too when the actor may not see it.</summary>
    public async Task<Outcome<EscalationNotice>> GetAsync(Actor actor, int noticeId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var notice = await Visible(db, actor)
            .Include(n => n.Assignment!).ThenInclude(a => a.WorkTask!).ThenInclude(t => t.Plan)
            .Include(n => n.Assignment!).ThenInclude(a => a.OrgUnit)
            .SingleOrDefaultAsync(n => n.Id == noticeId, cancellationToken);
        return notice is null ? NoticeNotFound.As<EscalationNotice>() : Outcome.Ok(notice);
    }

    private static IQueryable<EscalationNotice> Visible(AppDbContext db, Actor actor)
    {
        var notices = db.EscalationNotices.AsNoTracking();
        if (actor.IsPlanningOffice || actor.IsLeadership)
        {
            return notices;
        }

        var units = actor.IsUnitUser ? actor.UnitIds.ToList() : [];
        return notices.Where(n => units.Contains(n.Assignment!.OrgUnitId));
    }

    private async Task<Outcome> ActAsync(Actor actor, int noticeId, Action<EscalationNotice, DateTime> change, string done)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbFactory.CreateDbContextAsync();
        var notice = await db.EscalationNotices.Include(n => n.Assignment).SingleOrDefaultAsync(n => n.Id == noticeId);
        if (notice is null || !actor.CanSee(notice.Assignment!))
        {
            return NoticeNotFound;
        }

        if (!actor.ActsFor(notice.Assignment!))
        {
            return Refusals.NotPermitted;
        }

        try
        {
            change(notice, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
            return Outcome.Ok(done);
        }
        catch (DomainRuleException e)
        {
            return Outcome.BrokenRule(e);
        }
    }
}

public sealed record EscalationRow(
    int Id, string Number, int AssignmentId, string UnitName, string PlanTitle, string TaskPath, string TaskTitle,
    DateOnly IssuedOn, DateOnly RespondBy, bool Acknowledged, DateOnly? RespondedOn, bool ResponseLate);

using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Data;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Features.Api;

/// <summary>
/// The API's lists, each filtered, counted and paged in the database (never the whole table in memory), with the
/// same visibility as the pages: the office and leaders see every assignment, a unit user only their units'; a draft
/// plan is the office's alone.
/// </summary>
public sealed class ApiQueryService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public const int MaxPageSize = 100;

    public DateOnly Today => WorkCalendar.DateOf(clock.GetUtcNow().UtcDateTime);

    /// <summary>Why the paging asked for cannot be served; null when it can.</summary>
    public static string? PagingError(int page, int pageSize) =>
        page < 1 ? "page 须为从 1 开始的页码。"
        : pageSize is < 1 or > MaxPageSize ? $"pageSize 须在 1 至 {MaxPageSize} 之间。"
        : null;

    public async Task<Outcome<PagedList<ApiPlan>>> PlansAsync(Actor actor, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        if (PagingError(page, pageSize) is { } error)
        {
            return Outcome.Invalid(error).As<PagedList<ApiPlan>>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var plans = VisiblePlans(db, actor);
        var total = await plans.CountAsync(cancellationToken);
        var rows = await plans.OrderByDescending(p => p.Year).ThenByDescending(p => p.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(p => new { p.Id, p.Year, p.Title, p.Issuer, p.DocumentNumber, p.IssuedOn, p.Status, TaskCount = p.Tasks.Count })
            .ToListAsync(cancellationToken);
        var items = rows.Select(p => new ApiPlan(
            p.Id, p.Year, WorkPlan.DisplayTitleOf(p.Title, p.Issuer, p.Year), p.Issuer, p.DocumentNumber, p.IssuedOn, p.Status.ToString(), p.TaskCount)).ToList();
        return Outcome.Ok(new PagedList<ApiPlan>(items, page, pageSize, total));
    }

    public async Task<Outcome<PagedList<ApiTask>>> TasksAsync(Actor actor, int planId, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        if (PagingError(page, pageSize) is { } error)
        {
            return Outcome.Invalid(error).As<PagedList<ApiTask>>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await VisiblePlans(db, actor).AnyAsync(p => p.Id == planId, cancellationToken))
        {
            return Outcome.NotFound("找不到这个工作计划。").As<PagedList<ApiTask>>();
        }

        var tasks = db.Tasks.AsNoTracking().Where(t => t.PlanId == planId);
        var total = await tasks.CountAsync(cancellationToken);
        var items = await tasks.OrderBy(t => t.SortOrder).ThenBy(t => t.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(t => new ApiTask(t.Id, t.PlanId, t.Path, t.Title, t.Text, t.Deadline, t.DeadlineText, t.Ongoing))
            .ToListAsync(cancellationToken);
        return Outcome.Ok(new PagedList<ApiTask>(items, page, pageSize, total));
    }

    public async Task<Outcome<PagedList<ApiAssignment>>> AssignmentsAsync(Actor actor, ApiAssignmentFilter filter, CancellationToken cancellationToken = default)
    {
        if (PagingError(filter.Page, filter.PageSize) is { } error)
        {
            return Outcome.Invalid(error).As<PagedList<ApiAssignment>>();
        }

        AssignmentStatus? status = null;
        if (!string.IsNullOrWhiteSpace(filter.Status))
        {
            if (!Enum.TryParse<AssignmentStatus>(filter.Status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(filter.Status, out _))
            {
                return Outcome.Invalid($"status 须为以下之一：{string.Join("、", Enum.GetNames<AssignmentStatus>())}。").As<PagedList<ApiAssignment>>();
            }

            status = parsed;
        }

        var seesAll = actor.IsPlanningOffice || actor.IsLeadership;
        if (filter.UnitId is { } unit && !seesAll && !(actor.IsUnitUser && actor.UnitIds.Contains(unit)))
        {
            return Outcome.Forbidden("只能查看本单位的任务。").As<PagedList<ApiAssignment>>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Assignments.AsNoTracking();
        if (!seesAll)
        {
            var units = actor.IsUnitUser ? actor.UnitIds.ToList() : [];
            query = query.Where(a => units.Contains(a.OrgUnitId));
        }

        if (filter.UnitId is { } unitId)
        {
            query = query.Where(a => a.OrgUnitId == unitId);
        }

        if (filter.PlanId is { } planId)
        {
            query = query.Where(a => a.WorkTask!.PlanId == planId);
        }

        if (status is { } wanted)
        {
            query = query.Where(a => a.Status == wanted);
        }

        var today = Today;
        if (filter.Overdue == true)
        {
            query = query.Where(a => a.Status != AssignmentStatus.Closed && a.DueDate != null && a.DueDate < today);
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderBy(a => a.DueDate == null).ThenBy(a => a.DueDate).ThenBy(a => a.Id)
            .Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize)
            .Select(a => new
            {
                a.Id, a.WorkTask!.PlanId, a.WorkTask.Plan!.Title, a.WorkTask.Plan.Issuer, a.WorkTask.Plan.Year,
                a.TaskId, a.WorkTask.Path, TaskTitle = a.WorkTask.Title, a.OrgUnitId, UnitName = a.OrgUnit!.Name,
                a.Role, a.Status, a.DueDate, a.Version,
            })
            .ToListAsync(cancellationToken);
        var items = rows.Select(a => new ApiAssignment(
            a.Id, a.PlanId, WorkPlan.DisplayTitleOf(a.Title, a.Issuer, a.Year), a.TaskId, a.Path, a.TaskTitle, a.OrgUnitId, a.UnitName,
            ApiAssignmentDetail.RoleCode(a.Role), a.Status.ToString(), a.Status.ChineseName(), a.DueDate,
            ApiAssignmentDetail.IsOverdue(a.Status, a.DueDate, today), a.Version)).ToList();
        return Outcome.Ok(new PagedList<ApiAssignment>(items, filter.Page, filter.PageSize, total));
    }

    private static IQueryable<WorkPlan> VisiblePlans(AppDbContext db, Actor actor)
    {
        var plans = db.Plans.AsNoTracking();
        return actor.IsPlanningOffice ? plans : plans.OnRecord();
    }
}

/// <summary>The assignment list's query: the office filters by unit, plan, status or overdue; a unit user by their own units only.</summary>
public sealed record ApiAssignmentFilter(int? UnitId, int? PlanId, string? Status, bool? Overdue, int Page, int PageSize);

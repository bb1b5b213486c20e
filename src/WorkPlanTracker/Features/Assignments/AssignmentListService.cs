using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Data;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Features.Assignments;

/// <summary>
/// The 任务 list and the office's review queue (待审核), filtered, sorted, counted and paged in the database: a page
/// reads its 50 assignments and their tasks, plans and latest standing report date, never the whole table. (Before,
/// the list loaded every assignment with all its reports and filtered in memory: 267 s and 3.5 GB on ten years of data.)
/// </summary>
public sealed class AssignmentListService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Tags the page's reading, so a test can count how often a visit reads it.</summary>
    public const string ListTag = "assignment-list";

    public static Outcome OtherUnit { get; } = Outcome.Forbidden("只能查看本单位的任务。");

    public static Outcome NoList { get; } = Outcome.Forbidden("您的账号没有可查看的任务：请联系管理员为账号设置角色和所属单位。");

    public DateOnly Today => WorkCalendar.DateOf(clock.GetUtcNow().UtcDateTime);

    /// <summary>
    /// One page of the assignments an actor works on: a unit user's own units (asking for another unit is refused);
    /// every unit for the office and leaders.
    /// </summary>
    public async Task<Outcome<AssignmentList>> ListAsync(Actor actor, AssignmentListFilter filter, int page = 1, int pageSize = Paging.DefaultPageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        if (!actor.IsPlanningOffice && !actor.IsLeadership && !actor.IsUnitUser)
        {
            return NoList.As<AssignmentList>();
        }

        var seesAll = actor.IsPlanningOffice || actor.IsLeadership;
        if (!seesAll && filter.UnitId is { } asked && !actor.UnitIds.Contains(asked))
        {
            return OtherUnit.As<AssignmentList>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Assignments.AsNoTracking();
        if (!seesAll)
        {
            var units = actor.UnitIds.ToList();
            query = query.Where(a => units.Contains(a.OrgUnitId));
        }

        var rows = await PageAsync(db, Filtered(query, filter), filter, page, pageSize, cancellationToken);
        var years = await YearsAsync(db, filter, cancellationToken);
        var own = actor.UnitIds.ToList();
        var unitChoices = await db.Units.AsNoTracking()
            .Where(u => seesAll || own.Contains(u.Id))
            .Select(u => new UnitChoice(u.Id, u.Name))
            .ToListAsync(cancellationToken);
        return Outcome.Ok(new AssignmentList(filter, rows, years, [.. unitChoices.OrderBy(u => u.Name, ChineseOrder.Names)], 0));
    }

    /// <summary>
    /// What waits for the office: completion and extension requests of the filter's year and unit, soonest deadline
    /// first, with how many more wait in other years (so a request on last year's plan is not overlooked).
    /// </summary>
    public async Task<Outcome<AssignmentList>> ReviewQueueAsync(Actor actor, AssignmentListFilter filter, int page = 1, int pageSize = Paging.DefaultPageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        if (!actor.IsPlanningOffice)
        {
            return Refusals.NotPermitted.As<AssignmentList>();
        }

        filter = filter with { Status = AssignmentListStatus.AwaitingReview };
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await PageAsync(db, Filtered(db.Assignments.AsNoTracking(), filter), filter, page, pageSize, cancellationToken);
        var elsewhere = filter.Year is { } year
            ? await Filtered(db.Assignments.AsNoTracking(), filter with { Year = null }).CountAsync(a => a.WorkTask!.Plan!.Year != year, cancellationToken)
            : 0;
        var years = await YearsAsync(db, filter, cancellationToken);
        return Outcome.Ok(new AssignmentList(filter, rows, years, [], elsewhere));
    }

    private IQueryable<TaskAssignment> Filtered(IQueryable<TaskAssignment> query, AssignmentListFilter filter)
    {
        if (filter.UnitId is { } unitId)
        {
            query = query.Where(a => a.OrgUnitId == unitId);
        }

        if (filter.Year is { } year)
        {
            query = query.Where(a => a.WorkTask!.Plan!.Year == year);
        }

        var today = Today;
        return filter.Status switch
        {
            AssignmentListStatus.Open => query.Where(a => a.Status != AssignmentStatus.Closed),
            // TaskAssignment.IsOverdue, in SQL.
            AssignmentListStatus.Overdue => query.Where(a => a.Status != AssignmentStatus.Closed && !a.WorkTask!.Ongoing && a.DueDate != null && a.DueDate < today),
            AssignmentListStatus.AwaitingReview => query.Where(a => a.Status == AssignmentStatus.CompletionRequested || a.Status == AssignmentStatus.ExtensionRequested),
            AssignmentListStatus.Closed => query.Where(a => a.Status == AssignmentStatus.Closed),
            _ => query,
        };
    }

    private async Task<PagedList<AssignmentRow>> PageAsync(AppDbContext db, IQueryable<TaskAssignment> query, AssignmentListFilter filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        var total = await query.TagWith(ListTag).CountAsync(cancellationToken);
        var skip = Paging.Skip(page, pageSize, total);
        var sorted = filter.Sort switch
        {
            AssignmentListSort.Task => query.OrderByDescending(a => a.WorkTask!.Plan!.Year).ThenBy(a => a.WorkTask!.PlanId)
                .ThenBy(a => a.WorkTask!.SortOrder).ThenBy(a => a.Role).ThenBy(a => a.Id),
            AssignmentListSort.Unit => query.OrderBy(a => a.OrgUnit!.Name).ThenBy(a => a.DueDate == null).ThenBy(a => a.DueDate).ThenBy(a => a.Id),
            _ => query.OrderBy(a => a.DueDate == null).ThenBy(a => a.DueDate).ThenBy(a => a.Id),
        };

        // The sort carries only ids (a deep page's OFFSET goes through thousands of sorted rows); then one command
        // reads the page's rows with their task and plan (for the reporting cycle) and the date of the latest report
        // still standing (a lookup on the reports' index), never a report history.
        var ids = await sorted.TagWith(ListTag).Skip(skip).Take(pageSize).Select(a => a.Id).ToListAsync(cancellationToken);
        var found = await db.Assignments.AsNoTracking().TagWith(ListTag)
            .Where(a => ids.Contains(a.Id))
            .Select(a => new
            {
                Assignment = a,
                a.WorkTask,
                a.WorkTask!.Plan,
                Unit = a.OrgUnit!.Name,
                LatestReport = a.Reports.Where(r => r.ReturnedAtUtc == null).OrderByDescending(r => r.ReportedAtUtc).Select(r => (DateTime?)r.ReportedAtUtc).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        found = [.. found.OrderBy(f => ids.IndexOf(f.Assignment.Id))];
        var today = Today;
        var rows = found.Select(f =>
        {
            var a = f.Assignment;
            a.WorkTask = f.WorkTask;
            a.WorkTask!.Plan = f.Plan;
            // The next report date is worked out from the latest standing report alone (TaskAssignment.NextReportDue).
            a.Reports = f.LatestReport is { } at ? [new ProgressReport { ReportedAtUtc = at }] : [];
            var nextReportDue = ReportingSchedule.NextReportDue(a);
            return new AssignmentRow(
                a.Id, f.Plan!.DisplayTitle, f.WorkTask!.Path, f.WorkTask.Title, f.Unit, a.Role, a.Status,
                a.DueDate, f.WorkTask.Ongoing, a.LightOn(today, AssignmentService.DueSoonDays, nextReportDue), nextReportDue);
        }).ToList();
        return new PagedList<AssignmentRow>(rows, (skip / pageSize) + 1, pageSize, total);
    }

    /// <summary>The years of plans on record (<see cref="WorkPlan.OnRecord"/>), newest first, with the filter's own year and this year always offered.</summary>
    private async Task<IReadOnlyList<int>> YearsAsync(AppDbContext db, AssignmentListFilter filter, CancellationToken cancellationToken)
    {
        var years = await db.Plans.OnRecord().Select(p => p.Year).Distinct().ToListAsync(cancellationToken);
        years.Add(Today.Year);
        if (filter.Year is { } year)
        {
            years.Add(year);
        }

        return [.. years.Distinct().OrderDescending()];
    }
}

/// <summary>One page of the 任务 list or the review queue, with the choices its filter offers.</summary>
/// <param name="ElsewhereCount">Review queue: requests waiting in other years than the one shown.</param>
public sealed record AssignmentList(AssignmentListFilter Filter, PagedList<AssignmentRow> Rows, IReadOnlyList<int> Years, IReadOnlyList<UnitChoice> Units, int ElsewhereCount);

public sealed record UnitChoice(int Id, string Name);

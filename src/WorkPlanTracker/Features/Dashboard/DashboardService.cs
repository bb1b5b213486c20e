using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Data;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Assignments;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Features.Dashboard;

/// <summary>
/// The leaders' figures for a year of published plans. Every figure is counted by the database (GROUP BY with
/// conditional sums), never by loading assignments or reports into memory, so a decade of data answers in
/// milliseconds. The rules are the domain's (<see cref="TaskProgress.RollUp"/>, <see cref="TaskAssignment.IsOverdue"/>,
/// <see cref="TaskAssignment.ClosedOnTime"/>, <see cref="TaskAssignment.LightOn"/>, <see cref="ProgressReport.IsOnTimeFor"/>)
/// re-expressed in LINQ; tests hold both to the same answers. Only the planning office, administrators and
/// leaders may read them (anyone else is refused as <see cref="OutcomeKind.Forbidden"/>; the pages admit only these roles, so
/// they read <see cref="Outcome{T}.Value"/> directly and a refusal there would be a bug); nothing here changes data except the
/// office's assessment weights.
/// </summary>
public sealed class DashboardService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>How far ahead the overview lists deadlines.</summary>
    public const int UpcomingDays = 30;

    /// <summary>Rows shown on the overview's lists; the drill-down shows them all.</summary>
    public const int ListLength = 20;

    /// <summary>
    /// <see cref="WorkCalendar.UtcOffset"/> in hours, as a constant the queries can put into SQL: a stored UTC instant
    /// plus this many hours is its China date, as <see cref="WorkCalendar.DateOf"/> gives it.
    /// </summary>
    private const int ChinaHours = 8;

    public DateOnly Today => WorkCalendar.DateOf(clock.GetUtcNow().UtcDateTime);

    /// <summary>Years that have published plans, newest first; the current year when none has.</summary>
    public async Task<Outcome<IReadOnlyList<int>>> YearsAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        if (!MayView(actor))
        {
            return NotAViewer.As<IReadOnlyList<int>>();
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var years = await db.Plans.OnRecord().Select(p => p.Year).Distinct().ToListAsync(cancellationToken);
        return Outcome.Ok<IReadOnlyList<int>>(years.Count == 0 ? [Today.Year] : years.OrderDescending().ToList());
    }

    /// <summary>The year's published plans, for the plan picker.</summary>
    public async Task<Outcome<IReadOnlyList<PlanChoice>>> OverviewPlansAsync(Actor actor, int year, CancellationToken cancellationToken = default)
    {
        if (!MayView(actor))
        {
            return NotAViewer.As<IReadOnlyList<PlanChoice>>();
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return Outcome.Ok<IReadOnlyList<PlanChoice>>(await PlansOf(db, year).ToListAsync(cancellationToken));
    }

    /// <summary>Names the overview's first query in the SQL (a comment), so logs and tests can tell how often the overview is read.</summary>
    public const string OverviewTag = "dashboard-overview";

    public async Task<Outcome<Overview>> OverviewAsync(Actor actor, DashboardScope scope, CancellationToken cancellationToken = default)
    {
        if (!MayView(actor))
        {
            return NotAViewer.As<Overview>();
        }
        var today = Today;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var plans = await PlansOf(db, scope.Year).TagWith(OverviewTag).ToListAsync(cancellationToken);
        var tasks = await TaskFiguresAsync(db, scope, today, cancellationToken);
        var standings = Enum.GetValues<TaskStanding>().ToDictionary(s => s, s => tasks.Count(t => t.Standing == s));

        var assignments = InScope(db, scope);
        var sections = await SectionLightsAsync(db, scope, plans, tasks, cancellationToken);
        var horizon = today.AddDays(UpcomingDays);
        var upcoming = Upcoming(assignments, today, horizon);
        var overdue = Overdue(assignments, today);
        return Outcome.Ok(new Overview(
            scope, today, plans, standings, tasks.Count,
            tasks.Sum(t => t.Assignments), tasks.Sum(t => t.Closed), tasks.Sum(t => t.ClosedOnTime), tasks.Sum(t => t.Overdue),
            sections,
            await DueItemsAsync(db, upcoming.OrderBy(a => a.DueDate).ThenBy(a => a.Id).Take(ListLength), today, cancellationToken),
            await upcoming.CountAsync(cancellationToken),
            await DueItemsAsync(db, overdue.OrderBy(a => a.DueDate).ThenBy(a => a.Id).Take(ListLength), today, cancellationToken),
            await overdue.CountAsync(cancellationToken)));
    }

    /// <summary>Names the ranking's first query in the SQL, so tests can tell how often the ranking is read.</summary>
    public const string RankingTag = "dashboard-ranking";

    /// <summary>Names the trend's month query (run for the year and the year before) in the SQL.</summary>
    public const string TrendTag = "dashboard-trend";

    public async Task<Outcome<UnitRanking>> RankingAsync(Actor actor, DashboardScope scope, CancellationToken cancellationToken = default)
    {
        if (!MayView(actor))
        {
            return NotAViewer.As<UnitRanking>();
        }
        var today = Today;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var weights = await WeightsOf(db, cancellationToken);
        // Flat rows first, then GROUP BY. Explicit joins, not navigations: EF turns a navigation read inside an aggregate into a correlated subquery per group.
        var byUnit = await (
                from a in InScope(db, scope)
                join t in db.Tasks on a.TaskId equals t.Id
                select new { a.OrgUnitId, a.Status, a.ClosedAtUtc, a.OriginalDueDate, a.DueDate, a.ReturnCount, t.Ongoing })
            .TagWith(RankingTag)
            .GroupBy(a => a.OrgUnitId)
            .Select(g => new
            {
                UnitId = g.Key,
                Count = g.Count(),
                Closed = g.Sum(a => a.Status == AssignmentStatus.Closed ? 1 : 0),
                OnTime = g.Sum(a => a.Status == AssignmentStatus.Closed && a.ClosedAtUtc != null
                    && (a.OriginalDueDate == null || DateOnly.FromDateTime(a.ClosedAtUtc.Value.AddHours(ChinaHours)) <= a.OriginalDueDate) ? 1 : 0),
                Overdue = g.Sum(a => a.Status != AssignmentStatus.Closed && !a.Ongoing && a.DueDate != null && a.DueDate < today ? 1 : 0),
                Returns = g.Sum(a => a.ReturnCount),
            })
            .ToListAsync(cancellationToken);
        var reports = await (
                from r in db.ProgressReports
                join a in InScope(db, scope) on r.AssignmentId equals a.Id
                join t in db.Tasks on a.TaskId equals t.Id
                join p in db.Plans on t.PlanId equals p.Id
                select new { a.OrgUnitId, r.ReportedDayOfMonth, r.ReturnedAtUtc, Day = t.ReportingCycleKind != null ? t.ReportingDay : p.ReportingDay })
            .GroupBy(r => r.OrgUnitId)
            .Select(g => new
            {
                UnitId = g.Key,
                Count = g.Count(),
                OnTime = g.Sum(r => r.ReturnedAtUtc == null && (r.Day == null || r.ReportedDayOfMonth <= r.Day) ? 1 : 0),
            })
            .ToDictionaryAsync(r => r.UnitId, cancellationToken);
        var unitIds = byUnit.Select(u => u.UnitId).ToList();
        var names = await db.Units.Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);

        var scores = byUnit.Select(u =>
        {
            reports.TryGetValue(u.UnitId, out var r);
            var row = new UnitScore(u.UnitId, names.GetValueOrDefault(u.UnitId, "?"), u.Count, u.Closed, u.OnTime, u.Overdue, r?.Count ?? 0, r?.OnTime ?? 0, u.Returns, 0);
            return row with { Score = weights.Score(row.ClosedRate, row.OnTimeRate, row.ReportsOnTimeRate, row.OverdueRate, row.ReturnedRate) };
        })
            .OrderByDescending(u => u.Score).ThenBy(u => u.UnitName, ChineseOrder.Names)
            .Select((u, i) => u with { Rank = i + 1 })
            .ToList();
        return Outcome.Ok(new UnitRanking(scope, weights, scores));
    }

    public async Task<Outcome<Trend>> TrendAsync(Actor actor, DashboardScope scope, CancellationToken cancellationToken = default)
    {
        if (!MayView(actor))
        {
            return NotAViewer.As<Trend>();
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (months, count) = await MonthsAsync(db, scope, Today, cancellationToken);

        // The previous year is compared as a whole: its plans differ from this year's, so a plan filter cannot carry over.
        var (previous, previousCount) = await MonthsAsync(db, new DashboardScope(scope.Year - 1), Today, cancellationToken);
        return Outcome.Ok(new Trend(scope, months, previous, count, previousCount));
    }

    /// <summary>The weights in force (the defaults until the office saves its own).</summary>
    public async Task<Outcome<AssessmentWeights>> WeightsAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        if (!MayView(actor))
        {
            return NotAViewer.As<AssessmentWeights>();
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return Outcome.Ok(await WeightsOf(db, cancellationToken));
    }

    /// <summary>考核权重 are the planning office's to set; leaders read them and the ranking they give.</summary>
    public async Task<Outcome> SaveWeightsAsync(Actor actor, AssessmentWeights input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!actor.IsPlanningOffice)
        {
            return Refusals.NotPermitted;
        }

        if (input.ValidationError() is { } error)
        {
            return Outcome.Invalid(error);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var weights = await db.AssessmentWeights.OrderBy(w => w.Id).FirstOrDefaultAsync(cancellationToken);
        if (weights is null)
        {
            weights = new AssessmentWeights();
            db.AssessmentWeights.Add(weights);
        }

        weights.CopyWeightsFrom(input);
        weights.ChangedAtUtc = clock.GetUtcNow().UtcDateTime;
        weights.ChangedBy = actor.UserName;
        db.ChangeReason = "调整考核权重";
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok("考核权重已保存，排名已按新权重计算");
    }

    /// <summary>
    /// One page of the list behind a figure: the same predicates as the figure, so its total is the figure. Counted and
    /// paged in the database, so a page costs the same however long the list is.
    /// </summary>
    public async Task<Outcome<DrillList>> DrillAsync(Actor actor, DrillFilter filter, int page = 1, int pageSize = Paging.DefaultPageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        if (!MayView(actor))
        {
            return NotAViewer.As<DrillList>();
        }
        var today = Today;
        var scope = new DashboardScope(filter.Year, filter.PlanId);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var unitName = filter.UnitId is { } unitId ? await db.Units.Where(u => u.Id == unitId).Select(u => u.Name).SingleOrDefaultAsync(cancellationToken) : null;
        var title = DrillTitles.Of(filter, unitName);
        return Outcome.Ok(filter.Show switch
        {
            DrillShow.Tasks => await TaskListAsync(db, filter, scope, today, title, page, pageSize, cancellationToken),
            DrillShow.Reports or DrillShow.ReportsOnTime => await ReportListAsync(db, filter, scope, title, page, pageSize, cancellationToken),
            _ => await AssignmentListAsync(db, filter, scope, today, title, page, pageSize, cancellationToken),
        });
    }

    /// <summary>The refusal for anyone but the office, administrators and leaders.</summary>
    public static Outcome NotAViewer { get; } = Outcome.Forbidden("领导驾驶舱仅供领导和计划办公室查看。");

    /// <summary>Only the office, administrators and leaders: unit users see only their own work, on their own pages.</summary>
    public static bool MayView(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.IsPlanningOffice || actor.IsLeadership;
    }

    // ---- scope ----------------------------------------------------------------------------------------------

    internal static IQueryable<PlanChoice> PlansOf(AppDbContext db, int year) =>
        db.Plans.OnRecord().Where(p => p.Year == year).OrderBy(p => p.Id).Select(p => new PlanChoice(p.Id, p.Title));

    /// <summary>Assignments of the scope's published plans.</summary>
    internal static IQueryable<TaskAssignment> InScope(AppDbContext db, DashboardScope scope)
    {
        var query = db.Assignments.AsNoTracking().OnRecord().Where(a => a.WorkTask!.Plan!.Year == scope.Year);
        return scope.PlanId is { } planId ? query.Where(a => a.WorkTask!.PlanId == planId) : query;
    }

    internal static IQueryable<ProgressReport> ReportsInScope(AppDbContext db, DashboardScope scope)
    {
        var query = db.ProgressReports.AsNoTracking().OnRecord().Where(r => r.Assignment!.WorkTask!.Plan!.Year == scope.Year);
        return scope.PlanId is { } planId ? query.Where(r => r.Assignment!.WorkTask!.PlanId == planId) : query;
    }

    internal static IQueryable<WorkTask> TasksInScope(AppDbContext db, DashboardScope scope)
    {
        var query = db.Tasks.AsNoTracking().OnRecord().Where(t => t.Plan!.Year == scope.Year);
        return scope.PlanId is { } planId ? query.Where(t => t.PlanId == planId) : query;
    }

    private static IQueryable<TaskAssignment> Upcoming(IQueryable<TaskAssignment> assignments, DateOnly today, DateOnly horizon) =>
        assignments.Where(a => a.Status != AssignmentStatus.Closed && !a.WorkTask!.Ongoing && a.DueDate != null && a.DueDate >= today && a.DueDate <= horizon);

    internal static IQueryable<TaskAssignment> Overdue(IQueryable<TaskAssignment> assignments, DateOnly today) =>
        assignments.Where(a => a.Status != AssignmentStatus.Closed && !a.WorkTask!.Ongoing && a.DueDate != null && a.DueDate < today);

    private static async Task<AssessmentWeights> WeightsOf(AppDbContext db, CancellationToken cancellationToken) =>
        await db.AssessmentWeights.AsNoTracking().OrderBy(w => w.Id).FirstOrDefaultAsync(cancellationToken) ?? new AssessmentWeights();

    // ---- tasks and sections -----------------------------------------------------------------------------------

    /// <summary>One row per task of the scope, aggregated from its assignments in the database.</summary>
    internal sealed record TaskFigures(int TaskId, int PlanId, int? SectionId, bool Ongoing, int Assignments, int Leads, int LeadsClosed, int Closed, int ClosedOnTime, int Overdue, int Warning)
    {
        /// <summary><see cref="TaskProgress.RollUp"/>'s answer: closed when every lead (with no lead, every unit) is closed.</summary>
        public TaskStanding Standing =>
            TaskStandings.Of(Assignments > 0, Leads > 0 ? LeadsClosed == Leads : Closed == Assignments, Overdue > 0, Ongoing);

        /// <summary>
        /// Done once the task is closed (its lead units closed it, even if a supporting unit is still late: the section
        /// would otherwise stay red with no overdue task to show); otherwise the worst of its assignments' lights
        /// (<see cref="TaskAssignment.LightOn"/> without the reporting cycle).
        /// </summary>
        public TrafficLight Light =>
            Standing is TaskStanding.Closed or TaskStanding.Unassigned ? TrafficLight.Done
            : Overdue > 0 ? TrafficLight.Red
            : Warning > 0 ? TrafficLight.Yellow
            : TrafficLight.Green;
    }

    internal static async Task<List<TaskFigures>> TaskFiguresAsync(AppDbContext db, DashboardScope scope, DateOnly today, CancellationToken cancellationToken)
    {
        var soon = today.AddDays(AssignmentService.DueSoonDays);
        var assigned = await InScope(db, scope)
            .GroupBy(a => new { a.TaskId, a.WorkTask!.PlanId, a.WorkTask.SectionId, a.WorkTask.Ongoing })
            .Select(g => new TaskFigures(
                g.Key.TaskId, g.Key.PlanId, g.Key.SectionId, g.Key.Ongoing,
                g.Count(),
                g.Sum(a => a.Role == AssignmentRole.Lead ? 1 : 0),
                g.Sum(a => a.Role == AssignmentRole.Lead && a.Status == AssignmentStatus.Closed ? 1 : 0),
                g.Sum(a => a.Status == AssignmentStatus.Closed ? 1 : 0),
                g.Sum(a => a.Status == AssignmentStatus.Closed && a.ClosedAtUtc != null
                    && (a.OriginalDueDate == null || DateOnly.FromDateTime(a.ClosedAtUtc.Value.AddHours(ChinaHours)) <= a.OriginalDueDate) ? 1 : 0),
                g.Sum(a => a.Status != AssignmentStatus.Closed && !g.Key.Ongoing && a.DueDate != null && a.DueDate < today ? 1 : 0),
                g.Sum(a => a.Status != AssignmentStatus.Closed
                    && ((!g.Key.Ongoing && a.DueDate != null && a.DueDate >= today && a.DueDate <= soon)
                        || a.Status == AssignmentStatus.Returned || a.Status == AssignmentStatus.ExtensionRequested) ? 1 : 0)))
            .ToListAsync(cancellationToken);
        var unassigned = await TasksInScope(db, scope)
            .Where(t => !t.Assignments.Any())
            .Select(t => new TaskFigures(t.Id, t.PlanId, t.SectionId, t.Ongoing, 0, 0, 0, 0, 0, 0, 0))
            .ToListAsync(cancellationToken);
        return [.. assigned, .. unassigned];
    }

    /// <summary>Top-level sections (一、二、…) of the scope's plans, each with the worst light of the open tasks under it.</summary>
    private static async Task<List<SectionLight>> SectionLightsAsync(
        AppDbContext db, DashboardScope scope, List<PlanChoice> plans, List<TaskFigures> tasks, CancellationToken cancellationToken)
    {
        var sections = await SectionsAsync(db, scope, cancellationToken);
        var planTitles = plans.ToDictionary(p => p.Id, p => p.Title);
        return tasks
            .GroupBy(t => (t.PlanId, Root: t.SectionId is { } id ? RootOf(id, sections) : null))
            .Select(g =>
            {
                var root = g.Key.Root is { } r ? sections.GetValueOrDefault(r) : null;
                var light = g.Select(t => t.Light).Aggregate(TrafficLight.Done, Worse);
                return new SectionLight(
                    g.Key.Root, g.Key.PlanId, planTitles.GetValueOrDefault(g.Key.PlanId, ""), root?.Path ?? "", root?.Title ?? "（未分节的任务）",
                    g.Count(), g.Count(t => t.Standing == TaskStanding.Closed), g.Count(t => t.Standing == TaskStanding.Overdue), light);
            })
            .OrderBy(s => s.PlanId).ThenBy(s => root(s)).ToList();

        int root(SectionLight s) => s.SectionId is { } id && sections.TryGetValue(id, out var section) ? section.SortOrder : int.MaxValue;
    }

    private static Task<Dictionary<int, PlanSection>> SectionsAsync(AppDbContext db, DashboardScope scope, CancellationToken cancellationToken)
    {
        var query = db.Sections.AsNoTracking().OnRecord().Where(s => s.Plan!.Year == scope.Year);
        if (scope.PlanId is { } planId)
        {
            query = query.Where(s => s.PlanId == planId);
        }

        return query.ToDictionaryAsync(s => s.Id, cancellationToken);
    }

    private static int? RootOf(int sectionId, Dictionary<int, PlanSection> sections)
    {
        var id = sectionId;
        for (var depth = 0; depth < 10 && sections.TryGetValue(id, out var section) && section.ParentId is { } parent; depth++)
        {
            id = parent;
        }

        return id;
    }

    /// <summary>Red over yellow over green; done counts only when everything is done.</summary>
    internal static TrafficLight Worse(TrafficLight a, TrafficLight b) => Rank(a) >= Rank(b) ? a : b;

    private static int Rank(TrafficLight light) => light switch
    {
        TrafficLight.Red => 3,
        TrafficLight.Yellow => 2,
        TrafficLight.Green => 1,
        _ => 0,
    };

    private static async Task<List<DueItem>> DueItemsAsync(AppDbContext db, IQueryable<TaskAssignment> assignments, DateOnly today, CancellationToken cancellationToken)
    {
        var rows = await assignments
            .Select(a => new
            {
                a.Id,
                a.TaskId,
                a.WorkTask!.Path,
                a.WorkTask.Title,
                Unit = a.OrgUnit!.Name,
                a.DueDate,
                Escalated = db.EscalationNotices.Any(n => n.AssignmentId == a.Id),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new DueItem(r.Id, r.TaskId, r.Path, r.Title, r.Unit, r.DueDate!.Value, today.DayNumber - r.DueDate.Value.DayNumber, r.Escalated)).ToList();
    }

    // ---- trend ----------------------------------------------------------------------------------------------------

    private static async Task<(List<TrendMonth> Months, int Assignments)> MonthsAsync(AppDbContext db, DashboardScope scope, DateOnly today, CancellationToken cancellationToken)
    {
        // One row per (due month, close month): at most a few hundred, from which every month-end figure follows exactly.
        var cells = await InScope(db, scope)
            .TagWith(TrendTag)
            .GroupBy(a => new
            {
                Due = a.DueDate == null || a.WorkTask!.Ongoing ? (int?)null : (a.DueDate.Value.Year * 100) + a.DueDate.Value.Month,
                Closed = a.Status != AssignmentStatus.Closed || a.ClosedAtUtc == null
                    ? (int?)null
                    : (a.ClosedAtUtc.Value.AddHours(ChinaHours).Year * 100) + a.ClosedAtUtc.Value.AddHours(ChinaHours).Month,
            })
            .Select(g => new { g.Key.Due, g.Key.Closed, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var total = cells.Sum(c => c.Count);
        var current = (today.Year * 100) + today.Month;
        var months = Enumerable.Range(1, 12).Select(month =>
        {
            var end = (scope.Year * 100) + month;
            if (end > current)
            {
                return new TrendMonth(month, 0, 0, 0, 0, total, IsFuture: true);
            }

            return new TrendMonth(
                month,
                Due: cells.Where(c => c.Due <= end).Sum(c => c.Count),
                Closed: cells.Where(c => c.Closed <= end).Sum(c => c.Count),
                ClosedInMonth: cells.Where(c => c.Closed == end).Sum(c => c.Count),
                OverdueAtEnd: cells.Where(c => c.Due <= end && (c.Closed is null || c.Closed > end)).Sum(c => c.Count),
                Assignments: total);
        }).ToList();
        return (months, total);
    }

    // ---- drill-down ---------------------------------------------------------------------------------------------

    private static async Task<DrillList> TaskListAsync(AppDbContext db, DrillFilter filter, DashboardScope scope, DateOnly today, string title, int page, int pageSize, CancellationToken cancellationToken)
    {
        var figures = await TaskFiguresAsync(db, scope, today, cancellationToken);
        IEnumerable<TaskFigures> chosen = figures;
        if (filter.Standing is { } standing)
        {
            chosen = chosen.Where(t => t.Standing == standing);
        }

        if (filter.SectionId is { } sectionId)
        {
            var sections = await SectionsAsync(db, scope, cancellationToken);
            chosen = chosen.Where(t => t.SectionId is { } id && RootOf(id, sections) == sectionId);
        }

        if (filter.UnitId is { } unitId)
        {
            var ofUnit = (await InScope(db, scope).Where(a => a.OrgUnitId == unitId).Select(a => a.TaskId).ToListAsync(cancellationToken)).ToHashSet();
            chosen = chosen.Where(t => ofUnit.Contains(t.TaskId));
        }

        // A task's standing is worked out from its figures, not stored: the page is cut from the scope's ids in plan order.
        var standings = chosen.ToDictionary(t => t.TaskId, t => t.Standing);
        var inOrder = (await TasksInScope(db, scope).OrderBy(t => t.PlanId).ThenBy(t => t.SortOrder).ThenBy(t => t.Id).Select(t => t.Id).ToListAsync(cancellationToken))
            .Where(standings.ContainsKey)
            .ToList();
        var skip = Paging.Skip(page, pageSize, inOrder.Count);
        var ids = inOrder.Skip(skip).Take(pageSize).ToList();
        var tasks = await db.Tasks.AsNoTracking().Where(t => ids.Contains(t.Id))
            .OrderBy(t => t.PlanId).ThenBy(t => t.SortOrder).ThenBy(t => t.Id)
            .Select(t => new { t.Id, Plan = t.Plan!.Title, t.Path, t.Title, t.Ongoing, t.Deadline })
            .ToListAsync(cancellationToken);

        // The units in a query of their own: as a nested collection EF joins every assignment of the database first.
        var links = (await db.Assignments.AsNoTracking().Where(a => ids.Contains(a.TaskId))
                .OrderBy(a => a.Role).ThenBy(a => a.Id)
                .Select(a => new { a.TaskId, Link = new DrillLink(a.Id, a.OrgUnit!.Name, a.Status) })
                .ToListAsync(cancellationToken))
            .ToLookup(a => a.TaskId, a => a.Link);
        var rows = tasks.Select(t => new DrillRow(t.Id, t.Plan, t.Path, t.Title, TaskStandingNames.Of(standings[t.Id]), t.Ongoing ? null : t.Deadline, links[t.Id].ToList())).ToList();
        return new DrillList(filter, title, inOrder.Count, rows, (skip / pageSize) + 1, pageSize);
    }

    private static async Task<DrillList> AssignmentListAsync(AppDbContext db, DrillFilter filter, DashboardScope scope, DateOnly today, string title, int page, int pageSize, CancellationToken cancellationToken)
    {
        var query = InScope(db, scope);
        if (filter.UnitId is { } unitId)
        {
            query = query.Where(a => a.OrgUnitId == unitId);
        }

        var end = (filter.Year * 100) + (filter.Month ?? 12);
        query = filter.Show switch
        {
            DrillShow.ClosedAssignments => query.Where(a => a.Status == AssignmentStatus.Closed),
            DrillShow.ClosedOnTime => query.Where(a => a.Status == AssignmentStatus.Closed && a.ClosedAtUtc != null
                && (a.OriginalDueDate == null || DateOnly.FromDateTime(a.ClosedAtUtc.Value.AddHours(ChinaHours)) <= a.OriginalDueDate)),
            DrillShow.OverdueAssignments => Overdue(query, today),
            DrillShow.UpcomingAssignments => Upcoming(query, today, today.AddDays(UpcomingDays)),
            DrillShow.ReturnedReports => query.Where(a => a.ReturnCount > 0),
            DrillShow.ClosedInMonth => query.Where(a => a.Status == AssignmentStatus.Closed && a.ClosedAtUtc != null
                && (a.ClosedAtUtc.Value.AddHours(ChinaHours).Year * 100) + a.ClosedAtUtc.Value.AddHours(ChinaHours).Month == end),
            DrillShow.OverdueAtMonthEnd => query.Where(a => a.DueDate != null && !a.WorkTask!.Ongoing
                && (a.DueDate.Value.Year * 100) + a.DueDate.Value.Month <= end
                && (a.Status != AssignmentStatus.Closed || a.ClosedAtUtc == null
                    || (a.ClosedAtUtc.Value.AddHours(ChinaHours).Year * 100) + a.ClosedAtUtc.Value.AddHours(ChinaHours).Month > end)),
            _ => query,
        };

        var total = await query.CountAsync(cancellationToken);
        var skip = Paging.Skip(page, pageSize, total);
        var rows = await query
            .OrderBy(a => a.DueDate == null).ThenBy(a => a.DueDate).ThenBy(a => a.Id)
            .Skip(skip).Take(pageSize)
            .Select(a => new
            {
                a.Id,
                a.TaskId,
                Plan = a.WorkTask!.Plan!.Title,
                a.WorkTask.Path,
                a.WorkTask.Title,
                a.WorkTask.Ongoing,
                a.DueDate,
                a.Status,
                Unit = a.OrgUnit!.Name,
                Escalated = db.EscalationNotices.Any(n => n.AssignmentId == a.Id),
                a.ReturnCount,
                a.ReturnReason,
            })
            .ToListAsync(cancellationToken);
        return new DrillList(filter, title, total, rows.Select(r => new DrillRow(
            r.TaskId, r.Plan, r.Path, r.Title,
            filter.Show == DrillShow.ReturnedReports
                ? $"退回{r.ReturnCount}次" + (r.ReturnReason is { } why ? $"：{why}" : "")
                : AssignmentDetail(r.Status, r.Ongoing, r.DueDate, today, r.Escalated),
            r.DueDate, [new DrillLink(r.Id, r.Unit, r.Status)])).ToList(), (skip / pageSize) + 1, pageSize);
    }

    private static string AssignmentDetail(AssignmentStatus status, bool ongoing, DateOnly? due, DateOnly today, bool escalated)
    {
        if (status != AssignmentStatus.Closed && !ongoing && due is { } d && today > d)
        {
            return $"逾期{today.DayNumber - d.DayNumber}天" + (escalated ? "，已督办" : "");
        }

        return ongoing ? "持续推进" : "";
    }

    private static async Task<DrillList> ReportListAsync(AppDbContext db, DrillFilter filter, DashboardScope scope, string title, int page, int pageSize, CancellationToken cancellationToken)
    {
        var query = ReportsInScope(db, scope);
        if (filter.UnitId is { } unitId)
        {
            query = query.Where(r => r.Assignment!.OrgUnitId == unitId);
        }

        query = filter.Show switch
        {
            DrillShow.ReportsOnTime => query.Where(r => r.ReturnedAtUtc == null
                && ((r.Assignment!.WorkTask!.ReportingCycleKind != null ? r.Assignment.WorkTask.ReportingDay : r.Assignment.WorkTask.Plan!.ReportingDay) == null
                    || r.ReportedDayOfMonth <= (r.Assignment.WorkTask.ReportingCycleKind != null ? r.Assignment.WorkTask.ReportingDay : r.Assignment.WorkTask.Plan!.ReportingDay))),
            _ => query,
        };
        var total = await query.CountAsync(cancellationToken);
        var skip = Paging.Skip(page, pageSize, total);
        var rows = await query
            .OrderByDescending(r => r.ReportedAtUtc).ThenByDescending(r => r.Id)
            .Skip(skip).Take(pageSize)
            .Select(r => new
            {
                r.AssignmentId,
                r.Assignment!.TaskId,
                Plan = r.Assignment.WorkTask!.Plan!.Title,
                r.Assignment.WorkTask.Path,
                r.Assignment.WorkTask.Title,
                r.ReportedAtUtc,
                r.ReturnReason,
                r.Assignment.Status,
                Unit = r.Assignment.OrgUnit!.Name,
            })
            .ToListAsync(cancellationToken);
        return new DrillList(filter, title, total, rows.Select(r => new DrillRow(
            r.TaskId, r.Plan, r.Path, r.Title,
            r.ReturnReason is { } why ? $"退回：{why}" : "",
            WorkCalendar.DateOf(r.ReportedAtUtc), [new DrillLink(r.AssignmentId, r.Unit, r.Status)])).ToList(), (skip / pageSize) + 1, pageSize);
    }
}

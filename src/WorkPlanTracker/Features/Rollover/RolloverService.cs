using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Data;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Features.Rollover;

/// <summary>
/// 年度结转: at year end the office settles every task of a plan that is not closed. A task carried (结转) becomes a new
/// task of a later year's plan linked to it (<see cref="WorkTask.PreviousTaskId"/>), named for the units that still
/// had open work, each of which gets the task again; the old task keeps its deadline and assignments on record and is
/// closed for its year without counting as done. A task may instead be closed as 未完成 with a reason, or left open.
/// Everything is saved in one transaction, and the audit trail records each change.
/// </summary>
public sealed class RolloverService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>The path prefix of a carried task in its new plan: never collides with the numbering the document uses.</summary>
    public const string CarriedPathPrefix = "结转.";

    /// <summary>What the rollover page shows: the plan, its tasks not settled, and the later plans they may go to.</summary>
    public async Task<Outcome<RolloverSheet>> SheetAsync(Actor actor, int planId, CancellationToken cancellationToken = default)
    {
        if (!actor.IsPlanningOffice)
        {
            return Refusals.NotPermitted.As<RolloverSheet>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var plan = await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return Refusals.PlanGone.As<RolloverSheet>();
        }

        var tasks = await db.Tasks.AsNoTracking()
            .Where(t => t.PlanId == planId && t.YearEndOutcome == YearEndOutcome.None)
            .Include(t => t.Assignments).ThenInclude(a => a.OrgUnit)
            .Include(t => t.Parties)
            .OrderBy(t => t.SortOrder)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var open = tasks.Where(t => !t.IsClosed).ToList();
        var openIds = open.Select(t => t.Id).ToList();
        var continued = await db.Tasks.AsNoTracking()
            .Where(t => t.PreviousTaskId != null && openIds.Contains(t.PreviousTaskId.Value))
            .Select(t => new { PreviousId = t.PreviousTaskId!.Value, t.Id, t.Plan!.Year, t.Title })
            .ToListAsync(cancellationToken);
        var rows = open.Select(t =>
        {
            var next = continued.FirstOrDefault(c => c.PreviousId == t.Id);
            var openUnits = t.Assignments.Where(a => a.Status != AssignmentStatus.Closed).OrderBy(a => a.Role).Select(a => a.OrgUnit?.Name ?? "").ToList();
            return new RolloverRow(
                t.Id, t.Path, t.Title, t.Ongoing ? "持续推进" : t.DeadlineText ?? "", t.Ongoing,
                openUnits.Count > 0 ? openUnits : [.. t.Parties.OrderBy(p => p.Role).ThenBy(p => p.SortOrder).Select(p => p.NameAsWritten)],
                t.Assignments.Count(a => a.Status == AssignmentStatus.Closed), t.Assignments.Count,
                next is null ? null : new TaskLink(next.Id, next.Year, next.Title));
        }).ToList();
        var targets = await db.Plans.AsNoTracking()
            .Where(p => p.Year > plan.Year && p.Status != PlanStatus.Archived)
            .OrderBy(p => p.Year).ThenBy(p => p.Title)
            .Select(p => new RolloverTarget(p.Id, p.Year, p.Title))
            .ToListAsync(cancellationToken);
        return Outcome.Ok(new RolloverSheet(plan.Id, plan.Year, plan.DisplayTitle, NextYearTitle(plan), rows, targets));
    }

    /// <summary>
    /// Checks the office's choices and says what saving them would do, changing nothing: the confirmation the page shows
    /// before <see cref="ApplyAsync"/>.
    /// </summary>
    public async Task<Outcome<RolloverPreview>> PreviewAsync(Actor actor, RolloverRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sheet = await SheetAsync(actor, request.PlanId, cancellationToken);
        if (!sheet.Succeeded)
        {
            return sheet.As<RolloverPreview>();
        }

        var rows = sheet.Value.Tasks.ToDictionary(t => t.TaskId);
        var lines = new List<RolloverPreviewLine>();
        foreach (var decision in request.Decisions.Where(d => d.Choice != RolloverChoice.Leave))
        {
            if (!rows.TryGetValue(decision.TaskId, out var row))
            {
                return Outcome.Conflict("有任务刚刚已办结或已被处理，请刷新页面后重新选择。").As<RolloverPreview>();
            }

            if (decision.Choice == RolloverChoice.CloseUnfinished && string.IsNullOrWhiteSpace(decision.Reason))
            {
                return Outcome.Invalid($"任务 {row.Path} 选择了“以未完成关闭”，请填写原因。").As<RolloverPreview>();
            }

            lines.Add(new RolloverPreviewLine(row, decision.Choice, decision.Reason?.Trim()));
        }

        if (lines.Count == 0)
        {
            return Outcome.Invalid("没有选择任何任务：请为要结转或关闭的任务选择处理方式。").As<RolloverPreview>();
        }

        string target;
        if (request.TargetPlanId is { } targetId)
        {
            var chosen = sheet.Value.Targets.FirstOrDefault(t => t.PlanId == targetId);
            if (chosen is null)
            {
                return Outcome.Invalid("结转的目标计划须是以后年度、未归档的计划，请重新选择。").As<RolloverPreview>();
            }

            target = $"{chosen.Year}年《{chosen.Title}》";
        }
        else
        {
            target = $"新建草稿计划《{sheet.Value.NewPlanTitle}》";
        }

        return Outcome.Ok(new RolloverPreview(target, lines));
    }

    /// <summary>Saves the office's choices in one transaction; a refusal changes nothing.</summary>
    public async Task<Outcome<RolloverSummary>> ApplyAsync(Actor actor, RolloverRequest request, CancellationToken cancellationToken = default)
    {
        var preview = await PreviewAsync(actor, request, cancellationToken);
        if (!preview.Succeeded)
        {
            return preview.As<RolloverSummary>();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var plan = await db.Plans.SingleAsync(p => p.Id == request.PlanId, cancellationToken);
        var target = request.TargetPlanId is { } targetId
            ? await db.Plans.SingleAsync(p => p.Id == targetId, cancellationToken)
            : await NewPlanAsync(db, plan, now, cancellationToken);
        if (target is null)
        {
            return Outcome.Conflict($"已有名为《{NextYearTitle(plan)}》的{plan.Year + 1}年计划：请在“结转到”中选择它。").As<RolloverSummary>();
        }

        var ids = preview.Value.Lines.Select(l => l.Task.TaskId).ToList();
        var tasks = await db.Tasks.Where(t => ids.Contains(t.Id))
            .Include(t => t.Assignments).ThenInclude(a => a.OrgUnit)
            .Include(t => t.Parties)
            .AsSplitQuery()
            .ToDictionaryAsync(t => t.Id, cancellationToken);
        var existingNext = await db.Tasks.Where(t => t.PreviousTaskId != null && ids.Contains(t.PreviousTaskId.Value))
            .ToDictionaryAsync(t => t.PreviousTaskId!.Value, cancellationToken);
        var nextOrder = target.Id == 0 ? 0 : await db.Tasks.Where(t => t.PlanId == target.Id).Select(t => (int?)t.SortOrder).MaxAsync(cancellationToken) ?? 0;
        var carried = new List<WorkTask>();
        var closed = 0;
        try
        {
            foreach (var line in preview.Value.Lines)
            {
                var task = tasks[line.Task.TaskId];
                if (line.Choice == RolloverChoice.CloseUnfinished)
                {
                    task.CloseUnfinished(line.Reason ?? "", now);
                    closed++;
                    continue;
                }

                var next = existingNext.GetValueOrDefault(task.Id) ?? CarryInto(task, target, ++nextOrder, now);
                if (next.Id == 0)
                {
                    carried.Add(next);
                }

                task.MarkCarried($"结转至{target.Year}年《{target.DisplayTitle}》", now);
            }
        }
        catch (DomainRuleException e)
        {
            return Outcome.BrokenRule(e).As<RolloverSummary>();
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var carriedCount = preview.Value.Lines.Count(l => l.Choice == RolloverChoice.Carry);
        var message = $"年度结转已保存：{carriedCount} 项结转至{target.Year}年《{target.DisplayTitle}》，{closed} 项以未完成关闭。";
        return Outcome.Ok(new RolloverSummary(target.Id, carriedCount, closed), message);
    }

    /// <summary>The title of next year's plan: this year's title with the year moved on.</summary>
    public static string NextYearTitle(WorkPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var year = plan.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var next = (plan.Year + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return plan.DisplayTitle.Contains(year, StringComparison.Ordinal)
            ? plan.DisplayTitle.Replace(year, next, StringComparison.Ordinal)
            : $"{plan.DisplayTitle}（{next}年结转）";
    }

    private static async Task<WorkPlan?> NewPlanAsync(AppDbContext db, WorkPlan plan, DateTime now, CancellationToken cancellationToken)
    {
        var title = NextYearTitle(plan);
        if (await db.Plans.AnyAsync(p => p.Year == plan.Year + 1 && p.Title == title, cancellationToken))
        {
            return null;
        }

        var next = new WorkPlan
        {
            Year = plan.Year + 1,
            Title = title,
            Issuer = plan.Issuer,
            ImportedAtUtc = now,
            ReportingCycle = plan.ReportingCycle,
            Source = new PlanSource { Text = "" },
        };
        db.Plans.Add(next);
        return next;
    }

    /// <summary>
    /// The task as next year's plan carries it: the same title and text, the units that still had open work (all the
    /// named ones when nobody had closed any), each assigned again; the deadline moves to the end of the new year
    /// (持续推进 stays ongoing), the old one stays on the old task.
    /// </summary>
    private static WorkTask CarryInto(WorkTask old, WorkPlan target, int sortOrder, DateTime now)
    {
        var next = new WorkTask
        {
            Plan = target,
            Path = CarriedPathPrefix + old.Path,
            Title = old.Title,
            Text = old.Text,
            SortOrder = sortOrder,
            PreviousTaskId = old.Id,
            ReportingCycleOverride = old.ReportingCycleOverride,
        };
        var yearEnd = new DateOnly(target.Year, 12, 31);
        next.SetDeadlineAsWritten(old.Ongoing ? null : yearEnd, old.Ongoing ? "持续推进" : $"{target.Year}年12月底前", old.Ongoing);
        var open = old.Assignments.Where(a => a.Status != AssignmentStatus.Closed).OrderBy(a => a.Role).ThenBy(a => a.Id).ToList();
        if (open.Count > 0)
        {
            var order = 0;
            foreach (var assignment in open)
            {
                next.Parties.Add(new TaskParty { Role = assignment.Role, NameAsWritten = assignment.OrgUnit?.Name ?? "", OrgUnitId = assignment.OrgUnitId, SortOrder = order++ });
                next.AssignTo(assignment.OrgUnitId, assignment.Role, now);
            }
        }
        else
        {
            next.Parties.AddRange(old.Parties.Select(p => new TaskParty
            {
                Role = p.Role, NameAsWritten = p.NameAsWritten, OrgUnitId = p.OrgUnitId, UnitGroupId = p.UnitGroupId, SortOrder = p.SortOrder,
            }));
        }

        target.Tasks.Add(next);
        return next;
    }
}

public enum RolloverChoice
{
    /// <summary>暂不处理: the task stays open in its year.</summary>
    Leave,

    /// <summary>结转: continues in a later year's plan.</summary>
    Carry,

    /// <summary>以未完成关闭: ends with a reason, not done.</summary>
    CloseUnfinished,
}

public sealed record RolloverDecision(int TaskId, RolloverChoice Choice, string? Reason = null);

/// <param name="TargetPlanId">The later plan carried tasks go to; null makes a new draft plan for next year.</param>
public sealed record RolloverRequest(int PlanId, int? TargetPlanId, IReadOnlyList<RolloverDecision> Decisions);

public sealed record TaskLink(int TaskId, int Year, string Title);

/// <param name="Units">The units with open work (the named ones when none is assigned).</param>
/// <param name="ContinuedBy">A later year's task already linked to this one (e.g. on that plan's import): carrying reuses it.</param>
public sealed record RolloverRow(
    int TaskId, string Path, string Title, string Deadline, bool Ongoing, IReadOnlyList<string> Units, int ClosedUnits, int AllUnits, TaskLink? ContinuedBy)
{
    /// <summary>
    /// The choice the page starts with. 持续推进 work has no end, so it is carried without a hand choice (the rule this
    /// app keeps for ongoing tasks); so is a task a later plan already continues. Everything else waits for the office.
    /// </summary>
    public RolloverChoice DefaultChoice => Ongoing || ContinuedBy is not null ? RolloverChoice.Carry : RolloverChoice.Leave;
}

public sealed record RolloverTarget(int PlanId, int Year, string Title);

public sealed record RolloverSheet(int PlanId, int Year, string PlanTitle, string NewPlanTitle, IReadOnlyList<RolloverRow> Tasks, IReadOnlyList<RolloverTarget> Targets);

public sealed record RolloverPreviewLine(RolloverRow Task, RolloverChoice Choice, string? Reason);

public sealed record RolloverPreview(string Target, IReadOnlyList<RolloverPreviewLine> Lines);

public sealed record RolloverSummary(int TargetPlanId, int Carried, int ClosedUnfinished);

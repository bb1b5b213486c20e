using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Data;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Features.Assignments;

/// <summary>
/// The planning office changing who does a task and by when. Every change needs a reason, which the audit
/// trail keeps with who and when; units' own statuses and reports are never touched.
/// </summary>
public sealed class AssignmentEditingService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>A task with its assignments, for the office to adjust.</summary>
    public async Task<Outcome<TaskEditView>> GetTaskAsync(Actor actor, int taskId, CancellationToken cancellationToken = default)
    {
        if (!actor.IsPlanningOffice)
        {
            return Refusals.NotPermitted.As<TaskEditView>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var task = await db.Tasks.AsNoTracking()
            .Include(t => t.Plan)
            .Include(t => t.Assignments).ThenInclude(a => a.OrgUnit)
            .Include(t => t.Assignments).ThenInclude(a => a.Reports)
            .AsSplitQuery()
            .SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken);
        if (task is null)
        {
            return Refusals.TaskGone.As<TaskEditView>();
        }

        return Outcome.Ok(new TaskEditView(task, await UnitOptionsAsync(cancellationToken)));
    }

    /// <summary>Every unit, in pinyin order, to choose from.</summary>
    public async Task<IReadOnlyList<UnitOption>> UnitOptionsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return (await db.Units.AsNoTracking().Select(u => new UnitOption(u.Id, u.Name)).ToListAsync(cancellationToken))
            .OrderBy(u => u.Name, ChineseOrder.Names).ToList();
    }

    public Task<Outcome> AddUnitAsync(Actor actor, int taskId, Guid taskVersion, int unitId, AssignmentRole role, string reason) =>
        ChangeTaskAsync(actor, taskId, taskVersion, reason, async (db, task) =>
        {
            if (task.Assignments.Any(a => a.OrgUnitId == unitId))
            {
                return Outcome.Conflict("该单位已承办这项任务，可调整其角色。");
            }

            if (!await db.Units.AnyAsync(u => u.Id == unitId))
            {
                return Outcome.Invalid("所选单位不存在，请刷新页面后重试。");
            }

            var now = clock.GetUtcNow().UtcDateTime;
            task.AssignTo(unitId, role, now);
            if (task.Plan?.IsLiveWork == true)
            {
                // The new assignment has no id before the save: the notice points to the unit's task list, where it is listed.
                db.UnitNotices.Add(UnitNotice.TasksAdded(unitId, [task], UnitNotice.RoleName(role), reason, now));
            }

            return Outcome.Ok("已增加承办单位");
        });

    public Task<Outcome> ChangeRoleAsync(Actor actor, int assignmentId, Guid version, AssignmentRole role, string reason) =>
        ChangeAssignmentAsync(actor, assignmentId, version, reason, (_, assignment) =>
        {
            assignment.Role = role;
            return Outcome.Ok(role == AssignmentRole.Lead ? "已改为牵头单位" : "已改为配合单位");
        });

    /// <summary>Removes a unit from a task, unless it already reported: its work must stay on record.</summary>
    public Task<Outcome> RemoveAsync(Actor actor, int assignmentId, Guid version, string reason) =>
        ChangeAssignmentAsync(actor, assignmentId, version, reason, (db, assignment) =>
        {
            if (assignment.Reports.Count > 0)
            {
                return Outcome.Invalid("该单位已报送进展，不能移除；如不再承办，可改为配合单位。");
            }

            db.Assignments.Remove(assignment);
            if (assignment.WorkTask?.Plan?.IsLiveWork == true)
            {
                db.UnitNotices.Add(UnitNotice.Decision(
                    assignment.OrgUnitId, assignment.WorkTask, "不再承办", "本单位不再承办该项任务", reason, "assignments", clock.GetUtcNow().UtcDateTime));
            }

            return Outcome.Ok("已移除承办单位");
        });

    /// <summary>Moves a task's deadline (or makes it ongoing); every open assignment takes it, extensions already granted later stay.</summary>
    public Task<Outcome> ChangeDeadlineAsync(Actor actor, int taskId, Guid taskVersion, DateOnly? deadline, bool ongoing, string reason) =>
        ChangeTaskAsync(actor, taskId, taskVersion, reason, (db, task) =>
        {
            var before = task.Assignments.ToDictionary(a => a, a => a.DueDate);
            try
            {
                task.ChangeDeadline(deadline, ongoing);
            }
            catch (DomainRuleException e)
            {
                return Task.FromResult(Outcome.BrokenRule(e));
            }

            // Only units whose own due date moved: a closed one keeps its dates, a later extension already granted stays.
            var now = clock.GetUtcNow().UtcDateTime;
            var live = task.Plan?.IsLiveWork == true;
            foreach (var moved in task.Assignments.Where(a => live && a.DueDate != before[a]))
            {
                var detail = moved.DueDate is { } due ? $"完成时限调整为 {WorkCalendar.Format(due)}" : "调整为持续推进，不再设完成时限";
                db.UnitNotices.Add(UnitNotice.Decision(moved, "完成时限调整", detail, reason, now));
            }

            return Task.FromResult(Outcome.Ok("已调整完成时限"));
        });

    /// <summary>Replaces a task's dated steps; the change goes into the audit trail with the reason like any other.</summary>
    public Task<Outcome> ChangeMilestonesAsync(Actor actor, int taskId, Guid taskVersion, IReadOnlyList<Milestone> milestones, string reason) =>
        ChangeTaskAsync(actor, taskId, taskVersion, reason, (db, task) =>
        {
            if (milestones.Any(m => string.IsNullOrWhiteSpace(m.Text)))
            {
                return Task.FromResult(Outcome.Invalid("每个节点都要写明内容。"));
            }

            var before = MilestoneJson(task.Milestones);
            task.Milestones = milestones.OrderBy(m => m.Date).Select(m => new Milestone { Date = m.Date, Text = m.Text.Trim() }).ToList();
            // Milestones live inside the task's row as JSON, which the interceptor does not see as a property change.
            db.AuditEntries.Add(new AuditEntry
            {
                AtUtc = clock.GetUtcNow().UtcDateTime,
                UserName = actor.UserName,
                EntityType = nameof(WorkTask),
                EntityId = task.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Action = AuditAction.Modified,
                Before = before,
                After = MilestoneJson(task.Milestones),
                Reason = reason.Trim(),
            });
            return Task.FromResult(Outcome.Ok("已调整节点"));
        });

    /// <summary>
    /// Splits a task into sub-tasks, one per unit, each with its own text and the parent's deadline; the
    /// sub-task is assigned to that unit as lead. The parent task and its assignments stay.
    /// </summary>
    public Task<Outcome> SplitAsync(Actor actor, int taskId, Guid taskVersion, IReadOnlyList<TaskPart> parts, string reason) =>
        ChangeTaskAsync(actor, taskId, taskVersion, reason, async (db, task) =>
        {
            if (parts.Count == 0 || parts.Any(p => string.IsNullOrWhiteSpace(p.Text) || p.UnitId <= 0))
            {
                return Outcome.Invalid("每个子任务都要写明内容并选择承办单位。");
            }

            var unitIds = parts.Select(p => p.UnitId).Distinct().ToList();
            if (await db.Units.CountAsync(u => unitIds.Contains(u.Id)) != unitIds.Count)
            {
                return Outcome.Invalid("所选单位不存在，请刷新页面后重试。");
            }

            var existing = await db.Tasks.CountAsync(t => t.ParentTaskId == task.Id);
            var now = clock.GetUtcNow().UtcDateTime;
            var subs = new List<(int UnitId, WorkTask Task)>();
            foreach (var (part, n) in parts.Select((p, i) => (p, i + 1)))
            {
                var sub = new WorkTask
                {
                    PlanId = task.PlanId,
                    SectionId = task.SectionId,
                    ParentTaskId = task.Id,
                    Path = $"{task.Path}-{existing + n}",
                    Title = part.Text.Trim().Length > 40 ? part.Text.Trim()[..40] : part.Text.Trim(),
                    Text = part.Text.Trim(),
                    SortOrder = task.SortOrder,
                };
                sub.SetDeadlineAsWritten(task.Deadline, task.DeadlineText, task.Ongoing);
                sub.AssignTo(part.UnitId, AssignmentRole.Lead, now);
                db.Tasks.Add(sub);
                subs.Add((part.UnitId, sub));
            }

            if (task.Plan?.IsLiveWork == true)
            {
                // One notice per unit, however many of the sub-tasks it leads.
                foreach (var unit in subs.GroupBy(s => s.UnitId))
                {
                    var tasks = unit.Select(s => s.Task).ToList();
                    tasks.ForEach(t => t.Plan = task.Plan);
                    db.UnitNotices.Add(UnitNotice.TasksAdded(unit.Key, tasks, UnitNotice.RoleName(AssignmentRole.Lead), reason, now));
                }
            }

            return Outcome.Ok($"已拆分出 {parts.Count} 项子任务");
        });

    private static string MilestoneJson(IEnumerable<Milestone> milestones) =>
        AuditingInterceptor.ToJson(new { Milestones = milestones.Select(m => $"{WorkCalendar.Format(m.Date)} {m.Text}") });

    /// <summary>Gives many tasks to one unit at once, e.g. an agency plan that names no units; tasks it already has are skipped.</summary>
    public async Task<Outcome> AssignManyAsync(Actor actor, IReadOnlyCollection<int> taskIds, int unitId, AssignmentRole role, string reason)
    {
        if (!actor.IsPlanningOffice)
        {
            return Refusals.NotPermitted;
        }

        if (taskIds.Count == 0)
        {
            return Outcome.Invalid("请至少选择一项任务。");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Outcome.Invalid("请填写调整原因。");
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        if (!await db.Units.AnyAsync(u => u.Id == unitId))
        {
            return Outcome.Invalid("所选单位不存在，请刷新页面后重试。");
        }

        var tasks = await db.Tasks.Include(t => t.Plan).Include(t => t.Assignments).Where(t => taskIds.Contains(t.Id)).ToListAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        var given = tasks.Where(t => t.AssignTo(unitId, role, now) is not null).ToList();
        var added = given.Count;
        var live = given.Where(t => t.Plan?.IsLiveWork == true).OrderBy(t => t.PlanId).ThenBy(t => t.SortOrder).ToList();
        if (live.Count > 0)
        {
            db.UnitNotices.Add(UnitNotice.TasksAdded(unitId, live, UnitNotice.RoleName(role), reason, now));
        }

        db.ChangeReason = reason.Trim();
        await db.SaveChangesAsync();
        var skipped = tasks.Count - added;
        return Outcome.Ok($"已分派 {added} 项任务" + (skipped > 0 ? $"，{skipped} 项该单位已承办，未重复分派" : ""));
    }

    /// <remarks>Every change bumps the task's version, also one that only adds rows under it, so a second editor working from the
    /// page as it was is told to reload instead of acting on a task that has moved on.</remarks>
    private async Task<Outcome> ChangeTaskAsync(Actor actor, int taskId, Guid version, string reason, Func<AppDbContext, WorkTask, Task<Outcome>> change)
    {
        if (!actor.IsPlanningOffice)
        {
            return Refusals.NotPermitted;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Outcome.Invalid("请填写调整原因。");
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        var task = await db.Tasks.Include(t => t.Plan).Include(t => t.Assignments).SingleOrDefaultAsync(t => t.Id == taskId);
        if (task is null)
        {
            return Refusals.TaskGone;
        }

        if (task.Version != version)
        {
            return Refusals.ChangedMeanwhile;
        }

        var result = await change(db, task);
        if (result.Succeeded)
        {
            task.MarkChanged();
        }

        return await SaveAsync(db, reason, result);
    }

    private async Task<Outcome> ChangeAssignmentAsync(Actor actor, int assignmentId, Guid version, string reason, Func<AppDbContext, TaskAssignment, Outcome> change)
    {
        if (!actor.IsPlanningOffice)
        {
            return Refusals.NotPermitted;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Outcome.Invalid("请填写调整原因。");
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        var assignment = await db.Assignments.Include(a => a.Reports).Include(a => a.WorkTask!).ThenInclude(t => t.Plan).SingleOrDefaultAsync(a => a.Id == assignmentId);
        if (assignment is null)
        {
            return Refusals.TaskNotFound;
        }

        if (assignment.Version != version)
        {
            return Refusals.ChangedMeanwhile;
        }

        return await SaveAsync(db, reason, change(db, assignment));
    }

    private static async Task<Outcome> SaveAsync(AppDbContext db, string reason, Outcome result)
    {
        if (!result.Succeeded)
        {
            return result;
        }

        db.ChangeReason = reason.Trim();
        try
        {
            await db.SaveChangesAsync();
            return result;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refusals.ChangedMeanwhile;
        }
    }
}

public sealed record UnitOption(int Id, string Name);

/// <summary>One sub-task to split off: its text and the unit that leads it.</summary>
public sealed record TaskPart(string Text, int UnitId);

public sealed record TaskEditView(WorkTask WorkTask, IReadOnlyList<UnitOption> Units);

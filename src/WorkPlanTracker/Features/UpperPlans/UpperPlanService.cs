using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Data;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Features.UpperPlans;

/// <summary>
/// Reporting upward (上级计划): the office marks an imported plan as the upper level's, links each upper task to its
/// own tasks (proposed by <see cref="UpperLinkProposer"/>, confirmed here) or gives it to its units directly, edits
/// the rolled-up progress, and sends it up as the upper office's fill-in workbook or as its own Excel report. All of it
/// is the planning office's: units and leaders are refused, since the report is the office's word to the level above.
/// </summary>
public sealed class UpperPlanService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public const int MaxReportTextLength = 4000;

    private static Outcome NotAnUpperPlan { get; } = Outcome.NotFound("找不到这个上级计划，可能已被删除。");

    /// <summary>The upper plans, and the drafts that could become one.</summary>
    public async Task<Outcome<UpperPlanList>> ListAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        if (!actor.IsPlanningOffice)
        {
            return Refusals.NotPermitted.As<UpperPlanList>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var upper = await db.Plans.AsNoTracking().Where(p => p.IsUpperPlan).OrderByDescending(p => p.Year).ThenBy(p => p.Id)
            .Select(p => new UpperPlanSummary(
                p.Id, p.Title, p.Year, p.Tasks.Count,
                p.Tasks.Count(t => t.Assignments.Count > 0 || db.UpperTaskLinks.Any(l => l.UpperTaskId == t.Id)),
                db.ReceivedFillIns.Any(r => r.PlanId == p.Id)))
            .ToListAsync(cancellationToken);
        var drafts = await db.Plans.AsNoTracking()
            .Where(p => !p.IsUpperPlan && p.Status == PlanStatus.Draft && !p.Tasks.Any(t => t.Assignments.Count > 0))
            .OrderByDescending(p => p.Year).ThenBy(p => p.Id)
            .Select(p => new PlanChoice(p.Id, p.Title, p.Year))
            .ToListAsync(cancellationToken);
        return Outcome.Ok(new UpperPlanList(upper, drafts));
    }

    /// <summary>设为上级计划: an imported draft becomes what this office answers for.</summary>
    public async Task<Outcome> MarkAsUpperPlanAsync(Actor actor, int planId, CancellationToken cancellationToken = default)
    {
        if (!actor.IsPlanningOffice)
        {
            return Refusals.NotPermitted;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var plan = await db.Plans.Include(p => p.Tasks).ThenInclude(t => t.Assignments).AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return Refusals.PlanGone;
        }

        try
        {
            plan.MarkAsUpperPlan();
        }
        catch (DomainRuleException e)
        {
            return Outcome.BrokenRule(e);
        }

        plan.MarkChanged();
        db.ChangeReason = "设为上级计划";
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok($"《{plan.DisplayTitle}》已设为上级计划：请逐项关联本级任务或交办给本级单位。");
    }

    /// <summary>An upper plan with, for each task, its linked work, proposals, rolled-up progress and the office's text.</summary>
    public async Task<Outcome<UpperPlanView>> GetAsync(Actor actor, int planId, CancellationToken cancellationToken = default)
    {
        if (!actor.IsPlanningOffice)
        {
            return Refusals.NotPermitted.As<UpperPlanView>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var plan = await db.Plans.AsNoTracking()
            .Include(p => p.Tasks).ThenInclude(t => t.Assignments).ThenInclude(a => a.OrgUnit)
            .Include(p => p.Tasks).ThenInclude(t => t.Assignments).ThenInclude(a => a.Reports)
            .AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Id == planId && p.IsUpperPlan, cancellationToken);
        if (plan is null)
        {
            return NotAnUpperPlan.As<UpperPlanView>();
        }

        var upperIds = plan.Tasks.Select(t => t.Id).ToList();
        var links = await db.UpperTaskLinks.AsNoTracking().Where(l => upperIds.Contains(l.UpperTaskId)).ToListAsync(cancellationToken);
        var own = await db.Tasks.AsNoTracking()
            .Where(t => !t.Plan!.IsUpperPlan && t.Plan.Status != PlanStatus.Draft && (t.Plan.Year == plan.Year || links.Select(l => l.OwnTaskId).Contains(t.Id)))
            .Include(t => t.Plan)
            .Include(t => t.Assignments).ThenInclude(a => a.OrgUnit)
            .Include(t => t.Assignments).ThenInclude(a => a.Reports)
            .AsSplitQuery()
            .OrderBy(t => t.PlanId).ThenBy(t => t.SortOrder)
            .ToListAsync(cancellationToken);
        var ownById = own.ToDictionary(t => t.Id);
        var ownTexts = own.Where(t => t.Plan!.Year == plan.Year).Select(t => new OwnTaskText(t.Id, t.Title, t.Text)).ToList();
        var received = await db.ReceivedFillIns.AsNoTracking().Where(r => r.PlanId == planId)
            .Select(r => new { r.FileName, r.ReceivedAtUtc }).SingleOrDefaultAsync(cancellationToken);
        var units = (await db.Units.AsNoTracking().Select(u => new UnitChoice(u.Id, u.Name)).ToListAsync(cancellationToken))
            .OrderBy(u => u.Name, ChineseOrder.Names).ToList();

        var rows = new List<UpperTaskRow>();
        foreach (var task in plan.Tasks.OrderBy(t => t.SortOrder))
        {
            var linked = links.Where(l => l.UpperTaskId == task.Id).Select(l => ownById.GetValueOrDefault(l.OwnTaskId)).OfType<WorkTask>().ToList();
            var proposals = UpperLinkProposer.Propose(
                    new UpperTaskText(task.Id, task.Path, task.Title, task.Text), ownTexts, linked.Select(t => t.Id).ToHashSet())
                .Select(p => (Task: ownById[p.OwnTaskId], p.Reason))
                .Select(p => new ProposedTask(p.Task.Id, p.Task.Plan!.DisplayTitle, p.Task.Path, p.Task.Title, p.Reason))
                .ToList();
            rows.Add(new UpperTaskRow(
                task.Id, task.Path, task.Title, task.DeadlineText,
                linked.Select(t => new LinkedTask(t.Id, t.Plan!.DisplayTitle, t.Path, t.Title)).ToList(),
                proposals,
                task.Assignments.Select(a => a.OrgUnit?.Name ?? "").Order(ChineseOrder.Names).ToList(),
                UpwardRollup.Of(AnsweringTasks(task, linked)),
                task.UpwardReportText));
        }

        var choices = own.Where(t => t.Plan!.Year == plan.Year).Select(t => new OwnTaskChoice(t.Id, $"{t.Plan!.DisplayTitle} {t.Path} {t.Title}")).ToList();
        return Outcome.Ok(new UpperPlanView(plan.Id, plan.DisplayTitle, plan.Year, received?.FileName, received?.ReceivedAtUtc, rows, choices, units));
    }

    /// <summary>确认关联: the own task's progress now counts for the upper task.</summary>
    public async Task<Outcome> LinkAsync(Actor actor, int upperTaskId, int ownTaskId, CancellationToken cancellationToken = default)
    {
        if (!actor.IsPlanningOffice)
        {
            return Refusals.NotPermitted;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Tasks.AnyAsync(t => t.Id == upperTaskId && t.Plan!.IsUpperPlan, cancellationToken))
        {
            return Refusals.TaskGone;
        }

        if (!await db.Tasks.AnyAsync(t => t.Id == ownTaskId && !t.Plan!.IsUpperPlan && t.Plan.Status != PlanStatus.Draft, cancellationToken))
        {
            return Outcome.Invalid("只能关联本级已发布计划中的任务：请选择本级计划的任务。");
        }

        if (await db.UpperTaskLinks.AnyAsync(l => l.UpperTaskId == upperTaskId && l.OwnTaskId == ownTaskId, cancellationToken))
        {
            return Outcome.Conflict("这两项任务已经关联。");
        }

        db.UpperTaskLinks.Add(new UpperTaskLink
        {
            UpperTaskId = upperTaskId, OwnTaskId = ownTaskId, LinkedAtUtc = clock.GetUtcNow().UtcDateTime, LinkedBy = actor.UserName,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Outcome.Conflict("这两项任务刚刚已由其他人关联。");
        }

        return Outcome.Ok("已关联。");
    }

    /// <summary>取消关联: the own task's reports stay, they no longer count for the upper task.</summary>
    public async Task<Outcome> UnlinkAsync(Actor actor, int upperTaskId, int ownTaskId, CancellationToken cancellationToken = default)
    {
        if (!actor.IsPlanningOffice)
        {
            return Refusals.NotPermitted;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var removed = await db.UpperTaskLinks.Where(l => l.UpperTaskId == upperTaskId && l.OwnTaskId == ownTaskId).ExecuteDeleteAsync(cancellationToken);
        return removed == 0 ? Outcome.NotFound("这两项任务没有关联，可能已被取消。") : Outcome.Ok("已取消关联。");
    }

    /// <summary>直接交办: the upper task becomes work of <paramref name="unitId"/>, as the lead unit, due by its deadline.</summary>
    public async Task<Outcome> AssignAsync(Actor actor, int upperTaskId, int unitId, CancellationToken cancellationToken = default)
    {
        if (!actor.IsPlanningOffice)
        {
            return Refusals.NotPermitted;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var task = await db.Tasks.Include(t => t.Assignments).Include(t => t.Plan)
            .SingleOrDefaultAsync(t => t.Id == upperTaskId && t.Plan!.IsUpperPlan, cancellationToken);
        if (task is null)
        {
            return Refusals.TaskGone;
        }

        if (!await db.Units.AnyAsync(u => u.Id == unitId, cancellationToken))
        {
            return Outcome.Invalid("所选单位不存在，请刷新页面后重试。");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (task.AssignTo(unitId, AssignmentRole.Lead, now) is null)
        {
            return Outcome.Conflict("该单位已承办这项任务。");
        }

        db.UnitNotices.Add(UnitNotice.TasksAdded(unitId, [task], UnitNotice.RoleName(AssignmentRole.Lead), $"落实上级计划《{task.Plan!.DisplayTitle}》", now));
        db.ChangeReason = "上级计划任务直接交办";
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok("已交办。");
    }

    /// <summary>The office's words for the upward report; empty goes back to the rolled-up text.</summary>
    public async Task<Outcome> SaveReportTextAsync(Actor actor, int upperTaskId, string? text, CancellationToken cancellationToken = default)
    {
        if (!actor.IsPlanningOffice)
        {
            return Refusals.NotPermitted;
        }

        var trimmed = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (trimmed?.Length > MaxReportTextLength)
        {
            return Outcome.Invalid($"上报内容不能超过 {MaxReportTextLength} 字，现为 {trimmed.Length} 字：请精简后再保存。");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var task = await db.Tasks.SingleOrDefaultAsync(t => t.Id == upperTaskId && t.Plan!.IsUpperPlan, cancellationToken);
        if (task is null)
        {
            return Refusals.TaskGone;
        }

        task.UpwardReportText = trimmed;
        task.MarkChanged();
        db.ChangeReason = "编辑上报内容";
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok(trimmed is null ? "已恢复为汇总的进展。" : "上报内容已保存。");
    }

    /// <summary>
    /// 接收上级填报表: keeps the upper office's fill-in workbook for this plan (replacing an earlier one) after checking
    /// it is a fill-in workbook whose tasks are this plan's.
    /// </summary>
    public async Task<Outcome> ReceiveFillInAsync(Actor actor, int planId, string fileName, byte[] content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!actor.IsPlanningOffice)
        {
            return Refusals.NotPermitted;
        }

        if (content.Length == 0 || content.Length > ReceivedFillIn.MaxBytes)
        {
            return Outcome.Invalid($"文件为空或超过 {ReceivedFillIn.MaxBytes / 1024 / 1024} MB：请上传上级下发的进展填报表（.xlsx）。");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.PlanId == planId && t.Plan!.IsUpperPlan).ToListAsync(cancellationToken);
        if (tasks.Count == 0)
        {
            return NotAnUpperPlan;
        }

        var matched = UpwardFillIn.Match(content, tasks, cancellationToken);
        if (!matched.Succeeded)
        {
            return matched;
        }

        if (matched.Value.Matched.Count == 0)
        {
            return Outcome.Invalid("填报表中的任务与这个上级计划的任务一项也对不上：请确认上传的是这个计划的填报表。未保存。");
        }

        var received = await db.ReceivedFillIns.SingleOrDefaultAsync(r => r.PlanId == planId, cancellationToken);
        if (received is null)
        {
            received = new ReceivedFillIn { PlanId = planId };
            db.ReceivedFillIns.Add(received);
        }

        received.FileName = Path.GetFileName(fileName) is { Length: > 0 and <= 200 } name ? name : "上级填报表.xlsx";
        received.Content = content;
        received.ReceivedAtUtc = clock.GetUtcNow().UtcDateTime;
        received.ReceivedBy = actor.UserName;
        await db.SaveChangesAsync(cancellationToken);
        var unmatched = matched.Value.Unmatched;
        return Outcome.Ok($"已接收填报表，{matched.Value.Matched.Count} 项任务对应本计划。"
            + (unmatched.Count > 0 ? $"第 {string.Join("、", unmatched)} 行的任务在本计划中找不到，将留空上报。" : ""));
    }

    /// <summary>The received fill-in workbook with the upward report written into its input columns.</summary>
    public async Task<Outcome<UpwardFile>> FilledFillInAsync(Actor actor, int planId, CancellationToken cancellationToken = default)
    {
        var report = await ReportAsync(actor, planId, cancellationToken);
        if (!report.Succeeded)
        {
            return report.As<UpwardFile>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var received = await db.ReceivedFillIns.AsNoTracking().SingleOrDefaultAsync(r => r.PlanId == planId, cancellationToken);
        if (received is null)
        {
            return Outcome.NotFound("还没有接收上级下发的填报表：请先上传，或下载本系统格式的上报表。").As<UpwardFile>();
        }

        var filled = UpwardFillIn.Fill(received.Content, report.Value, cancellationToken);
        return filled.Succeeded ? Outcome.Ok(new UpwardFile(received.FileName, filled.Value)) : filled.As<UpwardFile>();
    }

    /// <summary>The upward report as it goes out: per upper task, the office's text (or the rolled-up one), status and percent.</summary>
    public async Task<Outcome<UpwardReport>> ReportAsync(Actor actor, int planId, CancellationToken cancellationToken = default)
    {
        var view = await GetAsync(actor, planId, cancellationToken);
        if (!view.Succeeded)
        {
            return view.As<UpwardReport>();
        }

        var v = view.Value;
        var today = WorkCalendar.DateOf(clock.GetUtcNow().UtcDateTime);
        return Outcome.Ok(new UpwardReport(
            v.Title, v.Year, today,
            v.Tasks.Select(t => new UpwardReportRow(t.Path, t.Title, t.DeadlineText ?? "", t.Progress.Status, t.Progress.Percent, t.ReportText, t.Progress.AllClosed)).ToList()));
    }

    private static List<AnsweringTask> AnsweringTasks(WorkTask upper, IReadOnlyList<WorkTask> linked)
    {
        var tasks = linked.Select(t => new AnsweringTask(t.Title, t.Assignments.Select(AnsweringAssignment.Of).ToList())).ToList();
        if (upper.Assignments.Count > 0)
        {
            tasks.Insert(0, new AnsweringTask(upper.Title, upper.Assignments.Select(AnsweringAssignment.Of).ToList()));
        }

        return tasks;
    }
}

public sealed record UpperPlanList(IReadOnlyList<UpperPlanSummary> UpperPlans, IReadOnlyList<PlanChoice> Drafts);

public sealed record UpperPlanSummary(int PlanId, string Title, int Year, int TaskCount, int AnsweredCount, bool HasReceivedFillIn);

public sealed record PlanChoice(int PlanId, string Title, int Year);

public sealed record UnitChoice(int Id, string Name);

public sealed record OwnTaskChoice(int TaskId, string Label);

public sealed record UpperPlanView(
    int PlanId, string Title, int Year, string? ReceivedFileName, DateTime? ReceivedAtUtc, IReadOnlyList<UpperTaskRow> Tasks,
    IReadOnlyList<OwnTaskChoice> OwnTasks, IReadOnlyList<UnitChoice> Units);

public sealed record UpperTaskRow(
    int TaskId, string Path, string Title, string? DeadlineText, IReadOnlyList<LinkedTask> Linked, IReadOnlyList<ProposedTask> Proposals,
    IReadOnlyList<string> DirectUnits, UpwardProgress Progress, string? EditedText)
{
    /// <summary>What goes up: the office's words when it wrote any, else the rolled-up progress.</summary>
    public string ReportText => EditedText ?? Progress.Text;
}

public sealed record LinkedTask(int TaskId, string PlanTitle, string Path, string Title);

public sealed record ProposedTask(int TaskId, string PlanTitle, string Path, string Title, string Reason);

public sealed record UpwardReport(string PlanTitle, int Year, DateOnly MadeOn, IReadOnlyList<UpwardReportRow> Rows);

public sealed record UpwardReportRow(string Path, string Title, string DeadlineText, string Status, int? Percent, string Text, bool AllClosed);

public sealed record UpwardFile(string FileName, byte[] Content);

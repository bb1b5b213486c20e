using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Data;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Features.Plans;

/// <summary>
/// The office sets how often units report (报送周期): once for the plan, and per task where a task needs its own.
/// Next report dates are computed from the cycle when read, so a change applies to existing assignments at once.
/// </summary>
public sealed class ReportingCycleService(IDbContextFactory<AppDbContext> dbFactory)
{
    public Task<Outcome> SetPlanCycleAsync(Actor actor, int planId, Guid planVersion, ReportingCycle cycle, CancellationToken cancellationToken = default) =>
        SetPlanCycleAsync(actor, planId, planVersion, () => cycle, cancellationToken);

    /// <summary>As the picker sends it: the day is checked here, so a day such as 31 comes back as the user's message.</summary>
    public Task<Outcome> SetPlanCycleAsync(Actor actor, int planId, Guid planVersion, ReportingCycleKind kind, int? day, CancellationToken cancellationToken = default) =>
        SetPlanCycleAsync(actor, planId, planVersion, () => ReportingCycle.From(kind, day ?? 0), cancellationToken);

    /// <summary>Gives the task its own cycle; null makes it follow the plan's again.</summary>
    public Task<Outcome> SetTaskCycleAsync(Actor actor, int taskId, Guid taskVersion, ReportingCycle? cycle, CancellationToken cancellationToken = default) =>
        SetTaskCycleAsync(actor, taskId, taskVersion, () => cycle, cancellationToken);

    /// <summary>As a task row sends it: a null kind makes the task follow the plan's cycle again.</summary>
    public Task<Outcome> SetTaskCycleAsync(Actor actor, int taskId, Guid taskVersion, ReportingCycleKind? kind, int? day, CancellationToken cancellationToken = default) =>
        SetTaskCycleAsync(actor, taskId, taskVersion, () => kind is { } k ? ReportingCycle.From(k, day ?? 0) : null, cancellationToken);

    private Task<Outcome> SetPlanCycleAsync(Actor actor, int planId, Guid version, Func<ReportingCycle> cycle, CancellationToken cancellationToken) =>
        actor.IsPlanningOffice
            ? dbFactory.ChangePlanAsync(
                planId, version, plan => plan.ReportingCycle = cycle(),
                plan => $"报送周期已设为“{plan.ReportingCycle.Describe()}”，未单独设置周期的任务均按此报送。", cancellationToken)
            : Task.FromResult(Refusals.NotPermitted);

    private async Task<Outcome> SetTaskCycleAsync(Actor actor, int taskId, Guid version, Func<ReportingCycle?> cycle, CancellationToken cancellationToken)
    {
        if (!actor.IsPlanningOffice)
        {
            return Refusals.NotPermitted;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var task = await db.Tasks.Include(t => t.Plan).SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken);
        if (task is null)
        {
            return Refusals.TaskGone;
        }

        if (task.Version != version)
        {
            return Refusals.ChangedMeanwhile;
        }

        try
        {
            task.ReportingCycleOverride = cycle();
        }
        catch (DomainRuleException e)
        {
            return Outcome.BrokenRule(e);
        }

        if (!await TrySaveAsync(db, cancellationToken))
        {
            return Refusals.ChangedMeanwhile;
        }

        return task.ReportingCycleOverride is { } own
            ? Outcome.Ok($"任务 {task.Path} 的报送周期已设为“{own.Describe()}”。")
            : Outcome.Ok($"任务 {task.Path} 改为按计划的报送周期（{task.Plan!.ReportingCycle.Describe()}）报送。");
    }

    private static async Task<bool> TrySaveAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }
}

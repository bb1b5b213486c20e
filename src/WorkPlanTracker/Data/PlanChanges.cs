using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Data;

/// <summary>
/// A change to a plan's own fields made on the version the office saw: refused when the plan moved on since (read here,
/// or saved by someone else between this read and the save), so nobody overwrites a colleague's change unseen.
/// </summary>
public static class PlanChanges
{
    /// <param name="change">The domain change; a <see cref="DomainRuleException"/> comes back as the user's message, nothing saved.</param>
    /// <param name="done">The message once saved, from the changed plan.</param>
    public static async Task<Outcome> ChangePlanAsync(
        this IDbContextFactory<AppDbContext> dbFactory, int planId, Guid version, Action<WorkPlan> change, Func<WorkPlan, string> done,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dbFactory);
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(done);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var plan = await db.Plans.SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return Refusals.PlanGone;
        }

        if (plan.Version != version)
        {
            return Refusals.PlanChangedMeanwhile;
        }

        try
        {
            change(plan);
        }
        catch (DomainRuleException e)
        {
            return Outcome.BrokenRule(e);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refusals.PlanChangedMeanwhile;
        }

        return Outcome.Ok(done(plan));
    }
}

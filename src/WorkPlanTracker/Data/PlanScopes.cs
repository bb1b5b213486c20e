using System.Linq.Expressions;
using WorkPlanTracker.Domain;

namespace WorkPlanTracker.Data;

/// <summary>
/// The plan rules of <see cref="WorkPlan.LiveWork"/> and <see cref="WorkPlan.OnRecord"/> applied to the rows under a
/// plan, as expressions EF translates to SQL: the rule is written once, in the domain, not repeated per query.
/// </summary>
public static class PlanScopes
{
    /// <summary>Assignments of plans whose work is live (reminders, notices).</summary>
    public static IQueryable<TaskAssignment> OfLiveWork(this IQueryable<TaskAssignment> assignments) =>
        assignments.Where(Through((TaskAssignment a) => a.WorkTask!.Plan!, WorkPlan.LiveWork));

    /// <summary>Assignments of plans on record (dashboards, year-over-year).</summary>
    public static IQueryable<TaskAssignment> OnRecord(this IQueryable<TaskAssignment> assignments) =>
        assignments.Where(Through((TaskAssignment a) => a.WorkTask!.Plan!, WorkPlan.OnRecord));

    public static IQueryable<ProgressReport> OnRecord(this IQueryable<ProgressReport> reports) =>
        reports.Where(Through((ProgressReport r) => r.Assignment!.WorkTask!.Plan!, WorkPlan.OnRecord));

    public static IQueryable<PlanSection> OnRecord(this IQueryable<PlanSection> sections) =>
        sections.Where(Through((PlanSection s) => s.Plan!, WorkPlan.OnRecord));

    public static IQueryable<WorkPlan> OnRecord(this IQueryable<WorkPlan> plans) => plans.Where(WorkPlan.OnRecord);

    public static IQueryable<WorkTask> OnRecord(this IQueryable<WorkTask> tasks) => tasks.Where(WorkTask.OnRecord);

    /// <summary><paramref name="rule"/> asked of the plan that <paramref name="path"/> reaches from a row.</summary>
    private static Expression<Func<T, bool>> Through<T>(Expression<Func<T, WorkPlan>> path, Expression<Func<WorkPlan, bool>> rule)
    {
        var body = new Substitution(rule.Parameters[0], path.Body).Visit(rule.Body);
        return Expression.Lambda<Func<T, bool>>(body, path.Parameters);
    }

    private sealed class Substitution(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : node;
    }
}

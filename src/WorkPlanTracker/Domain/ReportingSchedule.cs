namespace WorkPlanTracker.Domain;

/// <summary>Which reporting cycle applies to a task, and when its assignments report next.</summary>
public static class ReportingSchedule
{
    /// <summary>The task's own cycle when the office set one, otherwise the plan's (a task override of 不定期 counts as set).</summary>
    public static ReportingCycle EffectiveCycle(WorkTask task, WorkPlan plan)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(plan);
        return task.ReportingCycleOverride ?? plan.ReportingCycle;
    }

    /// <summary>
    /// The assignment's next report due date under its task's effective cycle; null when closed, under completion
    /// review or the cycle has no further date. Needs the assignment's Task, Task.Plan and Reports loaded.
    /// </summary>
    public static DateOnly? NextReportDue(TaskAssignment assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        var task = assignment.WorkTask ?? throw new InvalidOperationException("Load TaskAssignment.WorkTask before asking for the next report date.");
        var plan = task.Plan ?? throw new InvalidOperationException("Load WorkTask.Plan before asking for the next report date.");
        return assignment.NextReportDue(EffectiveCycle(task, plan), task.MilestoneDates);
    }
}

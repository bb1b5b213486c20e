namespace WorkPlanTracker.Shared;

/// <summary>The refusals several services give in the same words.</summary>
public static class Refusals
{
    /// <summary>Also for an assignment the user may not see, so a guessed id does not tell that it exists.</summary>
    public static Outcome TaskNotFound { get; } = Outcome.NotFound("找不到这项任务，或您无权查看。");

    public static Outcome TaskGone { get; } = Outcome.NotFound("找不到这项任务，可能已被删除。");

    public static Outcome PlanGone { get; } = Outcome.NotFound("找不到这个计划，可能已被删除。");

    public static Outcome NotPermitted { get; } = Outcome.Forbidden("您没有权限进行这项操作。");

    public static Outcome ChangedMeanwhile { get; } = Outcome.Conflict("这项任务刚被其他人处理过，请刷新页面后再操作。");

    public static Outcome PlanChangedMeanwhile { get; } = Outcome.Conflict("这个计划刚被其他人修改过，请刷新页面后再操作。");
}

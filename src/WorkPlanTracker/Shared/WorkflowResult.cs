namespace WorkPlanTracker.Shared;

/// <summary>The outcome of a workflow action, in words the user reads: nothing changes when it failed.</summary>
public sealed record WorkflowResult(bool Succeeded, string Message)
{
    public static WorkflowResult Ok(string message) => new(true, message);

    public static WorkflowResult Fail(string message) => new(false, message);

    public static WorkflowResult NotFound { get; } = Fail("找不到这项任务，或您无权查看。");

    public static WorkflowResult Forbidden { get; } = Fail("您没有权限进行这项操作。");

    public static WorkflowResult Conflict { get; } = Fail("这项任务刚被其他人处理过，请刷新页面后再操作。");
}

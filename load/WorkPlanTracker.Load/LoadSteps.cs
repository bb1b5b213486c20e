namespace WorkPlanTracker.Load;

/// <summary>The steps the run times, in the order of the report.</summary>
public sealed class LoadSteps
{
    public StepTimings SignIn { get; } = new("登录 sign-in (form post, PBKDF2)");
    public StepTimings MyTasks { get; } = new("我的任务 page (prerendered GET)");
    public StepTimings AssignmentPage { get; } = new("assignment page (prerendered GET)");
    public StepTimings CircuitStart { get; } = new("circuit start → first render");
    public StepTimings ApiRead { get; } = new("API read assignment (GET)");
    public StepTimings Report { get; } = new("报送进展 report submission (API POST)");

    public IEnumerable<StepTimings> All => [SignIn, MyTasks, AssignmentPage, CircuitStart, ApiRead, Report];
}

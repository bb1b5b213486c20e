namespace WorkPlanTracker.Domain;

/// <summary>
/// An upper plan's task (上级计划任务) answered by one of this office's own tasks: the upward report rolls up the
/// own task's progress. One upper task may have many own tasks and one own task may answer several upper tasks.
/// </summary>
public sealed class UpperTaskLink
{
    public int Id { get; set; }

    public int UpperTaskId { get; set; }

    public WorkTask? UpperTask { get; set; }

    public int OwnTaskId { get; set; }

    public WorkTask? OwnTask { get; set; }

    public DateTime LinkedAtUtc { get; set; }

    /// <summary>Login name of the office user who confirmed the link.</summary>
    public string LinkedBy { get; set; } = "";
}

/// <summary>
/// The upper office's fill-in workbook (进展填报表) for this office, as received: the upward report is written into
/// its input columns, so it goes back up in the upper office's own format. The latest one per upper plan is kept.
/// </summary>
public sealed class ReceivedFillIn
{
    public const int MaxBytes = 10 * 1024 * 1024;

    public int Id { get; set; }

    public int PlanId { get; set; }

    public WorkPlan? Plan { get; set; }

    public string FileName { get; set; } = "";

    public byte[] Content { get; set; } = [];

    public DateTime ReceivedAtUtc { get; set; }

    public string ReceivedBy { get; set; } = "";
}

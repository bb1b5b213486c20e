using WorkPlanTracker.Domain;

namespace WorkPlanTracker.Features.Import;

/// <summary>
/// 延续关系: the import review's proposal that a task of the plan continues a task of last year's plan (found by
/// <see cref="TaskContinuity"/>). Saving links the tasks the office confirmed; a proposal left undecided is not linked,
/// except between two 持续推进 tasks, which starts confirmed: ongoing work continues without a hand choice.
/// </summary>
public sealed class ContinuityProposal(ParsedTask task, PreviousYearTask previous, double score)
{
    public ParsedTask Task { get; } = task;

    public PreviousYearTask Previous { get; } = previous;

    /// <summary>0..1, shown as a percentage.</summary>
    public double Score { get; } = score;

    public ContinuityDecision Decision { get; set; } = task.Ongoing && previous.Ongoing ? ContinuityDecision.Confirmed : ContinuityDecision.Undecided;

    public bool Links => Decision == ContinuityDecision.Confirmed;
}

/// <summary>A task of last year's plans as the import review names it.</summary>
public sealed record PreviousYearTask(int TaskId, int Year, string PlanTitle, string Path, string Title, string Text, bool Ongoing, IReadOnlyList<string> LeadUnits);

public enum ContinuityDecision
{
    Undecided,
    Confirmed,
    Rejected,
}

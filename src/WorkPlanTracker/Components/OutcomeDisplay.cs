using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Components;

/// <summary>
/// The one translation of an <see cref="Outcome"/> into what a page shows (<see cref="OutcomeAlert"/>). Every refusal
/// reads the same to the user (red, with the service's message saying what to do); the kinds matter to the API.
/// </summary>
public static class OutcomeDisplay
{
    public static string AlertClass(Outcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Kind switch
        {
            OutcomeKind.Ok => "alert-success",
            OutcomeKind.NotFound or OutcomeKind.Forbidden or OutcomeKind.Conflict or OutcomeKind.Invalid => "alert-danger",
            _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome.Kind, null),
        };
    }
}

using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Features.Ledger;

/// <summary>
/// Who may have which ledger: one rule for the server (<see cref="LedgerService"/>) and for the buttons, so a button
/// is shown exactly when its download would be served.
/// </summary>
public static class LedgerAccess
{
    /// <summary>A plan's or a year's whole 工作台账 (every unit): the office and leaders.</summary>
    public static bool MayHaveWholeLedger(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.IsPlanningOffice || actor.IsLeadership;
    }

    /// <summary>A unit's 台账: the office, leaders, and that unit's own users.</summary>
    public static bool MayHaveUnitLedger(Actor actor, int unitId)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return MayHaveWholeLedger(actor) || (actor.IsUnitUser && actor.UnitIds.Contains(unitId));
    }

    /// <summary>A unit's 进展填报表: the office and that unit's own users (leaders read, they do not fill in).</summary>
    public static bool MayHaveFillIn(Actor actor, int unitId)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.IsPlanningOffice || (actor.IsUnitUser && actor.UnitIds.Contains(unitId));
    }
}

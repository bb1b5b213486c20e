namespace WorkPlanTracker.Domain;

/// <summary>
/// Something two people may edit at once. The version changes on every save; an edit that carries an older
/// version is refused as a conflict instead of silently overwriting the other person's change.
/// </summary>
public interface IVersioned
{
    Guid Version { get; }

    /// <summary>Gives the entity a new version: its row changed, or something under it that an editor must see first.</summary>
    void MarkChanged();
}

namespace WorkPlanTracker.Shared;

/// <summary>
/// Makes the database ready (data folder, migrations, sample plans) before a CLI verb writes to it. The verbs ask for
/// it here rather than reaching into the host's registration, and decide themselves whether they need it: a dry run
/// leaves no database behind.
/// </summary>
public interface IDatabasePreparation
{
    Task PrepareAsync(CancellationToken cancellationToken = default);
}

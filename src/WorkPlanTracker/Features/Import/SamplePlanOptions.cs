namespace WorkPlanTracker.Features.Import;

/// <summary>The sample plans imported into an empty database, so a new installation has something to show.</summary>
public sealed class SamplePlanOptions
{
    public const string Section = "SamplePlans";

    public bool ImportOnEmptyDatabase { get; set; } = true;

    /// <summary>Folder of sample documents; relative paths are taken from the app's own folder, where the build copies seeds/.</summary>
    public string Directory { get; set; } = "seeds";

    public string FullDirectory => Path.IsPathRooted(Directory) ? Directory : Path.Combine(AppContext.BaseDirectory, Directory);
}

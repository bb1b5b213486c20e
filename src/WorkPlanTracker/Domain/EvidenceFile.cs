namespace WorkPlanTracker.Domain;

/// <summary>
/// 佐证材料: one file a unit uploaded with a progress report. The bytes live on disk under the data folder
/// (never under wwwroot) by <see cref="StoredName"/>, a random name, so what a user called the file never
/// becomes a path on the server.
/// </summary>
public class EvidenceFile : IAudited
{
    public const int MaxFileNameLength = 200;

    public int Id { get; set; }
    public int ReportId { get; set; }
    public ProgressReport? Report { get; set; }

    /// <summary>The name the unit gave the file, without any folder part; shown and offered on download.</summary>
    public string FileName { get; set; } = "";

    /// <summary>Decided by the server from the checked file type, not taken from the browser.</summary>
    public string ContentType { get; set; } = "";
    public long SizeBytes { get; set; }
    public string StoredName { get; set; } = "";
    public DateTime UploadedAtUtc { get; set; }
}

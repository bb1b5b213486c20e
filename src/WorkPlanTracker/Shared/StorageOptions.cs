using System.ComponentModel.DataAnnotations;

namespace WorkPlanTracker.Shared;

/// <summary>Where the embedded database and uploaded files live (<c>--data-dir</c>, default ./data).</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    [Required(AllowEmptyStrings = false, ErrorMessage = "Storage:DataDirectory 不能为空")]
    public string DataDirectory { get; set; } = "data";

    /// <summary>Full connection string; when empty, a SQLite file in <see cref="DataDirectory"/> is used.</summary>
    public string? ConnectionString { get; set; }

    public string FullDataDirectory => Path.GetFullPath(DataDirectory);

    public string DatabaseFile => Path.Combine(FullDataDirectory, "workplantracker.db");

    public string SqliteConnectionString => string.IsNullOrWhiteSpace(ConnectionString)
        ? $"Data Source={DatabaseFile}"
        : ConnectionString;
}

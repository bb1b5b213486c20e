using System.ComponentModel.DataAnnotations;

namespace WorkPlanTracker.Shared;

/// <summary>The database engine behind the app; SQLite needs nothing installed, PostgreSQL lets several instances share one database.</summary>
public enum StorageProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>Where the database and uploaded files live (<c>--data-dir</c>, default ./data; <c>Storage:Provider</c>).</summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string Section = "Storage";

    [Required(AllowEmptyStrings = false, ErrorMessage = "Storage:DataDirectory 不能为空")]
    public string DataDirectory { get; set; } = "data";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>
    /// Full connection string. SQLite: optional (default a file in <see cref="DataDirectory"/>); PostgreSQL: required.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>The evidence folder; empty means <c>{DataDirectory}/evidence</c>. With several instances, a folder they all mount.</summary>
    public string? EvidenceDirectory { get; set; }

    /// <summary>
    /// Names this installation for its sign-in cookies and form tokens on PostgreSQL (every instance of one installation
    /// gives the same); empty means the database's name. On SQLite a random id in the data folder is used instead.
    /// </summary>
    public string? InstallationName { get; set; }

    public bool IsPostgreSql => Provider == StorageProvider.PostgreSql;

    public string FullDataDirectory => Path.GetFullPath(DataDirectory);

    public string DatabaseFile => Path.Combine(FullDataDirectory, "workplantracker.db");

    public string FullEvidenceDirectory => string.IsNullOrWhiteSpace(EvidenceDirectory)
        ? Path.Combine(FullDataDirectory, "evidence")
        : Path.GetFullPath(EvidenceDirectory);

    public string SqliteConnectionString => string.IsNullOrWhiteSpace(ConnectionString)
        ? $"Data Source={DatabaseFile}"
        : ConnectionString;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (IsPostgreSql && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult(
                "Storage:Provider 为 PostgreSql 时必须配置 Storage:ConnectionString（例如 Host=127.0.0.1;Database=wpt;Username=wpt;Password=…）",
                [nameof(ConnectionString)]);
        }
        else if (IsPostgreSql && PostgreSqlConnectionError(ConnectionString!) is { } error)
        {
            yield return new ValidationResult(error, [nameof(ConnectionString)]);
        }

        // Several instances on PostgreSQL each have their own data folder: evidence kept there would be seen by one only.
        if (IsPostgreSql && string.IsNullOrWhiteSpace(EvidenceDirectory))
        {
            yield return new ValidationResult(
                "Storage:Provider 为 PostgreSql 时须配置各实例共享的佐证材料目录 Storage:EvidenceDirectory（如挂载的网络目录；单实例也可指向数据目录下的 evidence）",
                [nameof(EvidenceDirectory)]);
        }
    }

    private static string? PostgreSqlConnectionError(string connectionString)
    {
        try
        {
            var parsed = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
            return string.IsNullOrWhiteSpace(parsed.Database) ? "Storage:ConnectionString 缺少数据库名（Database=…）" : null;
        }
        catch (ArgumentException e)
        {
            return $"Storage:ConnectionString 无法识别：{e.Message}";
        }
    }
}

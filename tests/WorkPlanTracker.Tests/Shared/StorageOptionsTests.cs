using System.ComponentModel.DataAnnotations;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Tests.Shared;

public class StorageOptionsTests
{
    private static List<string> Problems(StorageOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return [.. results.Select(r => r.ErrorMessage!)];
    }

    [Fact]
    public void Sqlite_is_the_default_and_needs_nothing_configured()
    {
        var options = new StorageOptions();

        Assert.Equal(StorageProvider.Sqlite, options.Provider);
        Assert.Empty(Problems(options));
        Assert.Equal(Path.Combine(options.FullDataDirectory, "evidence"), options.FullEvidenceDirectory);
    }

    [Fact]
    public void Postgresql_without_a_connection_string_is_refused_with_what_to_set()
    {
        var problems = Problems(new StorageOptions { Provider = StorageProvider.PostgreSql, EvidenceDirectory = "/srv/evidence" });

        Assert.Contains(problems, p => p.Contains("Storage:ConnectionString", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Username=wpt", "缺少数据库名")]
    [InlineData("Host=127.0.0.1;Nonsense=1;Database=wpt", "无法识别")]
    public void A_postgresql_connection_string_without_a_database_or_not_understood_is_refused(string connectionString, string expected)
    {
        var problems = Problems(new StorageOptions { Provider = StorageProvider.PostgreSql, ConnectionString = connectionString, EvidenceDirectory = "/srv/evidence" });

        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Postgresql_refuses_evidence_on_one_instance_s_own_data_folder()
    {
        var options = new StorageOptions { Provider = StorageProvider.PostgreSql, ConnectionString = "Host=127.0.0.1;Database=wpt" };

        Assert.Contains(Problems(options), p => p.Contains("Storage:EvidenceDirectory", StringComparison.Ordinal));
        options.EvidenceDirectory = "/srv/shared/evidence";
        Assert.Empty(Problems(options));
        Assert.Equal("/srv/shared/evidence", options.FullEvidenceDirectory);
    }
}

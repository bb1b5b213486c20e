using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using WorkPlanTracker.Data;

namespace WorkPlanTracker.Tests.Data;

/// <summary>Changes to the entities (e.g. making a setter private) leave the schema alone unless a migration says otherwise.</summary>
public class ModelMatchesMigrationsTests
{
    [Fact]
    public void The_model_is_the_one_the_last_migration_built()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>().UseSqlite("Data Source=:memory:").Options;
        using var db = new AppDbContext(options);

        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void The_postgresql_model_is_the_one_its_own_last_migration_built_and_its_migrations_are_its_own()
    {
        using var postgres = new PostgreSqlAppDbContext(new DbContextOptionsBuilder<AppDbContext>().UsePostgreSql("Host=127.0.0.1;Database=unused").Options);
        using var sqlite = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseAppSqlite("Data Source=:memory:").Options);

        Assert.False(postgres.Database.HasPendingModelChanges());
        Assert.NotEmpty(postgres.Database.GetMigrations());
        Assert.Empty(postgres.Database.GetMigrations().Intersect(sqlite.Database.GetMigrations()));
    }

    [Fact]
    public void On_postgresql_times_keep_no_zone_and_text_compares_by_code_point_as_on_sqlite()
    {
        using var postgres = new PostgreSqlAppDbContext(new DbContextOptionsBuilder<AppDbContext>().UsePostgreSql("Host=127.0.0.1;Database=unused").Options);
        // Column types and collations are kept in the design-time model only.
        var model = postgres.GetService<Microsoft.EntityFrameworkCore.Metadata.IDesignTimeModel>().Model;
        var reported = model.FindEntityType(typeof(WorkPlanTracker.Domain.ProgressReport))!.FindProperty(nameof(WorkPlanTracker.Domain.ProgressReport.ReportedAtUtc))!;
        var unitName = model.FindEntityType(typeof(WorkPlanTracker.Domain.OrgUnit))!.FindProperty(nameof(WorkPlanTracker.Domain.OrgUnit.Name))!;

        Assert.Equal("timestamp without time zone", reported.GetColumnType());
        var stored = (DateTime)reported.GetTypeMapping().Converter!.ConvertToProvider(new DateTime(2024, 6, 3, 1, 2, 3, DateTimeKind.Utc))!;
        Assert.Equal(DateTimeKind.Unspecified, stored.Kind);
        Assert.Equal(PostgreSqlAppDbContext.BinaryCollation, unitName.GetCollation());
    }
}

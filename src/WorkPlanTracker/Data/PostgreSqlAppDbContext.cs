using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace WorkPlanTracker.Data;

/// <summary>
/// The app's context on PostgreSQL. A type of its own so its migrations (Data/Migrations/PostgreSql) are kept apart from
/// SQLite's; it also holds the data-protection keys every instance of an installation shares. Its conventions make
/// PostgreSQL behave as SQLite does for the app: times stored and read back as they were written (no time zone), text
/// compared and ordered by code point (collation "C", SQLite's BINARY).
/// </summary>
public sealed class PostgreSqlAppDbContext(DbContextOptions<AppDbContext> options) : AppDbContext(options), IDataProtectionKeyContext
{
    public const string BinaryCollation = "C";

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // The app's times are UTC by convention (…Utc names) with whatever Kind the code made them; Npgsql refuses a
        // non-UTC Kind for timestamptz. Stored without a zone and read back Unspecified, exactly like SQLite's text.
        configurationBuilder.Properties<DateTime>()
            .HaveColumnType("timestamp without time zone")
            .HaveConversion<UnspecifiedKindConverter>();
        configurationBuilder.Properties<string>().UseCollation(BinaryCollation);
    }

    private sealed class UnspecifiedKindConverter() : ValueConverter<DateTime, DateTime>(
        v => DateTime.SpecifyKind(v, DateTimeKind.Unspecified),
        v => DateTime.SpecifyKind(v, DateTimeKind.Unspecified));
}

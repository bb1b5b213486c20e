using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Data;

/// <summary>Points the app's context at the configured engine (<c>Storage:Provider</c>): the one place that knows both.</summary>
public static class DatabaseProvider
{
    public static TBuilder UseConfiguredProvider<TBuilder>(this TBuilder options, StorageOptions storage)
        where TBuilder : DbContextOptionsBuilder =>
        storage.IsPostgreSql ? options.UsePostgreSql(storage.ConnectionString!) : options.UseAppSqlite(storage.SqliteConnectionString);

    public static TBuilder UseAppSqlite<TBuilder>(this TBuilder options, string connectionString)
        where TBuilder : DbContextOptionsBuilder =>
        (TBuilder)options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(AppDbContext).Assembly.FullName))
            // SQLite rebuilds a table to change a column, which needs foreign keys off outside the transaction; EF
            // warns about that on every first start, in words a user of the app cannot act on.
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.NonTransactionalMigrationOperationWarning));

    public static TBuilder UsePostgreSql<TBuilder>(this TBuilder options, string connectionString)
        where TBuilder : DbContextOptionsBuilder =>
        (TBuilder)options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(typeof(AppDbContext).Assembly.FullName));
}

/// <summary>Makes <see cref="AppDbContext"/> or, on PostgreSQL, <see cref="PostgreSqlAppDbContext"/>.</summary>
public sealed class AppDbContextFactory(DbContextOptions<AppDbContext> options, IOptions<StorageOptions> storage) : IDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext() => storage.Value.IsPostgreSql ? new PostgreSqlAppDbContext(options) : new AppDbContext(options);
}

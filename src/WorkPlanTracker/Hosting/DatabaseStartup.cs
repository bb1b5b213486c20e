using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Options;
using WorkPlanTracker.Data;
using WorkPlanTracker.Features.Import;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Hosting;

/// <summary>Makes the database ready before anything uses it: creates the data folder, applies migrations, fills an empty database with the sample plans.</summary>
public sealed class DatabaseStartup(
    IDbContextFactory<AppDbContext> dbFactory,
    IOptions<StorageOptions> storage,
    SamplePlanSeeder seeder) : IDatabasePreparation
{
    public async Task PrepareAsync(CancellationToken cancellationToken = default)
    {
        PrivateStorage.CreateFolder(storage.Value.FullDataDirectory);
        var databaseFile = storage.Value.DatabaseFile;
        var ownFile = !storage.Value.IsPostgreSql && string.IsNullOrWhiteSpace(storage.Value.ConnectionString);
        if (ownFile && !File.Exists(databaseFile))
        {
            // An empty file is an empty SQLite database; made here so it is private before it holds any password hash.
            await PrivateStorage.CreateFile(databaseFile).DisposeAsync();
        }

        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (db.Database.IsNpgsql())
            {
                // Npgsql tells whether the history exists by reading it, which logs an error on every first start.
                await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), cancellationToken);
            }

            await SquashedMigrations.AdoptAsync(db, cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);

            // Write-ahead logging: readers (every page) no longer hold up a writer, and the reminder sweep's
            // side-by-side sends stop failing with "database is locked". Kept in the file once set.
            if (db.Database.IsSqlite())
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
        }

        if (!storage.Value.IsPostgreSql)
        {
            // Also an older installation's file, made before this rule.
            PrivateStorage.Protect(databaseFile);
        }

        await seeder.SeedIfEmptyAsync(cancellationToken);
    }
}

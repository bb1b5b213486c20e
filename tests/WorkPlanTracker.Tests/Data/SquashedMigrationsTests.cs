using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Data;

namespace WorkPlanTracker.Tests.Data;

/// <summary>
/// A database made before the migrations were squashed (Fixtures/before-squash.sqlite: made by the app of
/// 2 December 2026 with its twelve migrations and the sample plans) opens with the one initial migration.
/// </summary>
public sealed class SquashedMigrationsTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("squash-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private AppDbContext Open(string file) =>
        new(new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={file};Pooling=False").Options);

    private string OldDatabase()
    {
        var file = Path.Combine(folder, "old.db");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Data", "Fixtures", "before-squash.sqlite"), file);
        return file;
    }

    [Fact]
    public async Task A_database_made_before_the_squash_keeps_its_data_and_takes_the_one_initial_migration()
    {
        var file = OldDatabase();
        await using var db = Open(file);

        await SquashedMigrations.AdoptAsync(db);
        await db.Database.MigrateAsync();

        // The initial migration stands for the old twelve; the ones made since run on top of it.
        var migrations = db.Database.GetMigrations().ToList();
        Assert.EndsWith("_InitialSchema", migrations[0], StringComparison.Ordinal);
        Assert.Equal(migrations, await db.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(4, await db.Plans.CountAsync());
        var unit = await db.Units.FirstAsync();
        unit.Name += "（改）";
        Assert.Equal(1, await db.SaveChangesAsync());
    }

    [Fact]
    public async Task Without_the_rewrite_the_old_database_would_not_open()
    {
        var file = OldDatabase();
        await using var db = Open(file);

        await Assert.ThrowsAsync<SqliteException>(() => db.Database.MigrateAsync());
    }

    [Fact]
    public async Task An_older_trial_database_is_refused_with_what_to_do()
    {
        var file = OldDatabase();
        await using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = '{SquashedMigrations.LastBeforeSquash}'";
            await command.ExecuteNonQueryAsync();
        }

        await using var db = Open(file);
        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => SquashedMigrations.AdoptAsync(db));

        Assert.Contains("无法直接升级", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("20261202150825_PlanSourceTableSplit", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_database_is_made_from_the_initial_migration_on()
    {
        await using var db = Open(Path.Combine(folder, "new.db"));

        await SquashedMigrations.AdoptAsync(db);
        await db.Database.MigrateAsync();

        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.DoesNotContain(SquashedMigrations.LastBeforeSquash, await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(0, await db.Plans.CountAsync());
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WorkPlanTracker.Data;
using WorkPlanTracker.Features.Import;

namespace WorkPlanTracker.Hosting;

/// <summary>Makes the database ready before anything uses it: creates the data folder, applies migrations, fills an empty database with the sample plans.</summary>
public sealed class DatabaseStartup(
    IDbContextFactory<AppDbContext> dbFactory,
    IOptions<StorageOptions> storage,
    SamplePlanSeeder seeder)
{
    public async Task PrepareAsync(CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(storage.Value.FullDataDirectory);
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        await seeder.SeedIfEmptyAsync(cancellationToken);
    }
}

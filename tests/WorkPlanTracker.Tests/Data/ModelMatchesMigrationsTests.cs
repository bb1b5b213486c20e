using Microsoft.EntityFrameworkCore;
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
}

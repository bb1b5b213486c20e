using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace WorkPlanTracker.Data;

/// <summary>Lets <c>dotnet ef migrations add --context AppDbContext</c> build the model without starting the app (whose entry point also runs CLI verbs).</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AppDbContext>().UseAppSqlite("Data Source=design-time.db").Options);
}

/// <summary>The same for <c>--context PostgreSqlAppDbContext</c>; adding a migration does not connect.</summary>
internal sealed class PostgreSqlDesignTimeDbContextFactory : IDesignTimeDbContextFactory<PostgreSqlAppDbContext>
{
    public PostgreSqlAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AppDbContext>().UsePostgreSql("Host=127.0.0.1;Database=workplantracker_design").Options);
}

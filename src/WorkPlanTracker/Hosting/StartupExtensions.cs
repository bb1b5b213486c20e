namespace WorkPlanTracker.Hosting;

public static class StartupExtensions
{
    /// <summary>Migrates and seeds before the server takes requests, so no page ever sees a half-made database.</summary>
    public static async Task PrepareDatabaseAsync(this IHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseStartup>().PrepareAsync();
        await scope.ServiceProvider.GetRequiredService<Features.Accounts.AccountSeeder>().SeedAsync();
    }
}

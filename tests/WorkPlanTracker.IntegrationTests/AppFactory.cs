using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkPlanTracker.Data;

namespace WorkPlanTracker.IntegrationTests;

/// <summary>The real app over a real SQLite file in its own data folder (never shared between factories unless asked).</summary>
public class AppFactory : WebApplicationFactory<Program>
{
    private readonly bool ownsDirectory;

    public AppFactory()
        : this(Path.Combine(Path.GetTempPath(), "wpt-it", Guid.NewGuid().ToString("N")), ownsDirectory: true)
    {
    }

    internal AppFactory(string dataDirectory, bool ownsDirectory = false)
    {
        DataDirectory = dataDirectory;
        this.ownsDirectory = ownsDirectory;
    }

    public string DataDirectory { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Storage:DataDirectory", DataDirectory);
    }

    public AppDbContext NewDbContext() => Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && ownsDirectory)
        {
            DeleteDirectory(DataDirectory);
        }
    }

    public static void DeleteDirectory(string directory)
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; it must not hide the real result of a test.
        }
    }
}

using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WorkPlanTracker.Data;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Hosting;

/// <summary>
/// Each installation signs its cookies and forms with its own keys, kept in its data folder (<c>keys/</c>), under an
/// application name made from a random id stored there too (<c>installation-id</c>). A cookie from another
/// installation, even one started from the same program folder, is then worthless here.
/// On PostgreSQL the keys live in the database (every instance of the installation shares them) and the application
/// name is <c>Storage:InstallationName</c>, by default the database's name: a cookie or form token made by one instance
/// is good on the others, and on no other installation (another database holds other keys).
/// </summary>
public static class KeyRingServices
{
    public const string KeyFolderName = "keys";
    public const string InstallationIdFileName = "installation-id";

    public static WebApplicationBuilder AddInstallationKeyRing(this WebApplicationBuilder builder)
    {
        builder.Services.AddDataProtection();
        // Read from the options, not at registration, so the data folder given on the command line or by tests counts.
        builder.Services.AddOptions<KeyManagementOptions>()
            .Configure<IOptions<StorageOptions>, ILoggerFactory, IServiceProvider>((keys, storage, logging, services) =>
            {
                if (storage.Value.IsPostgreSql)
                {
                    keys.XmlRepository = new EntityFrameworkCoreXmlRepository<PostgreSqlAppDbContext>(services, logging);
                    return;
                }

                var folder = Path.Combine(storage.Value.FullDataDirectory, KeyFolderName);
                PrivateStorage.CreateFolder(folder);
                keys.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(folder), logging);
            });
        builder.Services.AddOptions<DataProtectionOptions>()
            .Configure<IOptions<StorageOptions>>((protection, storage) =>
                protection.ApplicationDiscriminator = "WorkPlanTracker/" + (storage.Value.IsPostgreSql ? SharedInstallationName(storage.Value) : InstallationId(storage.Value)));
        // The key store asks for the context by its type, in a scope of its own.
        builder.Services.AddScoped(services => (PostgreSqlAppDbContext)services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext());
        return builder;
    }

    /// <summary>The name every instance on one PostgreSQL database gives: configured, or the database's own name.</summary>
    public static string SharedInstallationName(StorageOptions storage) =>
        string.IsNullOrWhiteSpace(storage.InstallationName)
            ? "pg/" + new Npgsql.NpgsqlConnectionStringBuilder(storage.ConnectionString).Database
            : storage.InstallationName.Trim();

    /// <summary>This installation's id, made on first use.</summary>
    public static string InstallationId(StorageOptions storage)
    {
        PrivateStorage.CreateFolder(storage.FullDataDirectory);
        var file = Path.Combine(storage.FullDataDirectory, InstallationIdFileName);
        if (File.Exists(file) && File.ReadAllText(file).Trim() is { Length: > 0 } existing)
        {
            return existing;
        }

        var id = Guid.NewGuid().ToString("N");
        try
        {
            using var stream = PrivateStorage.CreateFile(file);
            using var writer = new StreamWriter(stream);
            writer.Write(id);
            return id;
        }
        catch (IOException) when (File.Exists(file))
        {
            // Another start wrote it first: that one counts.
            return File.ReadAllText(file).Trim();
        }
    }
}

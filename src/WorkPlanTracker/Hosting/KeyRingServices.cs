using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Hosting;

/// <summary>
/// Each installation signs its cookies and forms with its own keys, kept in its data folder (<c>keys/</c>), under an
/// application name made from a random id stored there too (<c>installation-id</c>). A cookie from another
/// installation, even one started from the same program folder, is then worthless here.
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
            .Configure<IOptions<StorageOptions>, ILoggerFactory>((keys, storage, logging) =>
            {
                var folder = Path.Combine(storage.Value.FullDataDirectory, KeyFolderName);
                PrivateStorage.CreateFolder(folder);
                keys.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(folder), logging);
            });
        builder.Services.AddOptions<DataProtectionOptions>()
            .Configure<IOptions<StorageOptions>>((protection, storage) =>
                protection.ApplicationDiscriminator = "WorkPlanTracker/" + InstallationId(storage.Value));
        return builder;
    }

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

using WorkPlanTracker.Hosting;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.IntegrationTests.Hosting;

/// <summary>The data folder (password hashes, keys, evidence) is the app account's alone on Unix, so another login on the server cannot read it.</summary>
public class PrivateStorageTests
{
    [SqliteOnlyFact("the database file and the key files are in the data folder only on SQLite")]
    public async Task The_data_folder_is_700_and_the_database_keys_and_installation_id_are_private()
    {
        using var app = new AppFactory();
        await (await app.SignedInClientAsync("admin", AppFactory.AdminPassword)).GetAsync("/");
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        Assert.Equal(PrivateStorage.FolderMode, File.GetUnixFileMode(app.DataDirectory));
        Assert.Equal(PrivateStorage.FileMode, File.GetUnixFileMode(Path.Combine(app.DataDirectory, "workplantracker.db")));
        Assert.Equal(PrivateStorage.FolderMode, File.GetUnixFileMode(Path.Combine(app.DataDirectory, KeyRingServices.KeyFolderName)));
        Assert.Equal(PrivateStorage.FileMode, File.GetUnixFileMode(Path.Combine(app.DataDirectory, KeyRingServices.InstallationIdFileName)));
        foreach (var file in Directory.GetFiles(app.DataDirectory, "workplantracker.db*"))
        {
            Assert.Equal(UnixFileMode.None, File.GetUnixFileMode(file) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead));
        }
    }
}

using Microsoft.Extensions.Options;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Features.Uploads;

/// <summary>
/// Where a circuit keeps files a user has chosen but not yet sent: on disk under the data folder
/// (<c>uploads-tmp/{random}/</c>), not in memory, so twenty MB of evidence in an open tab costs no server memory.
/// Scoped: the folder is deleted when the circuit ends (the tab is closed or the connection dropped), and folders
/// left behind by a stopped server are removed the next day.
/// </summary>
public sealed class UploadScratchSpace(IOptions<StorageOptions> storage, TimeProvider clock) : IDisposable
{
    private static readonly TimeSpan LeftoverAge = TimeSpan.FromDays(1);
    private string? folder;

    public string Root => Path.Combine(storage.Value.FullDataDirectory, "uploads-tmp");

    /// <summary>A new empty file, readable and writable by the server's account only.</summary>
    public FileStream CreateFile(out string path)
    {
        folder ??= CreateFolder();
        path = Path.Combine(folder, Guid.NewGuid().ToString("N") + ".part");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new FileStream(path, options);
    }

    public void Dispose()
    {
        if (folder is not null)
        {
            TryDelete(folder);
        }
    }

    private string CreateFolder()
    {
        RemoveLeftovers();
        var created = Path.Combine(Root, Guid.NewGuid().ToString("N"));
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(created);
        }
        else
        {
            Directory.CreateDirectory(created, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return created;
    }

    private void RemoveLeftovers()
    {
        if (!Directory.Exists(Root))
        {
            return;
        }

        var before = clock.GetUtcNow().UtcDateTime - LeftoverAge;
        foreach (var old in Directory.EnumerateDirectories(Root).Where(d => Directory.GetLastWriteTimeUtc(d) < before))
        {
            TryDelete(old);
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Another circuit's sweep got there first, or a file is still open: the next sweep takes it.
        }
    }
}

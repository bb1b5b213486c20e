using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace WorkPlanTracker.Tests;

/// <summary>
/// A data folder prepared once per test run and copied for each test that asks for the same one. Migrating and
/// importing the four sample plans is most of a fresh database's cost (seconds on a loaded machine, for each of
/// dozens of tests); a copy of the folder the same steps made is the same database, and each test still owns its own.
/// </summary>
public static class DatabaseTemplate
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "wpt-templates", Guid.NewGuid().ToString("N"));
    private static readonly ConcurrentDictionary<string, Lazy<Task<string>>> Templates = new(StringComparer.Ordinal);

    static DatabaseTemplate() => AppDomain.CurrentDomain.ProcessExit += (_, _) => Delete(Root);

    /// <summary>
    /// Fills <paramref name="dataDirectory"/> with a copy of the folder <paramref name="prepare"/> made for
    /// <paramref name="key"/> (run once per key, on a folder of its own, which it must leave closed).
    /// </summary>
    public static async Task CopyToAsync(string key, string dataDirectory, Func<string, Task> prepare)
    {
        var template = await Templates.GetOrAdd(key, k => new Lazy<Task<string>>(() => CreateAsync(prepare))).Value;
        Copy(new DirectoryInfo(template), dataDirectory);
    }

    private static async Task<string> CreateAsync(Func<string, Task> prepare)
    {
        var folder = Path.Combine(Root, Guid.NewGuid().ToString("N"));
        await prepare(folder);

        // Closes the pooled connections, so SQLite has folded its write-ahead log into the file before it is copied.
        SqliteConnection.ClearAllPools();
        return folder;
    }

    private static void Copy(DirectoryInfo source, string target)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(target);
        }
        else
        {
            Directory.CreateDirectory(target, source.UnixFileMode);
        }

        foreach (var file in source.EnumerateFiles())
        {
            // File.Copy keeps the file's permissions (the database is private to its owner).
            file.CopyTo(Path.Combine(target, file.Name));
        }

        foreach (var directory in source.EnumerateDirectories())
        {
            Copy(directory, Path.Combine(target, directory.Name));
        }
    }

    private static void Delete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

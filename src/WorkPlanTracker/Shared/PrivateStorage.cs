namespace WorkPlanTracker.Shared;

/// <summary>
/// The data folder holds password hashes, sign-in keys and the units' evidence: on Unix only the account running the
/// app may read it (folders 700, files 600), whatever the umask says.
/// </summary>
public static class PrivateStorage
{
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates the folder (and missing parents) readable by the owner only; an existing folder is tightened.</summary>
    public static void CreateFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        Directory.CreateDirectory(path, FolderMode);
        File.SetUnixFileMode(path, FolderMode);
    }

    /// <summary>Makes an existing file readable by the owner only.</summary>
    public static void Protect(string file)
    {
        if (!OperatingSystem.IsWindows() && File.Exists(file))
        {
            File.SetUnixFileMode(file, FileMode);
        }
    }

    /// <summary>Opens a new file for writing that nobody else may read, from its first byte on.</summary>
    public static FileStream CreateFile(string path)
    {
        var options = new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }

        return new FileStream(path, options);
    }
}

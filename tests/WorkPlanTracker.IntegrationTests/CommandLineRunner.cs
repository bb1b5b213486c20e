using System.Diagnostics;
using System.Text;

namespace WorkPlanTracker.IntegrationTests;

/// <summary>Runs the built app executable with a verb, as operators and outside checks do.</summary>
public static class CommandLineRunner
{
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError);

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string SeedPath(string fileName) => Path.Combine(RepositoryRoot, "seeds", fileName);

    public static async Task<Result> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(AppDll());
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>The app's own build output (not the copy in the test folder), built with the same configuration as the tests.</summary>
    private static string AppDll()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        return Path.Combine(RepositoryRoot, "src", "WorkPlanTracker", "bin", configuration, "net10.0", "WorkPlanTracker.dll");
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "WorkPlanTracker.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("WorkPlanTracker.sln not found above " + AppContext.BaseDirectory);
    }
}

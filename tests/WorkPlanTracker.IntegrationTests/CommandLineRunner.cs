using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace WorkPlanTracker.IntegrationTests;

/// <summary>
/// Runs the app's entry point with a verb, as operators and outside checks do. <see cref="RunAsync"/> calls it in
/// this process (a process start cost seconds per test on a loaded machine); <see cref="RunProcessAsync"/> starts
/// the built executable, for the test that holds the real process to the contract (exit code, UTF-8 output).
/// </summary>
public static class CommandLineRunner
{
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError);

    private static readonly AsyncLocal<Capture?> CurrentCapture = new();

    // The compiled top-level statements of Program.cs: the same code path as `dotnet WorkPlanTracker.dll verb ...`.
    private static readonly MethodInfo EntryPoint =
        typeof(Program).GetMethod("<Main>$", BindingFlags.Static | BindingFlags.NonPublic)
        ?? throw new InvalidOperationException("Program's entry point <Main>$ not found");

    static CommandLineRunner()
    {
        // Console is one per process: route each in-process run's writes (from the verb and from the console
        // logger's thread, which inherits the run's AsyncLocal when the host creates it) to that run only, and
        // every other write to the real console as before.
        Console.SetOut(new RoutingWriter(Console.Out, c => c.Out));
        Console.SetError(new RoutingWriter(Console.Error, c => c.Error));
    }

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string SeedPath(string fileName) => Path.Combine(RepositoryRoot, "seeds", fileName);

    /// <summary>Runs the entry point in this process with its own stdout and stderr.</summary>
    public static Task<Result> RunAsync(params string[] args) => Task.Run(async () =>
    {
        var capture = new Capture();
        CurrentCapture.Value = capture;
        int exitCode;
        try
        {
            exitCode = await (Task<int>)EntryPoint.Invoke(null, [args])!;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The verbs catch their own failures; anything else would end the process as unhandled.
            Console.Error.WriteLine("Unhandled exception. " + e);
            exitCode = 134;
        }
        finally
        {
            CurrentCapture.Value = null;
        }

        return new Result(exitCode, capture.Out.ToString(), capture.Error.ToString());
    });

    /// <summary>Starts the built app executable with a verb, as a separate process.</summary>
    public static async Task<Result> RunProcessAsync(params string[] args)
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

    private sealed class Capture
    {
        public StringWriter Out { get; } = new();

        public StringWriter Error { get; } = new();
    }

    /// <summary>Console.SetOut wraps this in a synchronized writer, so the run's StringWriter sees one write at a time.</summary>
    private sealed class RoutingWriter(TextWriter console, Func<Capture, TextWriter> pick) : TextWriter
    {
        public override Encoding Encoding => console.Encoding;

        private TextWriter Target => CurrentCapture.Value is { } capture ? pick(capture) : console;

        public override void Write(char value) => Target.Write(value);

        public override void Write(string? value) => Target.Write(value);

        public override void Write(char[] buffer, int index, int count) => Target.Write(buffer, index, count);

        public override void WriteLine(string? value) => Target.WriteLine(value);

        public override void Flush() => Target.Flush();
    }
}

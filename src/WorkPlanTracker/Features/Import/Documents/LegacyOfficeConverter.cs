using System.ComponentModel;
using System.Diagnostics;

namespace WorkPlanTracker.Features.Import.Documents;

/// <summary>
/// Converts an old Word/WPS (.doc, .wps) or Excel/WPS (.xls, .et) file to .docx/.xlsx with LibreOffice, so the
/// existing readers can read it. Each conversion runs in its own temporary folder with its own LibreOffice
/// profile (a shared profile makes concurrent runs fail), under a time limit after which the whole process
/// tree is killed; the folder is always deleted, so nothing of the upload stays on the server.
/// </summary>
public sealed class LegacyOfficeConverter
{
    // LibreOffice is heavy (hundreds of MB, one or two cores): one conversion at a time.
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    private readonly ImportOptions options;
    private readonly string tempRoot;

    public LegacyOfficeConverter(ImportOptions options)
        : this(options, Path.GetTempPath())
    {
    }

    /// <param name="tempRoot">Where the per-conversion folders go; tests pass their own to check that nothing is left.</param>
    public LegacyOfficeConverter(ImportOptions options, string tempRoot)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        this.tempRoot = tempRoot;
    }

    /// <summary>Returns the bytes of the converted .docx (or .xlsx when <paramref name="excel"/>).</summary>
    /// <exception cref="ImportInputException">LibreOffice is missing, too slow, or could not convert the file.</exception>
    public byte[] Convert(string fileName, ReadOnlySpan<byte> content, bool excel)
    {
        var timeout = TimeSpan.FromSeconds(options.ConversionTimeoutSeconds);
        var started = Stopwatch.StartNew();
        if (!OneAtATime.Wait(timeout))
        {
            throw ImportInputMessages.LegacyOfficeTimeout(fileName, options.ConversionTimeoutSeconds, excel);
        }

        var work = Path.Combine(tempRoot, "wpt-convert-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(work);
            var extension = Path.GetExtension(fileName).ToLowerInvariant();
            var input = Path.Combine(work, "plan" + (extension is ".doc" or ".wps" or ".dot" or ".xls" or ".et" or ".xlt" ? extension : excel ? ".xls" : ".doc"));
            File.WriteAllBytes(input, content.ToArray());
            var output = Path.Combine(work, "out");
            Directory.CreateDirectory(output);
            var target = excel ? "xlsx" : "docx";
            RunLibreOffice(fileName, excel, input, output, Path.Combine(work, "profile"), target, timeout - started.Elapsed);
            var converted = Path.Combine(output, "plan." + target);
            return File.Exists(converted) && new FileInfo(converted).Length > 0
                ? File.ReadAllBytes(converted)
                : throw ImportInputMessages.LegacyOfficeFailed(fileName, excel);
        }
        finally
        {
            OneAtATime.Release();
            TryDelete(work);
        }
    }

    private void RunLibreOffice(string fileName, bool excel, string input, string output, string profile, string target, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(options.LibreOfficePath)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = Path.GetDirectoryName(input)!,
        };
        foreach (var argument in new[]
        {
            "-env:UserInstallation=" + new Uri(profile).AbsoluteUri, "--headless", "--norestore", "--nologo", "--nolockcheck",
            "--convert-to", target, "--outdir", output, input,
        })
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw ImportInputMessages.LegacyOfficeMissing(fileName, excel);
        }
        catch (Win32Exception)
        {
            // Not installed, not on PATH, or not executable: the user's remedy is to save the file in the new format.
            throw ImportInputMessages.LegacyOfficeMissing(fileName, excel);
        }

        using (process)
        {
            // Drained so a chatty LibreOffice never blocks on a full pipe.
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            process.StandardInput.Close();
            if (!process.WaitForExit(timeout > TimeSpan.Zero ? timeout : TimeSpan.Zero))
            {
                try
                {
                    process.Kill(entireProcessTree: true);
                    process.WaitForExit(TimeSpan.FromSeconds(5));
                }
                catch (InvalidOperationException)
                {
                    // It ended between the timeout and the kill.
                }

                throw ImportInputMessages.LegacyOfficeTimeout(fileName, options.ConversionTimeoutSeconds, excel);
            }

            process.WaitForExit();
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // A killed LibreOffice may still hold a file for a moment; the OS cleans the temp folder eventually.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

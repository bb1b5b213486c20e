using System.Globalization;

namespace WorkPlanTracker.Load;

/// <summary>What Linux says about the server's processes: resident memory and CPU time, from /proc.</summary>
public static class ServerProcess
{
    /// <summary>Resident set (VmRSS) of the processes together, in MB; 0 when none is readable.</summary>
    public static double ResidentMegabytes(IEnumerable<int> pids) => pids.Sum(pid =>
    {
        var line = ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    });

    /// <summary>User + system CPU seconds the processes have used so far.</summary>
    public static double CpuSeconds(IEnumerable<int> pids) => pids.Sum(pid =>
    {
        var stat = ReadLines($"/proc/{pid}/stat").FirstOrDefault();
        if (stat is null)
        {
            return 0;
        }

        // Fields after the command name (which may hold spaces) start at state, field 3; utime and stime are 14 and 15.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return ticks / 100.0;
    });

    /// <summary>The machine's load averages (1, 5, 15 minutes) as /proc/loadavg gives them.</summary>
    public static string LoadAverage() => ReadLines("/proc/loadavg").FirstOrDefault() is { } line
        ? string.Join(' ', line.Split(' ').Take(3))
        : "?";

    private static string[] ReadLines(string path)
    {
        try
        {
            return File.ReadAllLines(path);
        }
        catch (IOException)
        {
            return [];
        }
        catch (UnauthorizedAccessException)
        {
            return [];
        }
    }
}

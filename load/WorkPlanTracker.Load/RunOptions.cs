using System.Globalization;

namespace WorkPlanTracker.Load;

/// <summary>
/// What <c>run</c> does, from its command line; everything is bounded (users, circuits, duration) so a typo cannot turn
/// the harness into an unbounded flood, and every target must be a loopback address (<see cref="LoopbackTarget"/>).
/// </summary>
public sealed class RunOptions
{
    public const int MaxUsers = 2000;
    public static readonly TimeSpan MaxDuration = TimeSpan.FromMinutes(10);

    /// <summary>The servers; users are dealt to them in turn (several instances without a proxy in front).</summary>
    public required IReadOnlyList<Uri> Targets { get; init; }
    public required string UsersFile { get; init; }
    public int Users { get; init; } = 100;
    public int Circuits { get; init; }
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(60);
    public TimeSpan Ramp { get; init; } = TimeSpan.FromSeconds(20);
    public TimeSpan Think { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Over how long the circuits open, after everyone has signed in.</summary>
    public TimeSpan CircuitRamp { get; init; } = TimeSpan.FromSeconds(20);
    public IReadOnlyList<int> ServerPids { get; init; } = [];

    /// <summary>The options, or null with the reason printed to <paramref name="errors"/>.</summary>
    public static RunOptions? Parse(IReadOnlyList<string> args, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(errors);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                errors.WriteLine($"无法理解的参数：{args[i]}");
                return null;
            }

            values[args[i][2..]] = args[i + 1];
        }

        if (args.Count % 2 != 0)
        {
            errors.WriteLine($"参数 {args[^1]} 缺少取值");
            return null;
        }

        if (!values.TryGetValue("base-url", out var urls) || !values.TryGetValue("users-file", out var usersFile))
        {
            errors.WriteLine("须给出 --base-url http://127.0.0.1:端口[,http://127.0.0.1:端口2] 和 --users-file 文件（由 prepare 生成）");
            return null;
        }

        var targets = new List<Uri>();
        foreach (var url in urls.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (LoopbackTarget.Parse(url, out var refusal) is not { } target)
            {
                errors.WriteLine(refusal);
                return null;
            }

            targets.Add(target);
        }

        var users = Number(values, "users", 100);
        var circuits = Number(values, "circuits", users);
        var duration = TimeSpan.FromSeconds(Number(values, "duration", 60));
        var ramp = Number(values, "ramp", 20);
        var think = Number(values, "think", 3);
        var circuitRamp = Number(values, "circuit-ramp", 20);
        if (users is < 1 or > MaxUsers || circuits < 0 || circuits > users || duration <= TimeSpan.Zero || duration > MaxDuration
            || ramp is < 0 or > 600 || think is < 0 or > 600 || circuitRamp is < 0 or > 600)
        {
            errors.WriteLine($"--users 须在 1 至 {MaxUsers} 之间，--circuits 在 0 至用户数之间，--duration 在 1 至 {MaxDuration.TotalSeconds} 秒之间，--ramp、--circuit-ramp 和 --think 在 0 至 600 秒之间（均为整数）");
            return null;
        }

        return new RunOptions
        {
            Targets = targets,
            UsersFile = usersFile,
            Users = users,
            Circuits = circuits,
            Duration = duration,
            Ramp = TimeSpan.FromSeconds(ramp),
            Think = TimeSpan.FromSeconds(think),
            CircuitRamp = TimeSpan.FromSeconds(circuitRamp),
            ServerPids = values.TryGetValue("server-pid", out var pids)
                ? pids.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToList()
                : [],
        };
    }

    /// <summary>The whole number given for <paramref name="name"/>, the fallback when not given, −1 (refused) when not a number.</summary>
    private static int Number(Dictionary<string, string> values, string name, int fallback) =>
        !values.TryGetValue(name, out var text) ? fallback
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
}

using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Hosting;

/// <summary>
/// Splits the process arguments into the verb (import, export-ledger, reminders, migrate-data; none for the web server),
/// its own arguments, and configuration overrides shared by every verb, such as --data-dir.
/// </summary>
public sealed class CommandLineArguments
{
    private static readonly Dictionary<string, string> SwitchMappings = new(StringComparer.Ordinal)
    {
        ["--data-dir"] = $"{StorageOptions.Section}:{nameof(StorageOptions.DataDirectory)}",
    };

    public string? Verb { get; private init; }
    public IReadOnlyList<string> VerbArguments { get; private init; } = [];

    /// <summary>Arguments for the host's configuration: the shared switches, in the form the host reads.</summary>
    public IReadOnlyList<string> HostArguments { get; private init; } = [];

    public static IReadOnlyCollection<string> Verbs { get; } = ["import", "import-eval", "export-ledger", "reminders", "migrate-data"];

    /// <summary>Parses, or writes what is wrong to <paramref name="error"/> and returns null.</summary>
    public static CommandLineArguments? TryParse(IReadOnlyList<string> args, TextWriter error)
    {
        try
        {
            return Parse(args);
        }
        catch (CommandLineException e)
        {
            error.WriteLine(e.Message);
            return null;
        }
    }

    public static CommandLineArguments Parse(IReadOnlyList<string> args)
    {
        var hostArgs = new List<string>();
        var verbArgs = new List<string>();
        var given = new HashSet<string>(StringComparer.Ordinal);
        string? verb = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var (name, inlineValue) = Shared.VerbArguments.SplitOption(arg);
            if (name == "--demo")
            {
                hostArgs.Add("--Accounts:Demo=true");
            }
            else if (SwitchMappings.TryGetValue(name, out var key))
            {
                var value = inlineValue ?? (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "");
                if (value.Length == 0)
                {
                    throw new CommandLineException($"{name} 后面需要一个目录");
                }

                if (!given.Add(name))
                {
                    throw new CommandLineException($"{name} 只能给一次");
                }

                hostArgs.Add($"--{key}={value}");
            }
            else if (verb is null && Verbs.Contains(arg))
            {
                verb = arg;
            }
            else if (verb is not null)
            {
                verbArgs.Add(arg);
            }
            else
            {
                // Everything else (e.g. --urls, --environment) is for the web host itself.
                hostArgs.Add(arg);
            }
        }

        return new CommandLineArguments { Verb = verb, VerbArguments = verbArgs, HostArguments = hostArgs };
    }
}

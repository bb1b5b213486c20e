using System.Globalization;

namespace WorkPlanTracker.Shared;

/// <summary>What a command-line verb accepts: its flags (no value), its options (one value each) and at most one positional argument.</summary>
/// <param name="Verb">The verb's name, as the operator typed it (import, reminders, …).</param>
/// <param name="Usage">The verb's usage line, appended to every message about bad arguments.</param>
/// <param name="Flags">Options that take no value, e.g. <c>--dry-run</c>.</param>
/// <param name="ValueOptions">Options that take one value, given as <c>--opt value</c> or <c>--opt=value</c>.</param>
/// <param name="PositionalName">What the one positional argument is (文件, 目录), or null when the verb takes none.</param>
public sealed record VerbSyntax(
    string Verb,
    string Usage,
    IReadOnlyCollection<string> Flags,
    IReadOnlyCollection<string> ValueOptions,
    string? PositionalName = null);

/// <summary>
/// The arguments of one verb (docs/CLI.md), parsed the same way for every verb: <c>--opt value</c> and <c>--opt=value</c>
/// both work, flags take no value, and an unknown option, a missing value, an option given twice or a stray
/// argument is refused with a <see cref="CommandLineException"/> that names it and shows the verb's usage.
/// </summary>
public sealed class VerbArguments
{
    private readonly HashSet<string> flags;
    private readonly Dictionary<string, string> values;

    private VerbArguments(HashSet<string> flags, Dictionary<string, string> values, string? positional)
    {
        this.flags = flags;
        this.values = values;
        Positional = positional;
    }

    /// <summary>The positional argument (the verb's file or directory), or null when the verb takes none.</summary>
    public string? Positional { get; }

    public static VerbArguments Parse(IReadOnlyList<string> args, VerbSyntax syntax)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(syntax);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        string? positional = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!IsOption(arg))
            {
                if (syntax.PositionalName is null)
                {
                    throw Refuse(syntax, $"{syntax.Verb} 不认识参数 {arg}");
                }

                if (positional is not null)
                {
                    throw Refuse(syntax, $"{syntax.Verb} 只接受一个{syntax.PositionalName}，多出了 {arg}");
                }

                positional = arg;
                continue;
            }

            var (name, inlineValue) = SplitOption(arg);
            if (flags.Contains(name) || values.ContainsKey(name))
            {
                throw Refuse(syntax, $"{name} 只能给一次");
            }

            if (syntax.Flags.Contains(name))
            {
                if (inlineValue is not null)
                {
                    throw Refuse(syntax, $"{name} 不带值（收到“{arg}”）");
                }

                flags.Add(name);
            }
            else if (syntax.ValueOptions.Contains(name))
            {
                // A value that looks like an option is the next option, not this one's value: `--out --json` lacks the file.
                var value = inlineValue ?? (i + 1 < args.Count && !IsOption(args[i + 1]) ? args[++i] : null);
                if (string.IsNullOrEmpty(value))
                {
                    throw Refuse(syntax, $"{name} 后面需要一个值");
                }

                values.Add(name, value);
            }
            else
            {
                throw Refuse(syntax, $"{syntax.Verb} 不认识参数 {name}");
            }
        }

        if (syntax.PositionalName is not null && positional is null)
        {
            throw Refuse(syntax, $"{syntax.Verb} 需要一个{syntax.PositionalName}");
        }

        return new VerbArguments(flags, values, positional);
    }

    /// <summary>Splits <c>--opt=value</c> into its name and value; any other argument comes back whole, with no value.</summary>
    public static (string Name, string? Value) SplitOption(string arg)
    {
        ArgumentNullException.ThrowIfNull(arg);
        var eq = arg.IndexOf('=', StringComparison.Ordinal);
        return IsOption(arg) && eq > 2 ? (arg[..eq], arg[(eq + 1)..]) : (arg, null);
    }

    public bool Has(string flag) => flags.Contains(flag);

    /// <summary>The option's value, or null when it was not given.</summary>
    public string? Value(string option) => values.GetValueOrDefault(option);

    /// <summary>The plan year of <c>--year N</c> (import, export-ledger), or null when it was not given.</summary>
    public int? Year() => Value("--year") is not { } value
        ? null
        : int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1949 and <= 2100
            ? year
            : throw new CommandLineException($"--year 需要一个年份，例如 --year 2024（收到“{value}”）");

    private static bool IsOption(string arg) => arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2;

    private static CommandLineException Refuse(VerbSyntax syntax, string problem) => new($"{problem}；{syntax.Usage}");
}

using System.Globalization;
using System.Text;
using System.Text.Json;
using WorkPlanTracker.Features.Import.Documents;

namespace WorkPlanTracker.Features.Import;

/// <summary>
/// Measures the importer against a corpus of real plans with hand-written answer keys (DIR/plans/*, DIR/keys/*.json,
/// see tests/WorkPlanTracker.Tests/Features/Import/Corpus/README.md). Each plan goes through the same path as
/// <c>import --dry-run --json</c>: the document reader, then the parser.
/// </summary>
public sealed class ImportEvaluation(PlanDocumentReader reader, PlanTextParser parser)
{
    public CorpusAccuracy Evaluate(string directory)
    {
        var plans = Path.Combine(directory, "plans");
        var keys = Path.Combine(directory, "keys");
        if (!Directory.Exists(plans) || !Directory.Exists(keys))
        {
            throw new ImportInputException($"“{directory}”下应有 plans/ 与 keys/ 两个目录（计划原文与答案）。");
        }

        var documents = new List<DocumentAccuracy>();
        foreach (var keyFile in Directory.GetFiles(keys, "*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(keyFile);
            var planFile = Directory.GetFiles(plans, name + ".*").Order(StringComparer.Ordinal).FirstOrDefault()
                ?? throw new ImportInputException($"答案 {Path.GetFileName(keyFile)} 在 plans/ 中没有同名的计划文件。");
            documents.Add(EvaluateDocument(name, planFile, ReadKey(keyFile)));
        }

        return new CorpusAccuracy(documents);
    }

    public DocumentAccuracy EvaluateDocument(string name, string planFile, IReadOnlyList<KeyTask> key)
    {
        List<ParsedTask> parsed;
        string? refusal = null;
        try
        {
            using var stream = File.OpenRead(planFile);
            parsed = parser.Parse(reader.Read(Path.GetFileName(planFile), stream).Text).Tasks;
        }
        catch (ImportInputException e)
        {
            parsed = [];
            refusal = e.Message;
        }

        var matches = Match(key, parsed);
        var unitCounts = new UnitCounts();
        var deadlinesRight = 0;
        foreach (var (keyTask, index) in key.Select((t, i) => (t, i)))
        {
            var found = matches[index];
            var expected = keyTask.LeadUnits.Concat(keyTask.SupportingUnits).ToList();
            if (found is null)
            {
                unitCounts.Missed += expected.Count;
                continue;
            }

            unitCounts.Add(expected, found.LeadUnits.Concat(found.SupportingUnits).ToList());
            if (found.Deadline == keyTask.Deadline && found.Ongoing == keyTask.Ongoing)
            {
                deadlinesRight++;
            }
        }

        // Units the parser gave to items that are not tasks at all are wrong units too.
        foreach (var extra in parsed.Except(matches.OfType<ParsedTask>()))
        {
            unitCounts.Wrong += extra.LeadUnits.Count + extra.SupportingUnits.Count;
        }

        return new DocumentAccuracy(
            name,
            key.Count,
            matches.Count(m => m is not null),
            parsed.Count - matches.Count(m => m is not null),
            unitCounts,
            deadlinesRight,
            refusal);
    }

    /// <summary>Reads the tasks of an answer key (keys/*.json).</summary>
    public static List<KeyTask> ReadKey(string keyFile)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(keyFile));
        var tasks = new List<KeyTask>();
        foreach (var task in json.RootElement.GetProperty("tasks").EnumerateArray())
        {
            tasks.Add(new KeyTask(
                task.GetProperty("number").GetString() ?? "",
                String(task, "text_start") ?? "",
                Strings(task, "lead_units"),
                Strings(task, "supporting_units"),
                String(task, "deadline") is { } date ? DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
                task.TryGetProperty("ongoing", out var ongoing) && ongoing.ValueKind == JsonValueKind.True));
        }

        return tasks;
    }

    /// <summary>
    /// One parsed task per key task: the same path first, then the same opening words, so that a parse that
    /// numbers an item differently (a missing number, another level) still counts the task as found.
    /// </summary>
    private static ParsedTask?[] Match(IReadOnlyList<KeyTask> key, List<ParsedTask> parsed)
    {
        var result = new ParsedTask?[key.Count];
        var free = new HashSet<ParsedTask>(parsed);
        for (var i = 0; i < key.Count; i++)
        {
            var byPath = parsed.FirstOrDefault(t => free.Contains(t) && t.Path == key[i].Path && Opens(t, key[i]));
            if (byPath is not null)
            {
                result[i] = byPath;
                free.Remove(byPath);
            }
        }

        for (var i = 0; i < key.Count; i++)
        {
            if (result[i] is not null)
            {
                continue;
            }

            var byText = parsed.FirstOrDefault(t => free.Contains(t) && Opens(t, key[i]));
            if (byText is not null)
            {
                result[i] = byText;
                free.Remove(byText);
            }
        }

        return result;
    }

    // The key's text_start is the document's own words; compare them as the parser normalises text, and only
    // the first few characters, since the parser may have dropped a heading word or a stray space.
    private static bool Opens(ParsedTask task, KeyTask key)
    {
        var start = Compact(ChineseTextNormalizer.Normalize(key.TextStart));
        if (start.Length == 0)
        {
            return true;
        }

        var probe = start[..Math.Min(8, start.Length)];
        var text = Compact(task.Text);
        var at = text.IndexOf(probe, StringComparison.Ordinal);
        return at >= 0 && at <= 40;
    }

    private static string Compact(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static List<string> Strings(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Select(v => v.GetString() ?? "").Where(v => v.Length > 0)]
            : [];
}

/// <summary>One task of an answer key.</summary>
public sealed record KeyTask(string Path, string TextStart, List<string> LeadUnits, List<string> SupportingUnits, DateOnly? Deadline, bool Ongoing);

/// <summary>Unit names compared over a corpus: found (true positive), wrong (false positive), missed (false negative).</summary>
public sealed class UnitCounts
{
    public int Found { get; set; }
    public int Wrong { get; set; }
    public int Missed { get; set; }

    public double F1 => Found + Wrong + Missed == 0 ? 1 : 2.0 * Found / (2.0 * Found + Wrong + Missed);

    /// <summary>
    /// Roles aside (a task's units are compared as one list, as the acceptance measure asks). Names are compared
    /// as keys write them: simplified, ASCII parentheses, without a trailing 等; a key that writes an elided
    /// name as printed (省工信厅、财政厅 → 财政厅) also accepts the name with its level restored (省财政厅).
    /// </summary>
    public void Add(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        var remaining = actual.Select(Canonical).ToList();
        foreach (var name in expected.Select(Canonical))
        {
            var at = remaining.FindIndex(a => SameUnit(name, a));
            if (at >= 0)
            {
                Found++;
                remaining.RemoveAt(at);
            }
            else
            {
                Missed++;
            }
        }

        Wrong += remaining.Count;
    }

    public static string Canonical(string name)
    {
        var normalized = ChineseTextNormalizer.Normalize(name).Replace(" ", "", StringComparison.Ordinal).Trim();
        return normalized.Length > 2 && normalized.EndsWith('等') ? normalized[..^1] : normalized;
    }

    private static bool SameUnit(string expected, string actual) =>
        expected == actual
        || (actual.Length == expected.Length + 1 && actual.EndsWith(expected, StringComparison.Ordinal) && actual[0] is '省' or '市' or '区' or '县')
        || (expected.Length == actual.Length + 1 && expected.EndsWith(actual, StringComparison.Ordinal) && expected[0] is '省' or '市' or '区' or '县');

    public static UnitCounts Sum(IEnumerable<UnitCounts> counts)
    {
        var total = new UnitCounts();
        foreach (var c in counts)
        {
            total.Found += c.Found;
            total.Wrong += c.Wrong;
            total.Missed += c.Missed;
        }

        return total;
    }
}

/// <summary>How well one plan was read. <see cref="ExtraTasks"/> counts parsed items that are no task of the key.</summary>
public sealed record DocumentAccuracy(string Name, int KeyTasks, int TasksFound, int ExtraTasks, UnitCounts Units, int DeadlinesRight, string? Refusal)
{
    public double TaskRecall => KeyTasks == 0 ? 1 : (double)TasksFound / KeyTasks;
    public double UnitsF1 => Units.F1;
    public double DeadlineAccuracy => KeyTasks == 0 ? 1 : (double)DeadlinesRight / KeyTasks;
}

public sealed record CorpusAccuracy(IReadOnlyList<DocumentAccuracy> Documents)
{
    public int KeyTasks => Documents.Sum(d => d.KeyTasks);
    public int TasksFound => Documents.Sum(d => d.TasksFound);
    public int ExtraTasks => Documents.Sum(d => d.ExtraTasks);
    public int DeadlinesRight => Documents.Sum(d => d.DeadlinesRight);
    public UnitCounts Units => UnitCounts.Sum(Documents.Select(d => d.Units));
    public double TaskRecall => KeyTasks == 0 ? 1 : (double)TasksFound / KeyTasks;
    public double UnitsF1 => Units.F1;
    public double DeadlineAccuracy => KeyTasks == 0 ? 1 : (double)DeadlinesRight / KeyTasks;

    /// <summary>The per-document table as Markdown, the form README shows.</summary>
    public string ToMarkdown()
    {
        var builder = new StringBuilder();
        builder.AppendLine("| 文件 | 任务数 | 找到任务 | 多出条目 | 单位 F1 | 时限正确 |");
        builder.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var d in Documents)
        {
            builder.AppendLine(Row(d.Name + (d.Refusal is null ? "" : "（被拒绝）"), d.KeyTasks, d.TasksFound, d.ExtraTasks, d.Units, d.DeadlinesRight, d.TaskRecall, d.UnitsF1, d.DeadlineAccuracy));
        }

        builder.AppendLine(Row("**合计**", KeyTasks, TasksFound, ExtraTasks, Units, DeadlinesRight, TaskRecall, UnitsF1, DeadlineAccuracy));
        return builder.ToString();
    }

    private static string Row(string name, int keyTasks, int found, int extra, UnitCounts units, int deadlines, double recall, double f1, double deadlineAccuracy) =>
        string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {keyTasks} | {found} ({recall:P1}) | {extra} | {f1:P1} ({units.Found}/{units.Found + units.Missed} 对, {units.Wrong} 错) | {deadlines} ({deadlineAccuracy:P1}) |");
}

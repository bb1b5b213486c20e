using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Units;

namespace WorkPlanTracker.Features.Import;

/// <summary>
/// A parsed plan under review before saving: the user edits its tasks in place, and the issues beside each
/// task are worked out again from the current values, so fixing a field clears its warning.
/// </summary>
public sealed class ImportReview
{
    private readonly HashSet<string> knownNames;
    private readonly UnitNameMatcher matcher;

    public ImportReview(ParsedPlan plan, PlanDocumentSummary source, IEnumerable<UnitCandidate> units, IEnumerable<string> groupNames, PlanRevision? revision)
    {
        Plan = plan;
        Source = source;
        Revision = revision;
        var candidates = units.ToList();
        matcher = new UnitNameMatcher(candidates);
        knownNames = new HashSet<string>(candidates.SelectMany(u => u.Aliases.Append(u.Name)).Concat(groupNames), StringComparer.Ordinal);
        ParserWarnings = plan.Warnings.Where(w => w.Path.Length > 0).ToLookup(w => w.Path);
        PlanWarnings = plan.Warnings.Where(w => w.Path.Length == 0).Select(w => w.Message).ToList();
    }

    public ParsedPlan Plan { get; }
    public PlanDocumentSummary Source { get; }

    /// <summary>Set when a plan of the same year and title was imported before: saving then updates it.</summary>
    public PlanRevision? Revision { get; }

    public IReadOnlyList<string> PlanWarnings { get; }

    private ILookup<string, ImportWarning> ParserWarnings { get; }

    /// <summary>Whether the whole plan names no units (an agency's internal plan): a missing lead is then expected, not an error.</summary>
    public bool NamesNoUnits => Plan.Tasks.All(t => t.LeadUnits.Count == 0 && t.SupportingUnits.Count == 0);

    public IReadOnlyList<TaskIssue> IssuesFor(ParsedTask task)
    {
        var issues = new List<TaskIssue>();
        if (string.IsNullOrWhiteSpace(task.Text))
        {
            issues.Add(new TaskIssue(TaskIssueLevel.Error, "任务内容为空"));
        }

        if (Plan.Tasks.Count(t => t.Path == task.Path) > 1)
        {
            issues.Add(new TaskIssue(TaskIssueLevel.Error, $"序号“{task.Path}”重复"));
        }

        if (task.LeadUnits.Count == 0 && !NamesNoUnits)
        {
            issues.Add(new TaskIssue(TaskIssueLevel.Warning, "未找到牵头单位"));
        }

        if (task.Deadline is null && !task.Ongoing)
        {
            issues.Add(new TaskIssue(TaskIssueLevel.Warning, "未找到完成时限"));
        }

        foreach (var name in task.LeadUnits.Concat(task.SupportingUnits).Where(n => n.Length > OrgUnit.MaxNameLength))
        {
            issues.Add(new TaskIssue(TaskIssueLevel.Warning,
                $"“{name[..20]}…”有 {name.Length} 个字，超过了单位名称 {OrgUnit.MaxNameLength} 个字的上限，保存时不会作为单位：请改为正确的单位名称"));
        }

        foreach (var name in task.LeadUnits.Concat(task.SupportingUnits).Where(n => n.Length <= OrgUnit.MaxNameLength && !knownNames.Contains(n)))
        {
            var match = matcher.Match(name);
            issues.Add(match is { Kind: UnitMatchKind.Close, Score: >= UnitNameMatcher.AutoAcceptScore }
                ? new TaskIssue(TaskIssueLevel.Info, $"“{name}”即“{match.UnitName}”，将记为其简称")
                : match is { Kind: UnitMatchKind.Close }
                ? new TaskIssue(TaskIssueLevel.Suggestion, $"“{name}”可能是“{match.UnitName}”", name, match.UnitName)
                : UnitNameRules.IsGroupName(name)
                    ? new TaskIssue(TaskIssueLevel.Info, $"新单位组“{name}”：保存后在单位页设置成员")
                    : new TaskIssue(TaskIssueLevel.Info, $"新单位“{name}”：保存时加入单位名录"));
        }

        issues.AddRange(ParserWarnings[task.Path]
            .Where(w => !w.Message.Contains("牵头单位", StringComparison.Ordinal) && !w.Message.Contains("完成时限", StringComparison.Ordinal))
            .Select(w => new TaskIssue(TaskIssueLevel.Warning, w.Message)));
        return issues;
    }

    public int ErrorCount => Plan.Tasks.Sum(t => IssuesFor(t).Count(i => i.Level == TaskIssueLevel.Error));

    public int WarningCount => Plan.Tasks.Sum(t => IssuesFor(t).Count(i => i.Level is TaskIssueLevel.Warning or TaskIssueLevel.Suggestion));

    /// <summary>Takes a suggested directory name in place of the name the plan wrote.</summary>
    public static void AcceptSuggestion(ParsedTask task, string writtenName, string directoryName)
    {
        Replace(task.LeadUnits, writtenName, directoryName);
        Replace(task.SupportingUnits, writtenName, directoryName);
    }

    /// <summary>Splits what a person typed into unit names: 、，,；; and line breaks separate, parentheses inside names stay.</summary>
    public static List<string> SplitUnitNames(string text)
    {
        var names = new List<string>();
        var depth = 0;
        var current = new System.Text.StringBuilder();
        foreach (var c in text)
        {
            depth += c is '(' or '（' ? 1 : c is ')' or '）' ? -1 : 0;
            if (depth <= 0 && c is '、' or '，' or ',' or '；' or ';' or '\n' or '\r')
            {
                Flush();
            }
            else
            {
                current.Append(c);
            }
        }

        Flush();
        return names;

        void Flush()
        {
            var name = BidiControls.Strip(current.ToString()).Trim().Replace('（', '(').Replace('）', ')');
            if (name.Length > 0 && !names.Contains(name))
            {
                names.Add(name);
            }

            current.Clear();
        }
    }

    private static void Replace(List<string> names, string from, string to)
    {
        var index = names.IndexOf(from);
        if (index < 0)
        {
            return;
        }

        if (names.Contains(to))
        {
            names.RemoveAt(index);
        }
        else
        {
            names[index] = to;
        }
    }
}

public enum TaskIssueLevel
{
    Error,
    Warning,
    Suggestion,
    Info,
}

/// <param name="WrittenName">For a suggestion: the name as written.</param>
/// <param name="SuggestedName">For a suggestion: the directory's name to use instead.</param>
public sealed record TaskIssue(TaskIssueLevel Level, string Message, string? WrittenName = null, string? SuggestedName = null);

/// <summary>Where the plan under review came from, for the page to say so.</summary>
public sealed record PlanDocumentSummary(string Name, string SourceKind, string? EncodingName, string Text);

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
        originalOrder = plan.Tasks.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i);
    }

    private readonly Dictionary<ParsedTask, int> originalOrder;

    public ParsedPlan Plan { get; }

    /// <summary>The document as the importer read it, before any edit on this page; saved for the next re-import.</summary>
    public ParsedPlan? OriginalParse { get; init; }

    /// <summary>What the earlier import remembered (items removed or turned into headings then), carried forward.</summary>
    public ImportSnapshot? CarriedOver { get; init; }
    public PlanDocumentSummary Source { get; }

    /// <summary>Set when a plan of the same year and title was imported before: saving then updates it.</summary>
    public PlanRevision? Revision { get; }

    public IReadOnlyList<string> PlanWarnings { get; }

    private ILookup<string, ImportWarning> ParserWarnings { get; }

    /// <summary>Whether the whole plan names no units (an agency's internal plan): a missing lead is then expected, not an error.</summary>
    public bool NamesNoUnits => Plan.Tasks.All(t => t.LeadUnits.Count == 0 && t.SupportingUnits.Count == 0);

    public IReadOnlyList<TaskIssue> IssuesFor(ParsedTask task) => IssuesFor(task, Pass());

    /// <summary>
    /// What the issues of a task need to know of the whole plan (numbers used twice, names only one task uses), worked
    /// out once for every task shown: asked of each task on its own, that made a review of n tasks cost n² per edit.
    /// Valid until the next edit.
    /// </summary>
    public ReviewPass Pass() => new(this);

    public IReadOnlyList<TaskIssue> IssuesFor(ParsedTask task, ReviewPass pass)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(pass);
        var issues = new List<TaskIssue>();
        if (string.IsNullOrWhiteSpace(task.Text))
        {
            issues.Add(new TaskIssue(TaskIssueLevel.Error, "任务内容为空"));
        }

        if (pass.PathUses(task.Path) > 1)
        {
            issues.Add(new TaskIssue(TaskIssueLevel.Error, $"序号“{task.Path}”重复"));
        }

        if (task.LeadUnits.Count == 0 && !pass.NamesNoUnits)
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
            issues.Add(pass.UnitIssue(name));
        }

        issues.AddRange(ParserWarnings[task.Path]
            .Where(w => !w.Message.Contains("牵头单位", StringComparison.Ordinal) && !w.Message.Contains("完成时限", StringComparison.Ordinal))
            .Select(w => new TaskIssue(TaskIssueLevel.Warning, w.Message)));
        return issues;
    }

    /// <summary>
    /// What the review says of a name the directory does not hold. A merge into a known unit by similarity is
    /// never silent: it waits for 确认并入 or 作为新单位. A sentence fragment named once is a warning, not a new unit.
    /// </summary>
    private TaskIssue UnitIssue(string name, ReviewPass pass)
    {
        if (KeptSeparate.Contains(name))
        {
            return new TaskIssue(TaskIssueLevel.Info, $"新单位“{name}”：保存时加入单位名录（不并入相近的已有单位）");
        }

        var match = matcher.Match(name);
        if (match is { Kind: UnitMatchKind.Close } && ConfirmedMerges.Contains(name))
        {
            return new TaskIssue(TaskIssueLevel.Info, $"“{name}”并入已有单位“{match.UnitName}”，记为其简称");
        }

        if (match is { Kind: UnitMatchKind.Close, Score: >= UnitNameMatcher.AutoAcceptScore })
        {
            return new TaskIssue(TaskIssueLevel.Suggestion, $"“{name}”与已有单位“{match.UnitName}”相近，将并入该单位（记为其简称）：请确认", name, match.UnitName, TaskIssueAction.ConfirmMerge);
        }

        if (match is { Kind: UnitMatchKind.Close })
        {
            return new TaskIssue(TaskIssueLevel.Suggestion, $"“{name}”可能是“{match.UnitName}”", name, match.UnitName);
        }

        if (UnitNameRules.IsGroupName(name))
        {
            return new TaskIssue(TaskIssueLevel.Info, $"新单位组“{name}”：保存后在单位页设置成员");
        }

        if (IsFragment(name, pass))
        {
            return new TaskIssue(TaskIssueLevel.Warning, $"“{name}”不像单位名称，像是句子的一部分：请改成单位全称或删除；不改则保存时不作为单位", name, Action: TaskIssueAction.RemoveName);
        }

        return new TaskIssue(TaskIssueLevel.Info, $"新单位“{name}”：保存时加入单位名录");
    }

    /// <summary>A fragment is a name no other task of the plan repeats and that reads like part of a sentence.</summary>
    public bool IsFragment(string name) => IsFragment(name, Pass());

    private bool IsFragment(string name, ReviewPass pass) =>
        !knownNames.Contains(name)
        && UnitNameRules.LooksLikeSentenceFragment(name)
        && pass.TasksNaming(name) <= 1;

    /// <summary>Names whose merge into a similar known unit the office confirmed.</summary>
    public HashSet<string> ConfirmedMerges { get; } = new(StringComparer.Ordinal);

    /// <summary>Names the office keeps as new units although a known unit is similar (区市场监管局 is not 区市场局).</summary>
    public HashSet<string> KeptSeparate { get; } = new(StringComparer.Ordinal);

    public void ConfirmMerge(string name)
    {
        KeptSeparate.Remove(name);
        ConfirmedMerges.Add(name);
        decisions++;
    }

    public void KeepSeparate(string name)
    {
        ConfirmedMerges.Remove(name);
        KeptSeparate.Add(name);
        decisions++;
    }

    private int decisions;
    private readonly Dictionary<string, ((int Decisions, bool NamedOnce) Key, TaskIssue Issue)> unitIssueCache = new(StringComparer.Ordinal);

    /// <summary>Items the office removed: not tasks, not saved, no warnings. Kept to be restored and remembered on re-import.</summary>
    public List<ParsedTask> RemovedTasks { get; } = [];

    /// <summary>Items the office turned into section headings (一、总体要求): saved as headings, never as tasks.</summary>
    public List<ParsedTask> DemotedTasks { get; } = [];

    /// <summary>Takes an item out of the plan: it is not saved and counts nowhere.</summary>
    public void Remove(ParsedTask task)
    {
        if (Plan.Tasks.Remove(task))
        {
            RemovedTasks.Add(task);
        }
    }

    /// <summary>Turns an item into a section heading at its place: the tasks numbered under it become its children.</summary>
    public void Demote(ParsedTask task)
    {
        var index = Plan.Tasks.IndexOf(task);
        if (index < 0)
        {
            return;
        }

        var firstTaskOf = Plan.Sections.ToDictionary(s => s, s => FirstTaskIndex(s.Path));
        Plan.Tasks.RemoveAt(index);
        var section = new ParsedSection { Path = task.Path, Title = HeadingTitle(task) };
        var at = Plan.Sections.FindIndex(s => firstTaskOf[s] > index);
        Plan.Sections.Insert(at < 0 ? Plan.Sections.Count : at, section);
        DemotedTasks.Add(task);
    }

    /// <summary>Undoes a removal or a demotion: the item is a task again, at its place in the numbering.</summary>
    public void Restore(ParsedTask task)
    {
        if (DemotedTasks.Remove(task))
        {
            var section = Plan.Sections.FindLast(s => s.Path == task.Path);
            if (section is not null)
            {
                Plan.Sections.Remove(section);
            }
        }
        else if (!RemovedTasks.Remove(task))
        {
            return;
        }

        var place = originalOrder.GetValueOrDefault(task, int.MaxValue);
        var at = Plan.Tasks.FindIndex(t => originalOrder.GetValueOrDefault(t, int.MaxValue) > place);
        Plan.Tasks.Insert(at < 0 ? Plan.Tasks.Count : at, task);
    }

    /// <summary>What this import remembers for the next: the reading before review and the items taken out, old and new.</summary>
    public ImportSnapshot Snapshot()
    {
        var parsed = OriginalParse ?? ImportSnapshot.Copy(Plan);
        var texts = parsed.Tasks.Select(t => t.Text).ToHashSet(StringComparer.Ordinal);
        return new ImportSnapshot
        {
            Parsed = parsed,
            Removed = (CarriedOver?.Removed.Where(i => texts.Contains(i.Text)) ?? [])
                .Concat(RemovedTasks.Select(t => new SetAsideItem(t.Path, t.Text))).Distinct().ToList(),
            Demoted = (CarriedOver?.Demoted.Where(i => texts.Contains(i.Text)) ?? [])
                .Concat(DemotedTasks.Select(t => new SetAsideItem(t.Path, t.Text))).Distinct().ToList(),
        };
    }

    /// <summary>Before saving: names the office left as fragments are dropped rather than made into units.</summary>
    public void DropFragments()
    {
        var pass = Pass();
        foreach (var task in Plan.Tasks)
        {
            task.LeadUnits.RemoveAll(name => IsFragment(name, pass));
            task.SupportingUnits.RemoveAll(name => IsFragment(name, pass));
        }
    }

    private int FirstTaskIndex(string sectionPath)
    {
        var index = Plan.Tasks.FindIndex(t => t.Path.StartsWith(sectionPath + ".", StringComparison.Ordinal));
        return index < 0 ? int.MaxValue : index;
    }

    private static string HeadingTitle(ParsedTask task) =>
        string.IsNullOrWhiteSpace(task.Title) ? task.Text.Trim() : task.Title.Trim();

    public int ErrorCount => Counts().Errors;

    public int WarningCount => Counts().Warnings;

    /// <summary>Errors and warnings of the whole plan, in one pass over it.</summary>
    public (int Errors, int Warnings) Counts(ReviewPass? pass = null)
    {
        pass ??= Pass();
        var errors = 0;
        var warnings = 0;
        foreach (var task in Plan.Tasks)
        {
            foreach (var issue in IssuesFor(task, pass))
            {
                errors += issue.Level == TaskIssueLevel.Error ? 1 : 0;
                warnings += issue.Level is TaskIssueLevel.Warning or TaskIssueLevel.Suggestion ? 1 : 0;
            }
        }

        return (errors, warnings);
    }

    /// <summary>See <see cref="Pass"/>.</summary>
    public sealed class ReviewPass
    {
        private readonly ImportReview review;
        private readonly Dictionary<string, int> pathUses = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> tasksNaming = new(StringComparer.Ordinal);
        private readonly Dictionary<string, TaskIssue> unitIssues = new(StringComparer.Ordinal);

        internal ReviewPass(ImportReview review)
        {
            this.review = review;
            var namesNoUnits = true;
            foreach (var task in review.Plan.Tasks)
            {
                pathUses[task.Path] = pathUses.GetValueOrDefault(task.Path) + 1;
                foreach (var name in task.LeadUnits.Concat(task.SupportingUnits).Distinct(StringComparer.Ordinal))
                {
                    tasksNaming[name] = tasksNaming.GetValueOrDefault(name) + 1;
                    namesNoUnits = false;
                }
            }

            NamesNoUnits = namesNoUnits;
        }

        /// <summary>Whether the whole plan names no units (see <see cref="ImportReview.NamesNoUnits"/>).</summary>
        public bool NamesNoUnits { get; }

        public int PathUses(string path) => pathUses.GetValueOrDefault(path);

        public int TasksNaming(string name) => tasksNaming.GetValueOrDefault(name);

        /// <summary>The issue of a name the directory does not hold; the same for every task that names it.</summary>
        public TaskIssue UnitIssue(string name)
        {
            if (!unitIssues.TryGetValue(name, out var issue))
            {
                // Matching a name against the directory is the dear part: kept from pass to pass while what it depends on
                // (the office's merge decisions, whether one task or several name it) stays the same.
                var key = (review.decisions, TasksNaming(name) <= 1);
                if (review.unitIssueCache.TryGetValue(name, out var cached) && cached.Key == key)
                {
                    issue = cached.Issue;
                }
                else
                {
                    issue = review.UnitIssue(name, this);
                    review.unitIssueCache[name] = (key, issue);
                }

                unitIssues[name] = issue;
            }

            return issue;
        }
    }

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
/// <param name="Action">What the buttons beside the issue do.</param>
public sealed record TaskIssue(TaskIssueLevel Level, string Message, string? WrittenName = null, string? SuggestedName = null, TaskIssueAction Action = TaskIssueAction.UseSuggestion);

public enum TaskIssueAction
{
    /// <summary>采用 the suggested directory name (when there is one).</summary>
    UseSuggestion,

    /// <summary>确认并入 the similar known unit, or 作为新单位.</summary>
    ConfirmMerge,

    /// <summary>删除 the name from the task.</summary>
    RemoveName,
}

/// <summary>Where the plan under review came from, for the page to say so.</summary>
public sealed record PlanDocumentSummary(string Name, string SourceKind, string? EncodingName, string Text);

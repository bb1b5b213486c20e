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
        // The sentence-subject warning is what the 全部采用建议 box says, with the button; shown once, as the box.
        PlanWarnings = plan.Warnings.Where(w => w.Path.Length == 0 && w.Message != PlanTextParser.UnitsFromSubjects).Select(w => w.Message).ToList();
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

    /// <summary>Tasks without a lead unit whose sentences name the bodies responsible (see <see cref="ParsedTask.SuggestedLeadUnits"/>).</summary>
    public int TasksWithSuggestedUnits => Plan.Tasks.Count(HasSuggestionToAdopt);

    private static bool HasSuggestionToAdopt(ParsedTask task) => task.LeadUnits.Count == 0 && task.SuggestedLeadUnits.Count > 0;

    /// <summary>全部采用建议: every task without a lead unit takes the units its sentences name.</summary>
    public void AdoptAllSuggestedUnits()
    {
        foreach (var task in Plan.Tasks.Where(HasSuggestionToAdopt))
        {
            AdoptSuggestedUnits(task);
        }
    }

    /// <summary>The units the task's sentences name become its lead and supporting units (the reviewer's 采用建议).</summary>
    public static void AdoptSuggestedUnits(ParsedTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        task.LeadUnits = [.. task.SuggestedLeadUnits];
        task.SupportingUnits = [.. task.SuggestedSupportingUnits];
    }

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

        if (HasSuggestionToAdopt(task))
        {
            var helpers = task.SuggestedSupportingUnits.Count == 0 ? "" : $"，配合：{string.Join("、", task.SuggestedSupportingUnits)}";
            issues.Add(new TaskIssue(TaskIssueLevel.Suggestion, $"句中负责的单位：{string.Join("、", task.SuggestedLeadUnits)}{helpers}", Action: TaskIssueAction.AdoptSuggestedUnits));
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
    /// What the review says of a name the directory does not hold as written. A merge into a known unit by similarity is
    /// never silent: it is proposed once above the tasks (<see cref="UnitProposals"/>) and, until the office confirms it,
    /// the name is saved as a new unit. A sentence fragment named once is a warning, not a new unit.
    /// </summary>
    private TaskIssue UnitIssue(string name, ReviewPass pass)
    {
        var match = MatchOf(name);
        if (match is { IsSameName: true })
        {
            return new TaskIssue(TaskIssueLevel.Info, $"“{name}”即已有单位“{match.UnitName}”（写法略有不同）");
        }

        if (match is not null)
        {
            return ConfirmedMerges.ContainsKey(name)
                ? new TaskIssue(TaskIssueLevel.Info, $"“{name}”并入已有单位“{match.UnitName}”，记为其简称")
                : KeptSeparate.Contains(name)
                    ? new TaskIssue(TaskIssueLevel.Info, $"新单位“{name}”：保存时加入单位名录（不并入相近的已有单位“{match.UnitName}”）")
                    : new TaskIssue(TaskIssueLevel.Suggestion, $"“{name}”与已有单位“{match.UnitName}”相近：未确认合并前保存为新单位，请在上方“相近单位”中选择");
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

    /// <summary>The directory's best match for a name, worked out once per name: the directory does not change during a review.</summary>
    private UnitMatch? MatchOf(string name)
    {
        if (!matches.TryGetValue(name, out var match))
        {
            matches[name] = match = matcher.Match(name);
        }

        return match;
    }

    private readonly Dictionary<string, UnitMatch?> matches = new(StringComparer.Ordinal);

    /// <summary>
    /// Every name of the plan that is similar to a known unit but not its name, once, in the order the plan first names
    /// it: the merges the office may confirm. Each is a new unit unless confirmed.
    /// </summary>
    public IReadOnlyList<UnitProposal> UnitProposals(ReviewPass? pass = null)
    {
        pass ??= Pass();
        var proposals = new List<UnitProposal>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in Plan.Tasks.SelectMany(t => t.LeadUnits.Concat(t.SupportingUnits)))
        {
            if (!seen.Add(name) || knownNames.Contains(name) || name.Length > OrgUnit.MaxNameLength
                || MatchOf(name) is not { IsSameName: false } match)
            {
                continue;
            }

            var decision = ConfirmedMerges.ContainsKey(name) ? UnitMergeDecision.Merge
                : KeptSeparate.Contains(name) ? UnitMergeDecision.NewUnit
                : UnitMergeDecision.Undecided;
            proposals.Add(new UnitProposal(name, match.UnitId, match.UnitName, match.Reason, pass.TasksNaming(name), decision));
        }

        return proposals;
    }

    /// <summary>A fragment is a name no other task of the plan repeats and that reads like part of a sentence.</summary>
    public bool IsFragment(string name) => IsFragment(name, Pass());

    private bool IsFragment(string name, ReviewPass pass) =>
        !knownNames.Contains(name)
        && UnitNameRules.LooksLikeSentenceFragment(name)
        && pass.TasksNaming(name) <= 1;

    /// <summary>Names whose merge into a similar known unit the office confirmed: name as written → the unit proposed.</summary>
    public IReadOnlyDictionary<string, int> ConfirmedMerges => confirmedMerges;

    private readonly Dictionary<string, int> confirmedMerges = new(StringComparer.Ordinal);

    /// <summary>Names the office decided to keep as new units although a known unit is similar (区市场监管局 is not 区市场局).</summary>
    public HashSet<string> KeptSeparate { get; } = new(StringComparer.Ordinal);

    /// <summary>合并为已有单位: the name is saved as the similar unit proposed for it (and kept as its alias).</summary>
    public void ConfirmMerge(string name)
    {
        if (MatchOf(name) is not { IsSameName: false } match)
        {
            return;
        }

        KeptSeparate.Remove(name);
        confirmedMerges[name] = match.UnitId;
        decisions++;
    }

    /// <summary>作为新单位: what saving does anyway for an unconfirmed name, now decided so it no longer asks.</summary>
    public void KeepSeparate(string name)
    {
        confirmedMerges.Remove(name);
        KeptSeparate.Add(name);
        decisions++;
    }

    private int decisions;
    private readonly Dictionary<string, ((int Decisions, bool NamedOnce) Key, TaskIssue Issue)> unitIssueCache = new(StringComparer.Ordinal);

    /// <summary>Which task of last year's plans each task continues, as proposed; see <see cref="ContinuityProposal"/>.</summary>
    public IReadOnlyList<ContinuityProposal> ContinuityProposals { get; init; } = [];

    /// <summary>The tasks to link on saving: confirmed proposals of tasks still in the plan, task → last year's task id.</summary>
    public IReadOnlyList<(ParsedTask Task, int PreviousTaskId)> ConfirmedContinuity() =>
        [.. ContinuityProposals.Where(p => p.Links && Plan.Tasks.Contains(p.Task)).Select(p => (p.Task, p.Previous.TaskId))];

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
}

public enum TaskIssueLevel
{
    Error,
    Warning,
    Suggestion,
    Info,
}

/// <param name="WrittenName">For <see cref="TaskIssueAction.RemoveName"/>: the name as written.</param>
/// <param name="Action">What the button beside the issue does.</param>
public sealed record TaskIssue(TaskIssueLevel Level, string Message, string? WrittenName = null, TaskIssueAction Action = TaskIssueAction.None);

public enum TaskIssueAction
{
    /// <summary>No button: the issue is fixed in the task's fields (or, for a similar unit, above the tasks).</summary>
    None,

    /// <summary>删除 the name from the task.</summary>
    RemoveName,

    /// <summary>采用建议: the units the task's sentences name become its units.</summary>
    AdoptSuggestedUnits,
}

/// <summary>What the office decided for a name similar to a known unit; undecided is saved as a new unit.</summary>
public enum UnitMergeDecision
{
    Undecided,
    NewUnit,
    Merge,
}

/// <summary>
/// A name of the plan that is similar to a known unit (计划中的「区市场监管局」将视为已有单位「区市场局」?), shown once
/// above the tasks however many tasks name it.
/// </summary>
public sealed record UnitProposal(string Name, int UnitId, string UnitName, string Reason, int TaskCount, UnitMergeDecision Decision)
{
    /// <summary>Whether saving merges the name into the known unit: only when the office confirmed it.</summary>
    public bool Merges => Decision == UnitMergeDecision.Merge;
}

/// <summary>Where the plan under review came from, for the page to say so.</summary>
public sealed record PlanDocumentSummary(string Name, string SourceKind, string? EncodingName, string Text);

using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Data;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Import.Documents;
using WorkPlanTracker.Features.Units;

namespace WorkPlanTracker.Features.Import;

/// <summary>Reads a published plan, parses it, and saves it with its sections, tasks and the units it names.</summary>
public sealed class PlanImportService(
    IDbContextFactory<AppDbContext> dbFactory,
    PlanDocumentReader reader,
    PlanTextParser parser,
    TimeProvider clock)
{
    public PlanDocument Read(string fileName, Stream content) => reader.Read(fileName, content);

    /// <summary>Parses a document; refuses what is not a work plan with a message the user can act on.</summary>
    public ParsedPlan Parse(PlanDocument document, string sourceName, PlanParseOptions? options = null)
    {
        var parsed = parser.Parse(document.Text, options);
        if (parsed.Title.Contains("年度报告", StringComparison.Ordinal))
        {
            throw new ImportInputException($"“{sourceName}”是政府信息公开工作年度报告，不是工作计划：请导入工作要点、任务分工方案或任务分解表。");
        }

        if (parsed.Tasks.Count == 0)
        {
            throw new ImportInputException($"“{sourceName}”中没有找到编号的工作任务（如“一、”“（一）”“1.”）：请确认文件是工作要点或任务分工方案。");
        }

        return parsed;
    }

    /// <summary>
    /// Parses a document into a review: the plan, what the unit directory knows of its names, and an earlier version
    /// if there is one. For an earlier version the office's corrections are applied to every field the document did
    /// not change (see <see cref="ReimportMerge"/>), so the review and the list of changes show only the document's changes.
    /// </summary>
    public async Task<ImportReview> ReviewAsync(PlanDocument document, string sourceName, PlanParseOptions? options = null, CancellationToken cancellationToken = default)
    {
        var parsed = Parse(document, sourceName, options);
        var original = ImportSnapshot.Copy(parsed);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var units = await db.Units.AsNoTracking().Select(u => new UnitCandidate(u.Id, u.Name, u.Aliases)).ToListAsync(cancellationToken);
        var groups = await db.UnitGroups.AsNoTracking().Select(g => g.Name).ToListAsync(cancellationToken);
        var previous = await FindPreviousVersionAsync(parsed, cancellationToken);
        var snapshot = ImportSnapshot.FromJson(previous?.Source?.ImportSnapshot);
        if (previous is not null && snapshot is not null)
        {
            ReimportMerge.KeepOfficeCorrections(snapshot, previous, parsed);
        }

        var continuity = await ContinuityProposalsAsync(db, parsed, previous?.Id, cancellationToken);
        return new ImportReview(
            parsed,
            new PlanDocumentSummary(sourceName, document.SourceKind, document.EncodingName, document.Text),
            units,
            groups,
            previous is null ? null : PlanRevision.Compare(previous, parsed))
        {
            OriginalParse = original,
            CarriedOver = snapshot,
            ContinuityProposals = continuity,
        };
    }

    /// <summary>
    /// For each task, the task of last year's plans it most likely continues (text likeness and lead units, see
    /// <see cref="TaskContinuity"/>). A task of last year already continued by a task of another plan is not proposed
    /// again, so a task carried at year end is not linked a second time.
    /// </summary>
    private static async Task<IReadOnlyList<ContinuityProposal>> ContinuityProposalsAsync(AppDbContext db, ParsedPlan parsed, int? revisedPlanId, CancellationToken cancellationToken)
    {
        if (parsed.Year is not { } year)
        {
            return [];
        }

        var continued = db.Tasks.Where(t => t.PreviousTaskId != null && t.PlanId != revisedPlanId).Select(t => t.PreviousTaskId);
        var previous = await db.Tasks.AsNoTracking()
            .Where(t => t.Plan!.Year == year - 1 && !continued.Contains(t.Id))
            .OrderBy(t => t.PlanId).ThenBy(t => t.SortOrder)
            .Select(t => new
            {
                t.Id, t.Plan!.Year, t.Plan.Title, t.Path, TaskTitle = t.Title, t.Text, t.Ongoing,
                Leads = t.Parties.Where(p => p.Role == AssignmentRole.Lead).Select(p => p.OrgUnit != null ? p.OrgUnit.Name : p.NameAsWritten).ToList(),
                Written = t.Parties.Where(p => p.Role == AssignmentRole.Lead).Select(p => p.NameAsWritten).ToList(),
            })
            .ToListAsync(cancellationToken);
        if (previous.Count == 0)
        {
            return [];
        }

        var pairs = TaskContinuity.Pair(
            [.. parsed.Tasks.Select(t => TaskShape.Of(t.Text.Length > 0 ? t.Text : t.Title, t.LeadUnits))],
            [.. previous.Select(p => TaskShape.Of(p.Text.Length > 0 ? p.Text : p.TaskTitle, p.Leads.Concat(p.Written)))]);
        return [.. pairs.OrderBy(p => p.Task).Select(pair =>
        {
            var p = previous[pair.Previous];
            return new ContinuityProposal(
                parsed.Tasks[pair.Task],
                new PreviousYearTask(p.Id, p.Year, p.Title, p.Path, p.TaskTitle, p.Text, p.Ongoing, p.Leads),
                pair.Score);
        })];
    }

    /// <summary>Saves a reviewed plan: a new draft, or an update of the earlier version the review found.</summary>
    /// <param name="refuseErrors">The page refuses a plan with errors left (duplicate numbers, empty texts); the CLI saves it as read.</param>
    public async Task<int> CommitAsync(ImportReview review, bool refuseErrors = true, CancellationToken cancellationToken = default) =>
        (await SaveReviewAsync(review, refuseErrors, cancellationToken)).PlanId;

    /// <summary>Like <see cref="CommitAsync"/>; says for an update what changed (null for a new plan).</summary>
    public async Task<(int PlanId, PlanUpdateCounts? Update)> SaveReviewAsync(ImportReview review, bool refuseErrors = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(review);
        if (refuseErrors && review.ErrorCount > 0)
        {
            throw new ImportInputException($"还有 {review.ErrorCount} 处错误（标红的任务）需要修改后才能保存。");
        }

        review.DropFragments();
        (int PlanId, PlanUpdateCounts? Update) saved;
        if (review.Revision is { } revision)
        {
            var update = await UpdateAsync(revision.PlanId, review.Plan, review.Source.Name, review.Source.Text, review.ConfirmedMerges, cancellationToken);
            saved = (update.PlanId, update);
        }
        else
        {
            saved = ((await SaveAsync(review.Plan, review.Source.Name, review.Source.Text, review.ConfirmedMerges, cancellationToken)).Id, null);
        }

        var snapshot = review.Snapshot().ToJson();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var plan = await db.Plans.Include(p => p.Source).SingleAsync(p => p.Id == saved.PlanId, cancellationToken);
        plan.Source!.ImportSnapshot = snapshot;
        await LinkContinuedTasksAsync(db, plan.Id, review.ConfirmedContinuity(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return saved;
    }

    /// <summary>The confirmed 延续关系: each saved task takes the id of last year's task it continues, unless it has one.</summary>
    private static async Task LinkContinuedTasksAsync(AppDbContext db, int planId, IReadOnlyList<(ParsedTask Task, int PreviousTaskId)> links, CancellationToken cancellationToken)
    {
        if (links.Count == 0)
        {
            return;
        }

        var previousIds = links.Select(l => l.PreviousTaskId).ToList();
        var stillThere = (await db.Tasks.Where(t => previousIds.Contains(t.Id)).Select(t => t.Id).ToListAsync(cancellationToken)).ToHashSet();
        var tasks = await db.Tasks.Where(t => t.PlanId == planId && t.PreviousTaskId == null).ToListAsync(cancellationToken);
        var byPath = tasks.GroupBy(t => t.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var (task, previousId) in links)
        {
            if (stillThere.Contains(previousId) && byPath.TryGetValue(task.Path, out var saved))
            {
                saved.PreviousTaskId = previousId;
            }
        }
    }

    /// <summary>Saves a parsed plan as a draft, in one transaction.</summary>
    public Task<WorkPlan> SaveAsync(ParsedPlan parsed, string? sourceFileName, string sourceText, CancellationToken cancellationToken = default) =>
        SaveAsync(parsed, sourceFileName, sourceText, new Dictionary<string, int>(), cancellationToken);

    /// <param name="confirmedMerges">Names the office confirmed to be a similar known unit (name → unit id); every other similar name becomes a new unit.</param>
    public async Task<WorkPlan> SaveAsync(ParsedPlan parsed, string? sourceFileName, string sourceText, IReadOnlyDictionary<string, int> confirmedMerges, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var units = await UnitDirectory.LoadAsync(db, cancellationToken);
        units.MergeConfirmed(confirmedMerges);
        var plan = new WorkPlan();
        CopyMetadata(parsed, sourceFileName, sourceText, plan);
        var sectionsByPath = AddSections(plan, parsed.Sections);
        foreach (var (parsedTask, order) in parsed.Tasks.Select((t, i) => (t, i)))
        {
            var task = new WorkTask { SortOrder = order };
            CopyTask(parsedTask, task, units, sectionsByPath);
            plan.Tasks.Add(task);
        }

        db.Plans.Add(plan);
        await db.SaveChangesAsync(cancellationToken);
        return plan;
    }

    /// <summary>An earlier import of the same plan (same year and title), with its tasks, or null.</summary>
    public async Task<WorkPlan?> FindPreviousVersionAsync(ParsedPlan parsed, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var year = parsed.Year ?? WorkCalendar.DateOf(clock.GetUtcNow().UtcDateTime).Year;
        var id = await db.Plans.Where(p => p.Year == year && p.Title == parsed.Title)
            .OrderByDescending(p => p.Id).Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken);
        return id is { } planId ? await LoadWithTasksAsync(db, planId, cancellationToken) : null;
    }

    public async Task<PlanRevision?> CompareWithSavedAsync(int planId, ParsedPlan revised, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var saved = await LoadWithTasksAsync(db, planId, cancellationToken);
        return saved is null ? null : PlanRevision.Compare(saved, revised);
    }

    /// <summary>
    /// Applies a revised version to a saved plan: matched tasks are updated in place (their assignments and
    /// reports stay), new tasks are added, and tasks the revision dropped are deleted unless work was already
    /// assigned on them, in which case they are kept so no reported progress is lost.
    /// </summary>
    public Task<PlanUpdateCounts> UpdateAsync(int planId, ParsedPlan revised, string? sourceFileName, string sourceText, CancellationToken cancellationToken = default) =>
        UpdateAsync(planId, revised, sourceFileName, sourceText, new Dictionary<string, int>(), cancellationToken);

    /// <param name="confirmedMerges">Names the office confirmed to be a similar known unit (name → unit id); every other similar name becomes a new unit.</param>
    public async Task<PlanUpdateCounts> UpdateAsync(int planId, ParsedPlan revised, string? sourceFileName, string sourceText, IReadOnlyDictionary<string, int> confirmedMerges, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var plan = await LoadWithTasksAsync(db, planId, cancellationToken)
            ?? throw new ImportInputException($"要更新的计划（编号 {planId}）已不存在，请重新导入。");
        var revision = PlanRevision.Compare(plan, revised);
        var units = await UnitDirectory.LoadAsync(db, cancellationToken);
        units.MergeConfirmed(confirmedMerges);
        CopyMetadata(revised, sourceFileName, sourceText, plan);
        var sectionsByPath = plan.Sections.ToDictionary(s => s.Path, StringComparer.Ordinal);
        foreach (var section in revised.Sections.Where(s => !sectionsByPath.ContainsKey(s.Path)))
        {
            var added = new PlanSection { Path = section.Path, Title = section.Title, SortOrder = plan.Sections.Count, Parent = NearestSection(sectionsByPath, section.Path) };
            plan.Sections.Add(added);
            sectionsByPath[added.Path] = added;
        }

        var order = 0;
        var changed = revision.Changed.Select(c => c.Saved).ToHashSet();
        foreach (var parsedTask in revised.Tasks)
        {
            if (!revision.Matches.TryGetValue(parsedTask, out var task))
            {
                task = new WorkTask();
                plan.Tasks.Add(task);
                CopyTask(parsedTask, task, units, sectionsByPath);
            }
            else if (changed.Contains(task))
            {
                CopyTask(parsedTask, task, units, sectionsByPath);
            }

            task.SortOrder = order++;
        }

        var kept = 0;
        foreach (var removed in revision.Removed)
        {
            if (removed.Assignments.Count > 0)
            {
                removed.SortOrder = order++;
                kept++;
            }
            else
            {
                db.Tasks.Remove(removed);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return new PlanUpdateCounts(plan.Id, revision.Added.Count, revision.Changed.Count, revision.Removed.Count - kept, kept);
    }

    private static Task<WorkPlan?> LoadWithTasksAsync(AppDbContext db, int planId, CancellationToken cancellationToken) =>
        db.Plans
            .Include(p => p.Source)
            .Include(p => p.Sections)
            .Include(p => p.Tasks).ThenInclude(t => t.Parties)
            .Include(p => p.Tasks).ThenInclude(t => t.Assignments)
            .AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);

    private void CopyMetadata(ParsedPlan parsed, string? sourceFileName, string sourceText, WorkPlan plan)
    {
        plan.Year = parsed.Year ?? WorkCalendar.DateOf(clock.GetUtcNow().UtcDateTime).Year;
        plan.Title = parsed.Title;
        plan.Issuer = parsed.Issuer;
        plan.DocumentNumber = parsed.DocumentNumber;
        plan.IssuedOn = parsed.IssuedOn;
        plan.SourceFileName = sourceFileName;
        plan.Source ??= new PlanSource();
        plan.Source.Text = sourceText;
        plan.ImportedAtUtc = clock.GetUtcNow().UtcDateTime;
    }

    private static Dictionary<string, PlanSection> AddSections(WorkPlan plan, IEnumerable<ParsedSection> sections)
    {
        var sectionsByPath = new Dictionary<string, PlanSection>(StringComparer.Ordinal);
        foreach (var (parsedSection, order) in sections.Select((s, i) => (s, i)))
        {
            var section = new PlanSection
            {
                Path = parsedSection.Path,
                Title = parsedSection.Title,
                SortOrder = order,
                Parent = NearestSection(sectionsByPath, parsedSection.Path),
            };
            sectionsByPath[section.Path] = section;
            plan.Sections.Add(section);
        }

        return sectionsByPath;
    }

    private static void CopyTask(ParsedTask parsed, WorkTask task, UnitDirectory units, Dictionary<string, PlanSection> sectionsByPath)
    {
        task.Path = parsed.Path;
        // Text edited on the review page has not been through the normaliser: direction controls are dropped here too.
        task.Title = BidiControls.Strip(parsed.Title);
        task.Text = BidiControls.Strip(parsed.Text);
        task.SetDeadlineAsWritten(parsed.Deadline, parsed.DeadlineText, parsed.Ongoing);
        task.Milestones = parsed.Milestones.Select(m => new Milestone { Date = m.Date, Text = m.Text }).ToList();
        task.Section = NearestSection(sectionsByPath, parsed.Path);
        var lead = UsableUnitNames(parsed.LeadUnits);
        var supporting = UsableUnitNames(parsed.SupportingUnits);
        var names = lead.Select(n => (Name: n, Role: AssignmentRole.Lead))
            .Concat(supporting.Select(n => (Name: n, Role: AssignmentRole.Supporting)))
            .ToList();
        if (!task.Parties.OrderBy(p => p.SortOrder).Select(p => (p.NameAsWritten, p.Role)).SequenceEqual(names))
        {
            task.Parties.Clear();
            AddParties(task, units, lead, AssignmentRole.Lead);
            AddParties(task, units, supporting, AssignmentRole.Supporting);
        }
    }

    /// <summary>
    /// The names that may become parties: trimmed, without direction controls, and no longer than
    /// <see cref="OrgUnit.MaxNameLength"/> (the review warned about longer ones: they are text, not units).
    /// </summary>
    private static List<string> UsableUnitNames(IEnumerable<string> names) => names
        .Select(n => BidiControls.Strip(n).Trim())
        .Where(n => n.Length > 0 && n.Length <= OrgUnit.MaxNameLength)
        .Distinct(StringComparer.Ordinal)
        .ToList();

    private static void AddParties(WorkTask task, UnitDirectory units, IEnumerable<string> names, AssignmentRole role)
    {
        foreach (var name in names)
        {
            var (unit, group) = units.Resolve(name);
            task.Parties.Add(new TaskParty
            {
                Role = role,
                NameAsWritten = name,
                OrgUnit = unit,
                UnitGroup = group,
                SortOrder = task.Parties.Count,
            });
        }
    }

    /// <summary>The deepest section whose path is a proper prefix of <paramref name="path"/> ("一.(二)" holds "一.(二).3" and "一.(二).3#2").</summary>
    private static PlanSection? NearestSection(Dictionary<string, PlanSection> sectionsByPath, string path)
    {
        var segments = path.Split('#')[0].Split('.');
        for (var length = segments.Length - 1; length > 0; length--)
        {
            if (sectionsByPath.TryGetValue(string.Join('.', segments.Take(length)), out var section))
            {
                return section;
            }
        }

        return null;
    }
}

/// <summary>What updating a plan from a new reading of its document did, task by task.</summary>
public sealed record PlanUpdateCounts(int PlanId, int Added, int Changed, int Deleted, int KeptWithWork);

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
            throw new ImportInputException($"“{sourceName}”中没有找到编号的工作任务（如“一、”“(一)”“1.”）：请确认文件是工作要点或任务分工方案。");
        }

        return parsed;
    }

    /// <summary>Saves a parsed plan as a draft, in one transaction.</summary>
    public async Task<WorkPlan> SaveAsync(ParsedPlan parsed, string? sourceFileName, string sourceText, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var units = await UnitDirectory.LoadAsync(db, cancellationToken);
        var plan = new WorkPlan
        {
            Year = parsed.Year ?? clock.GetLocalNow().Year,
            Title = parsed.Title,
            Issuer = parsed.Issuer,
            DocumentNumber = parsed.DocumentNumber,
            IssuedOn = parsed.IssuedOn,
            SourceFileName = sourceFileName,
            SourceText = sourceText,
            ImportedAtUtc = clock.GetUtcNow().UtcDateTime,
        };

        var sectionsByPath = new Dictionary<string, PlanSection>(StringComparer.Ordinal);
        foreach (var (parsedSection, order) in parsed.Sections.Select((s, i) => (s, i)))
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

        foreach (var (parsedTask, order) in parsed.Tasks.Select((t, i) => (t, i)))
        {
            var task = new WorkTask
            {
                Path = parsedTask.Path,
                Title = parsedTask.Title,
                Text = parsedTask.Text,
                SortOrder = order,
                Deadline = parsedTask.Deadline,
                DeadlineText = parsedTask.DeadlineText,
                Ongoing = parsedTask.Ongoing,
                Milestones = parsedTask.Milestones.Select(m => new Milestone { Date = m.Date, Text = m.Text }).ToList(),
                Section = NearestSection(sectionsByPath, parsedTask.Path),
            };
            AddParties(task, units, parsedTask.LeadUnits, AssignmentRole.Lead);
            AddParties(task, units, parsedTask.SupportingUnits, AssignmentRole.Supporting);
            plan.Tasks.Add(task);
        }

        db.Plans.Add(plan);
        await db.SaveChangesAsync(cancellationToken);
        return plan;
    }

    private static void AddParties(WorkTask task, UnitDirectory units, IEnumerable<string> names, AssignmentRole role)
    {
        foreach (var name in names.Where(n => !string.IsNullOrWhiteSpace(n)).Distinct(StringComparer.Ordinal))
        {
            var (unit, group) = units.Resolve(name);
            task.Parties.Add(new TaskParty
            {
                Role = role,
                NameAsWritten = name.Trim(),
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

using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Data;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Features.Plans;

/// <summary>Reads plans for the plan pages: one context per call, nothing tracked.</summary>
public sealed class PlanQueryService(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<IReadOnlyList<PlanSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Plans
            .OrderByDescending(p => p.Year).ThenBy(p => p.Title)
            .Select(p => new PlanSummary(
                p.Id, p.Year, p.Title, p.Issuer, p.DocumentNumber, p.IssuedOn, p.Status,
                p.Tasks.Count,
                p.Tasks.Count(t => t.Ongoing),
                p.Tasks.Count(t => t.Parties.Count == 0)))
            .ToListAsync(cancellationToken);
    }

    /// <summary>How many units each task of a plan is assigned to (tasks without any are absent).</summary>
    public async Task<Dictionary<int, int>> AssignmentCountsAsync(int planId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Assignments.Where(a => a.WorkTask!.PlanId == planId)
            .GroupBy(a => a.TaskId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
    }

    /// <summary>Tags the outline's query, so a test can count how often a page visit reads it.</summary>
    public const string OutlineTag = "plan-outline";

    /// <summary>The plan with its sections and tasks in document order.</summary>
    public async Task<Outcome<PlanTree>> GetOutlineAsync(int planId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var plan = await db.Plans.AsNoTracking()
            .TagWith(OutlineTag)
            .Include(p => p.Sections)
            .Include(p => p.Tasks).ThenInclude(t => t.Parties).ThenInclude(p => p.OrgUnit)
            .Include(p => p.Tasks).ThenInclude(t => t.Parties).ThenInclude(p => p.UnitGroup)
            .AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
        return plan is null ? Refusals.PlanGone.As<PlanTree>() : Outcome.Ok(PlanTree.From(plan));
    }
}

public sealed record PlanSummary(
    int Id, int Year, string Title, string? Issuer, string? DocumentNumber, DateOnly? IssuedOn, PlanStatus Status,
    int TaskCount, int OngoingCount, int UnassignedCount);

/// <summary>A plan laid out for reading: each section's own tasks, then its sub-sections, in document order.</summary>
public sealed class PlanTree
{
    public required WorkPlan Plan { get; init; }
    public required IReadOnlyList<PlanTreeNode> Nodes { get; init; }

    /// <summary>Tasks that sit under no section (plans without headings).</summary>
    public required IReadOnlyList<WorkTask> LooseTasks { get; init; }

    public static PlanTree From(WorkPlan plan)
    {
        // Sub-tasks share their parent's place and follow it by path ("一.3" before "一.3-1").
        var tasksBySection = plan.Tasks.OrderBy(t => t.SortOrder).ThenBy(t => t.Path, StringComparer.Ordinal).ToLookup(t => t.SectionId);
        var sectionsByParent = plan.Sections.OrderBy(s => s.SortOrder).ToLookup(s => s.ParentId);

        IReadOnlyList<PlanTreeNode> Build(int? parentId, int depth) =>
            sectionsByParent[parentId]
                .Select(s => new PlanTreeNode(s, depth, tasksBySection[s.Id].ToList(), Build(s.Id, depth + 1)))
                .ToList();

        return new PlanTree { Plan = plan, Nodes = Build(null, 0), LooseTasks = tasksBySection[null].ToList() };
    }
}

public sealed record PlanTreeNode(PlanSection Section, int Depth, IReadOnlyList<WorkTask> Tasks, IReadOnlyList<PlanTreeNode> Children);

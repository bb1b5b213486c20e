using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Data;
using WorkPlanTracker.Domain;

namespace WorkPlanTracker.Features.Units;

/// <summary>Reads the unit directory with how many tasks each unit or group is named for, counted in the database.</summary>
public sealed class UnitQueryService(IDbContextFactory<AppDbContext> dbFactory)
{

    public async Task<UnitDirectoryView> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var unitCounts = await db.TaskParties
            .Where(p => p.OrgUnitId != null)
            .GroupBy(p => new { p.OrgUnitId, p.Role })
            .Select(g => new { g.Key.OrgUnitId, g.Key.Role, Tasks = g.Select(p => p.TaskId).Distinct().Count() })
            .ToListAsync(cancellationToken);
        var groupCounts = await db.TaskParties
            .Where(p => p.UnitGroupId != null)
            .GroupBy(p => new { p.UnitGroupId, p.Role })
            .Select(g => new { g.Key.UnitGroupId, g.Key.Role, Tasks = g.Select(p => p.TaskId).Distinct().Count() })
            .ToListAsync(cancellationToken);

        int Count<TKey>(IEnumerable<(TKey Key, AssignmentRole Role, int Tasks)> counts, TKey key, AssignmentRole role) =>
            counts.Where(c => EqualityComparer<TKey>.Default.Equals(c.Key, key) && c.Role == role).Sum(c => c.Tasks);

        var byUnit = unitCounts.Select(c => (c.OrgUnitId, c.Role, c.Tasks)).ToList();
        var byGroup = groupCounts.Select(c => (c.UnitGroupId, c.Role, c.Tasks)).ToList();

        var units = (await db.Units.AsNoTracking().ToListAsync(cancellationToken))
            .OrderBy(u => u.Name, ChineseOrder.Names)
            .Select(u => new UnitRow
            {
                Id = u.Id,
                Name = u.Name,
                Aliases = string.Join("、", u.Aliases),
                Kind = u.Kind,
                LeadTasks = Count(byUnit, (int?)u.Id, AssignmentRole.Lead),
                SupportingTasks = Count(byUnit, (int?)u.Id, AssignmentRole.Supporting),
            })
            .ToList();
        var groups = (await db.UnitGroups.AsNoTracking()
            .Select(g => new { g.Id, g.Name, Members = g.Members.Count })
            .ToListAsync(cancellationToken))
            .OrderBy(g => g.Name, ChineseOrder.Names);

        return new UnitDirectoryView(
            units,
            groups.Select(g => new GroupRow
            {
                Id = g.Id,
                Name = g.Name,
                MemberCount = g.Members,
                LeadTasks = Count(byGroup, (int?)g.Id, AssignmentRole.Lead),
                SupportingTasks = Count(byGroup, (int?)g.Id, AssignmentRole.Supporting),
            }).ToList());
    }
}

public sealed record UnitDirectoryView(IReadOnlyList<UnitRow> Units, IReadOnlyList<GroupRow> Groups);

public sealed class UnitRow
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string Aliases { get; set; } = "";
    public OrgUnitKind Kind { get; set; }
    public int LeadTasks { get; set; }
    public int SupportingTasks { get; set; }
}

public sealed class GroupRow
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public int MemberCount { get; set; }
    public int LeadTasks { get; set; }
    public int SupportingTasks { get; set; }
}

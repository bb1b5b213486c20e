using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Data;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Features.Units;

/// <summary>
/// What the planning office does to a unit group: choose its members from the directory, and add a unit the
/// imported plans never named so it can be chosen. Members decide where a task named to the group fans out.
/// </summary>
public sealed class UnitGroupService(IDbContextFactory<AppDbContext> dbFactory)
{
    /// <summary>The longest unit name the database holds (OrgUnitConfiguration).</summary>
    public const int MaxNameLength = 200;

    private static readonly Outcome GroupNotFound = Outcome.NotFound("找不到这个单位组，可能已被删除。");

    /// <summary>The group with its current members and every unit to choose from, in pinyin order.</summary>
    public async Task<Outcome<UnitGroupMembership>> GetAsync(int groupId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var group = await db.UnitGroups.AsNoTracking()
            .Where(g => g.Id == groupId)
            .Select(g => new { g.Id, g.Name, MemberIds = g.Members.Select(m => m.Id).ToList() })
            .SingleOrDefaultAsync(cancellationToken);
        if (group is null)
        {
            return GroupNotFound.As<UnitGroupMembership>();
        }

        var units = (await db.Units.AsNoTracking().ToListAsync(cancellationToken))
            .OrderBy(u => u.Name, ChineseOrder.Names)
            .Select(u => new UnitOption(u.Id, u.Name, u.Aliases, u.Kind))
            .ToList();
        return Outcome.Ok(new UnitGroupMembership(group.Id, group.Name, group.MemberIds.ToHashSet(), units));
    }

    /// <summary>
    /// Makes exactly these units the group's members. Ids of units that no longer exist refuse the whole save,
    /// because the person chose from a list that has since changed and should see the new one first.
    /// </summary>
    public async Task<Outcome> SetMembersAsync(int groupId, IReadOnlyCollection<int> unitIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(unitIds);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var group = await db.UnitGroups.Include(g => g.Members).SingleOrDefaultAsync(g => g.Id == groupId, cancellationToken);
        if (group is null)
        {
            return GroupNotFound;
        }

        var wanted = unitIds.ToHashSet();
        var units = await db.Units.Where(u => wanted.Contains(u.Id)).ToListAsync(cancellationToken);
        if (units.Count != wanted.Count)
        {
            return Outcome.Conflict($"有 {wanted.Count - units.Count} 个选中的单位已不存在，请刷新页面后重新选择。");
        }

        group.Members.RemoveAll(m => !wanted.Contains(m.Id));
        group.Members.AddRange(units.Where(u => group.Members.All(m => m.Id != u.Id)));
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok(units.Count == 0
            ? $"已保存：“{group.Name}”现在没有成员单位。"
            : $"已保存：“{group.Name}”共 {units.Count} 个成员单位。");
    }

    /// <summary>Adds a unit the directory lacks, giving its id; refuses names that stand for a group or that a unit already goes by.</summary>
    public async Task<Outcome<int>> AddUnitAsync(string name, OrgUnitKind kind, CancellationToken cancellationToken = default)
    {
        var trimmed = (name ?? "").Trim();
        if (trimmed.Length == 0)
        {
            return Outcome.Invalid("请填写单位名称。").As<int>();
        }

        if (trimmed.Length > MaxNameLength)
        {
            return Outcome.Invalid($"单位名称不能超过 {MaxNameLength} 个字。").As<int>();
        }

        if (!Enum.IsDefined(kind))
        {
            return Outcome.Invalid("请选择单位类型。").As<int>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (UnitNameRules.IsGroupName(trimmed) || await db.UnitGroups.AnyAsync(g => g.Name == trimmed, cancellationToken))
        {
            return Outcome.Invalid($"“{trimmed}”这是单位组名称，代表多个单位，不能作为单个单位添加。").As<int>();
        }

        // Aliases are stored as JSON, so the comparison runs here rather than in SQL; the directory is small.
        var existing = (await db.Units.AsNoTracking().ToListAsync(cancellationToken)).FirstOrDefault(u => u.IsNamed(trimmed));
        if (existing is not null)
        {
            return Outcome.Conflict(existing.Name == trimmed
                ? $"单位“{trimmed}”已存在，请在列表中勾选。"
                : $"“{trimmed}”是单位“{existing.Name}”的简称，请在列表中勾选该单位。").As<int>();
        }

        var unit = new OrgUnit { Name = trimmed, Kind = kind };
        db.Units.Add(unit);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone else added the same name between the check and the save; the unique index kept one.
            return Outcome.Conflict($"单位“{trimmed}”已存在，请刷新页面后在列表中勾选。").As<int>();
        }

        return Outcome.Ok(unit.Id, $"已添加单位“{trimmed}”，保存后加入本组。");
    }
}

/// <summary>A group being edited: who is in it now and every unit that could be.</summary>
public sealed record UnitGroupMembership(int Id, string Name, IReadOnlySet<int> MemberIds, IReadOnlyList<UnitOption> Units);

/// <summary>A unit to choose; found by its name or any alias, as people type the short name they know.</summary>
public sealed record UnitOption(int Id, string Name, IReadOnlyList<string> Aliases, OrgUnitKind Kind)
{
    public bool Matches(string filter)
    {
        var term = filter.Trim();
        return term.Length == 0
            || Name.Contains(term, StringComparison.Ordinal)
            || Aliases.Any(a => a.Contains(term, StringComparison.Ordinal));
    }
}

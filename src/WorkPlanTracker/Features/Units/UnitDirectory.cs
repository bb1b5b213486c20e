using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Data;
using WorkPlanTracker.Domain;

namespace WorkPlanTracker.Features.Units;

/// <summary>
/// The units and groups of one database context, loaded once, that turns a name as a plan writes it
/// into a known unit or group (by name, alias or a sure abbreviation match, which is then kept as an
/// alias), and adds a new one when nothing matches.
/// </summary>
public sealed class UnitDirectory
{
    private readonly AppDbContext db;
    private readonly Dictionary<string, OrgUnit> unitsByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, UnitGroup> groupsByName = new(StringComparer.Ordinal);
    private readonly Dictionary<int, OrgUnit> unitsById;
    private readonly UnitNameMatcher matcher;
    private readonly HashSet<string> keptSeparate = new(StringComparer.Ordinal);

    private UnitDirectory(AppDbContext db, IEnumerable<OrgUnit> units, IEnumerable<UnitGroup> groups)
    {
        this.db = db;
        foreach (var unit in units)
        {
            Remember(unit);
        }

        foreach (var group in groups)
        {
            groupsByName[group.Name] = group;
        }

        unitsById = unitsByName.Values.DistinctBy(u => u.Id).ToDictionary(u => u.Id);
        matcher = new UnitNameMatcher(unitsById.Values.Select(u => new UnitCandidate(u.Id, u.Name, u.Aliases)));
    }

    public static async Task<UnitDirectory> LoadAsync(AppDbContext db, CancellationToken cancellationToken = default) =>
        new(db, await db.Units.ToListAsync(cancellationToken), await db.UnitGroups.ToListAsync(cancellationToken));

    /// <summary>Names the office decided are units of their own although a known unit is similar: never merged.</summary>
    public void KeepSeparate(IEnumerable<string> names) => keptSeparate.UnionWith(names);

    /// <summary>Finds the unit or group a name stands for, adding a new one to the context when it is unknown.</summary>
    public (OrgUnit? Unit, UnitGroup? Group) Resolve(string name)
    {
        var key = name.Trim();
        if (groupsByName.TryGetValue(key, out var group))
        {
            return (null, group);
        }

        if (unitsByName.TryGetValue(key, out var unit))
        {
            return (unit, null);
        }

        if (UnitNameRules.IsGroupName(key))
        {
            group = new UnitGroup { Name = key };
            db.UnitGroups.Add(group);
            groupsByName[key] = group;
            return (null, group);
        }

        // Only a sure match (the same name but for a standard abbreviation) joins an existing unit
        // unasked; weaker ones are suggestions on the review page.
        if (!keptSeparate.Contains(key)
            && matcher.Match(key) is { Kind: UnitMatchKind.Close, Score: >= UnitNameMatcher.AutoAcceptScore } match
            && unitsById.TryGetValue(match.UnitId, out var known))
        {
            known.Aliases.Add(key);
            unitsByName[key] = known;
            return (known, null);
        }

        unit = new OrgUnit { Name = key, Kind = UnitNameRules.GuessKind(key) };
        db.Units.Add(unit);
        Remember(unit);
        return (unit, null);
    }

    private void Remember(OrgUnit unit)
    {
        unitsByName[unit.Name] = unit;
        foreach (var alias in unit.Aliases)
        {
            unitsByName.TryAdd(alias, unit);
        }
    }
}

using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Data;
using WorkPlanTracker.Domain;

namespace WorkPlanTracker.Features.Units;

/// <summary>
/// The units and groups of one database context, loaded once, that turns a name as a plan writes it
/// into a known unit or group (by name, normalised name, alias, or a similar unit the office confirmed, whose
/// name is then kept as an alias), and adds a new one otherwise: a merge by similarity is never made unasked.
/// </summary>
public sealed class UnitDirectory
{
    private readonly AppDbContext db;
    private readonly Dictionary<string, OrgUnit> unitsByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, UnitGroup> groupsByName = new(StringComparer.Ordinal);
    private readonly Dictionary<int, OrgUnit> unitsById;
    private readonly UnitNameMatcher matcher;
    private readonly Dictionary<string, int> confirmedMerges = new(StringComparer.Ordinal);

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

    /// <summary>
    /// Names the office confirmed to be a known, similar unit (name as written → that unit's id). Only these are merged
    /// by similarity; every other similar name becomes a unit of its own.
    /// </summary>
    public void MergeConfirmed(IEnumerable<KeyValuePair<string, int>> merges)
    {
        foreach (var (name, unitId) in merges)
        {
            confirmedMerges[name.Trim()] = unitId;
        }
    }

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

        if (confirmedMerges.TryGetValue(key, out var confirmedId) && unitsById.TryGetValue(confirmedId, out var confirmed))
        {
            // Remembered as an alias: the next plan that writes it so is matched without asking again.
            confirmed.Aliases.Add(key);
            unitsByName[key] = confirmed;
            return (confirmed, null);
        }

        if (matcher.Match(key) is { IsSameName: true } same && unitsById.TryGetValue(same.UnitId, out var known))
        {
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

namespace WorkPlanTracker.Domain;

/// <summary>A department, a lower-level government or an office's own division.</summary>
public class OrgUnit : IAudited
{
    /// <summary>
    /// The longest name an imported plan may add as a unit: the longest real ones (县人力资源和社会保障局 and the like)
    /// have about 20 characters, so anything much longer is a paragraph the parser mistook for a name.
    /// </summary>
    public const int MaxNameLength = 64;

    public int Id { get; set; }
    public string Name { get; set; } = "";

    /// <summary>Other names the same unit goes by (市发改委 for 市发展改革委).</summary>
    public List<string> Aliases { get; set; } = [];

    public OrgUnitKind Kind { get; set; }
    public int? ParentId { get; set; }
    public OrgUnit? Parent { get; set; }
    public List<UnitGroup> Groups { get; set; } = [];

    public bool IsNamed(string name) =>
        string.Equals(Name, name, StringComparison.Ordinal) || Aliases.Contains(name, StringComparer.Ordinal);
}

public enum OrgUnitKind
{
    Department = 0,
    Government = 1,
    Division = 2,
    Other = 3,
}

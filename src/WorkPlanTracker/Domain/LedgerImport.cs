namespace WorkPlanTracker.Domain;

/// <summary>
/// A filled-in workbook a unit imported, remembered by the SHA-256 of its bytes so the same file is not imported
/// twice (which would report every row a second time).
/// </summary>
public sealed class LedgerImport
{
    public const int HashLength = 64;

    public int Id { get; set; }

    public int OrgUnitId { get; set; }

    public OrgUnit? OrgUnit { get; set; }

    /// <summary>Lower-case hex SHA-256 of the uploaded file.</summary>
    public string ContentHash { get; set; } = "";

    public DateTime ImportedAtUtc { get; set; }

    /// <summary>Login name of the unit user who imported it.</summary>
    public string ImportedBy { get; set; } = "";

    /// <summary>How many task rows the import reported.</summary>
    public int RowCount { get; set; }
}

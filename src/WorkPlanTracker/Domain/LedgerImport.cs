namespace WorkPlanTracker.Domain;

/// <summary>
/// A filled-in workbook a unit imported, remembered by the SHA-256 of what was filled in (earlier imports: of the
/// file's bytes) so the same file, even saved again in Excel or WPS, is not imported twice (which would report every
/// row a second time).
/// </summary>
public sealed class LedgerImport
{
    public const int HashLength = 64;

    public int Id { get; set; }

    public int OrgUnitId { get; set; }

    public OrgUnit? OrgUnit { get; set; }

    /// <summary>Lower-case hex SHA-256 of the filled-in content (older rows: of the uploaded file's bytes).</summary>
    public string ContentHash { get; set; } = "";

    public DateTime ImportedAtUtc { get; set; }

    /// <summary>Login name of the unit user who imported it.</summary>
    public string ImportedBy { get; set; } = "";

    /// <summary>How many task rows the import reported.</summary>
    public int RowCount { get; set; }
}

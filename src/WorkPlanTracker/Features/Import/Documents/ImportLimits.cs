using WorkPlanTracker.Features.Uploads;

namespace WorkPlanTracker.Features.Import.Documents;

/// <summary>
/// Upper bounds for uploaded plans. Real plans are a few hundred KB; the limits exist so that a
/// mistaken or hostile upload cannot exhaust the server's memory or CPU.
/// </summary>
public static class ImportLimits
{
    public const long MaxFileBytes = 10 * 1024 * 1024;

    public const int MaxFileMegabytes = (int)(MaxFileBytes / 1024 / 1024);

    /// <summary>Pasted text is limited like a .txt file, by its UTF-8 size: a Chinese character takes three bytes.</summary>
    public const long MaxPastedChineseCharactersInTenThousands = MaxFileBytes / 3 / 10_000;

    /// <summary>Sum of all zip entries once decompressed; OOXML parts of genuine plans stay far below this.</summary>
    public const long MaxUncompressedBytes = 100 * 1024 * 1024;

    public const int MaxZipEntries = 10_000;

    /// <summary>Deflated XML rarely beats 30:1; 100:1 on a large entry is the signature of a zip bomb.</summary>
    public const double MaxCompressionRatio = 100;

    /// <summary>Small entries may compress extremely well (repeated styles) without being dangerous.</summary>
    public const long CompressionRatioCheckMinBytes = 1024 * 1024;

    /// <summary>Highest row number a task workbook may use: generous for any real task table, and bounds what ClosedXML builds.</summary>
    public const int MaxSheetRows = 20_000;

    /// <summary>Cells in all sheets of a task workbook together.</summary>
    public const int MaxCells = 100_000;

    /// <summary>Checking a genuine file takes milliseconds; a hostile one is refused within this.</summary>
    public static readonly TimeSpan TimeBudget = TimeSpan.FromSeconds(2);
}

/// <summary>
/// The limits one <see cref="PlanDocumentReader"/> enforces; defaults to <see cref="ImportLimits"/>.
/// Exists so tests (and a stricter deployment) can lower them without producing huge inputs.
/// </summary>
public sealed record PlanDocumentReaderOptions
{
    public long MaxFileBytes { get; init; } = ImportLimits.MaxFileBytes;
    public long MaxUncompressedBytes { get; init; } = ImportLimits.MaxUncompressedBytes;
    public int MaxZipEntries { get; init; } = ImportLimits.MaxZipEntries;
    public double MaxCompressionRatio { get; init; } = ImportLimits.MaxCompressionRatio;
    public long CompressionRatioCheckMinBytes { get; init; } = ImportLimits.CompressionRatioCheckMinBytes;
    public int MaxSheetRows { get; init; } = ImportLimits.MaxSheetRows;
    public int MaxCells { get; init; } = ImportLimits.MaxCells;
    public TimeSpan TimeBudget { get; init; } = ImportLimits.TimeBudget;

    internal OfficePackageLimits PackageLimits => new()
    {
        MaxUncompressedBytes = MaxUncompressedBytes,
        MaxEntries = MaxZipEntries,
        MaxCompressionRatio = MaxCompressionRatio,
        CompressionRatioCheckMinBytes = CompressionRatioCheckMinBytes,
        MaxSheetRows = MaxSheetRows,
        MaxCells = MaxCells,
        TimeBudget = TimeBudget,
    };
}

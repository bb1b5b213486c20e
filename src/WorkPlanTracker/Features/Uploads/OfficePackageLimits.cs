namespace WorkPlanTracker.Features.Uploads;

/// <summary>
/// How much an uploaded Office file (.docx, .xlsx: a zip of XML parts) may ask of the server before any Office
/// library opens it. Genuine plans and fill-in workbooks stay far below every figure; the limits exist so that a
/// mistaken or hostile file (a zip bomb, a sheet of a million rows) is refused in a moment instead of filling
/// the server's memory.
/// </summary>
public sealed record OfficePackageLimits
{
    /// <summary>Sum of all entries once decompressed.</summary>
    public long MaxUncompressedBytes { get; init; } = 100 * 1024 * 1024;

    public int MaxEntries { get; init; } = 10_000;

    /// <summary>Deflated XML rarely beats 30:1; 100:1 on a large entry is the signature of a zip bomb.</summary>
    public double MaxCompressionRatio { get; init; } = 100;

    /// <summary>Small entries may compress extremely well (repeated styles) without being dangerous.</summary>
    public long CompressionRatioCheckMinBytes { get; init; } = 1024 * 1024;

    /// <summary>The highest row number any worksheet may use (ClosedXML builds every row up to the last one read).</summary>
    public int MaxSheetRows { get; init; } = 20_000;

    /// <summary>Cells in all worksheets together.</summary>
    public int MaxCells { get; init; } = 100_000;

    /// <summary>Excel itself stops a cell at 32,767 characters; a longer one was not made by Excel.</summary>
    public int MaxCellCharacters { get; init; } = 32_767;

    /// <summary>The shared-strings part, where a workbook keeps the text of its cells.</summary>
    public long MaxSharedStringsBytes { get; init; } = 20 * 1024 * 1024;

    /// <summary>Checking a genuine file takes milliseconds; one that takes longer is refused rather than waited for.</summary>
    public TimeSpan TimeBudget { get; init; } = TimeSpan.FromSeconds(2);
}

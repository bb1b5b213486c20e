namespace WorkPlanTracker.Features.Import.Documents;

/// <summary>
/// Upper bounds for uploaded plans. Real plans are a few hundred KB; the limits exist so that a
/// mistaken or hostile upload cannot exhaust the server's memory or CPU.
/// </summary>
public static class ImportLimits
{
    public const long MaxFileBytes = 10 * 1024 * 1024;

    /// <summary>Sum of all zip entries once decompressed; OOXML parts of genuine plans stay far below this.</summary>
    public const long MaxUncompressedBytes = 100 * 1024 * 1024;

    public const int MaxZipEntries = 10_000;

    /// <summary>Deflated XML rarely beats 30:1; 100:1 on a large entry is the signature of a zip bomb.</summary>
    public const double MaxCompressionRatio = 100;

    /// <summary>Small entries may compress extremely well (repeated styles) without being dangerous.</summary>
    public const long CompressionRatioCheckMinBytes = 1024 * 1024;
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
}

using WorkPlanTracker.Features.Uploads;

namespace WorkPlanTracker.Features.Import.Documents;

internal enum OfficePackageKind
{
    Other,
    Docx,
    Xlsx,
}

/// <summary>
/// Looks inside a ZIP before any Office library touches it: tells a Word document from a workbook, after
/// <see cref="OfficePackageGuard"/> has refused zip bombs, lying headers, oversized sheets and anything that
/// takes longer than the time budget. Damaged entries are found here too, where the message can be clear,
/// rather than deep inside the Office libraries.
/// </summary>
internal sealed class OfficePackageInspector
{
    private readonly OfficePackageLimits limits;

    public OfficePackageInspector(PlanDocumentReaderOptions options)
    {
        limits = options.PackageLimits;
    }

    public OfficePackageKind Inspect(MemoryStream content, string fileName, CancellationToken cancellationToken = default)
    {
        IReadOnlySet<string> names;
        try
        {
            names = OfficePackageGuard.Check(content, limits, cancellationToken);
        }
        catch (OfficePackageRefusedException e)
        {
            throw e.Problem switch
            {
                OfficePackageProblem.Corrupt => ImportInputMessages.CorruptZip(fileName, e),
                OfficePackageProblem.Oversized => ImportInputMessages.ZipBomb(fileName),
                _ => ImportInputMessages.PackageRefused(fileName, e),
            };
        }

        if (names.Contains("word/document.xml"))
        {
            return OfficePackageKind.Docx;
        }

        return names.Contains("xl/workbook.xml") ? OfficePackageKind.Xlsx : OfficePackageKind.Other;
    }
}

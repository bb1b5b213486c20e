using System.ComponentModel.DataAnnotations;

namespace WorkPlanTracker.Features.Import.Documents;

/// <summary>
/// Settings of the file formats that need more than the built-in readers: PDF limits and the LibreOffice
/// used to convert old .doc/.wps/.xls/.et files. Bound from the "Import" section.
/// </summary>
public sealed class ImportOptions
{
    public const string Section = "Import";

    /// <summary>The LibreOffice executable: a name looked up on PATH, or a full path. Old Word/WPS/Excel files are refused with advice when it cannot be started.</summary>
    [Required]
    public string LibreOfficePath { get; set; } = "soffice";

    /// <summary>How long one conversion may take before LibreOffice is stopped; a first start of LibreOffice takes a few seconds.</summary>
    [Range(1, 600)]
    public int ConversionTimeoutSeconds { get; set; } = 60;

    /// <summary>Plans run to a few dozen pages; a PDF beyond this is a compilation or a mistake.</summary>
    [Range(1, 10_000)]
    public int MaxPdfPages { get; set; } = 300;

    /// <summary>Reading the text of a PDF stops after this long, so a pathological file cannot hold a server thread.</summary>
    [Range(1, 600)]
    public int PdfTimeBudgetSeconds { get; set; } = 20;
}

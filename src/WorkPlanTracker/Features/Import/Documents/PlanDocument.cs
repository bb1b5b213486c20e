namespace WorkPlanTracker.Features.Import.Documents;

/// <summary>
/// A plan reduced to plain text, one paragraph (or table row) per line, ready for the text parser.
/// </summary>
public sealed class PlanDocument
{
    public string Text { get; init; } = "";

    /// <summary>"text", "html", "docx", "xlsx", "pdf", "doc" or "xls": what the content turned out to be, not what its name claimed.</summary>
    public string SourceKind { get; init; } = PlanSourceKinds.Text;

    /// <summary>For text and HTML files: "UTF-8", "UTF-16" or "GB18030"; null for pasted text and Office files.</summary>
    public string? EncodingName { get; init; }
}

public static class PlanSourceKinds
{
    public const string Text = "text";
    public const string Html = "html";
    public const string Docx = "docx";
    public const string Xlsx = "xlsx";
    public const string Pdf = "pdf";

    /// <summary>A .doc or .wps file converted to .docx by LibreOffice.</summary>
    public const string LegacyWord = "doc";

    /// <summary>An .xls or .et file converted to .xlsx by LibreOffice.</summary>
    public const string LegacyExcel = "xls";
}

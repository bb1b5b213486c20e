namespace WorkPlanTracker.Features.Import.Documents;

/// <summary>
/// A plan reduced to plain text, one paragraph (or table row) per line, ready for the text parser.
/// </summary>
public sealed class PlanDocument
{
    public string Text { get; init; } = "";

    /// <summary>"text", "html", "docx" or "xlsx": what the content turned out to be, not what its name claimed.</summary>
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
}

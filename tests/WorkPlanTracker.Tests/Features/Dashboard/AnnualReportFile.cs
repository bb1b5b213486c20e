using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WorkPlanTracker.Features.Dashboard;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Tests.Features.Dashboard;

/// <summary>A written draft opened again with DocumentFormat.OpenXml; <see cref="Text"/> is its paragraphs, one a line.</summary>
internal sealed class AnnualReportFile : IDisposable
{
    private AnnualReportFile(WordprocessingDocument document)
    {
        Document = document;
        Text = string.Join("\n", Paragraphs.Select(p => p.InnerText));
    }

    public WordprocessingDocument Document { get; }

    public string Text { get; }

    private IEnumerable<Paragraph> Paragraphs => Document.MainDocumentPart!.Document.Body!.Elements<Paragraph>();

    public static async Task<AnnualReportFile> WriteAsync(SeededDatabase database, Actor actor)
    {
        var draft = (await database.Get<AnnualReportService>().DraftAsync(actor, 2024)).Value;
        return new AnnualReportFile(WordprocessingDocument.Open(new MemoryStream(AnnualReportDocument.Write(draft)), isEditable: false));
    }

    /// <summary>The style of the one paragraph reading <paramref name="text"/>.</summary>
    public string? StyleOf(string text) => Paragraphs.Single(p => p.InnerText == text).ParagraphProperties?.ParagraphStyleId?.Val?.Value;

    public void Dispose() => Document.Dispose();
}

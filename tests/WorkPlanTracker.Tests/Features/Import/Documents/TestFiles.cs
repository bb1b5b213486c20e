using System.IO.Compression;
using System.Text;

namespace WorkPlanTracker.Tests.Features.Import.Documents;

using ClosedXML.Excel;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WorkPlanTracker.Features.Import.Documents;

/// <summary>Builds the input files the reader tests need, in memory, the way Word and Excel would write them.</summary>
internal static class TestFiles
{
    public static PlanDocument Read(string fileName, byte[] bytes, PlanDocumentReaderOptions? options = null) =>
        new PlanDocumentReader(options ?? new PlanDocumentReaderOptions()).Read(fileName, new MemoryStream(bytes));

    public static ImportInputException Refused(string fileName, byte[] bytes, PlanDocumentReaderOptions? options = null) =>
        Assert.Throws<ImportInputException>(() => Read(fileName, bytes, options));

    public static string[] Lines(PlanDocument document) => document.Text.Split('\n');

    public static byte[] Docx(Action<Body> fill, Action<MainDocumentPart>? configure = null)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body());
            configure?.Invoke(main);
            fill(main.Document.Body!);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    public static Paragraph Para(params string[] runs) =>
        new(runs.Select(r => new Run(new Text(r) { Space = SpaceProcessingModeValues.Preserve })));

    public static Paragraph Numbered(string text, int numId, int level)
    {
        var paragraph = Para(text);
        paragraph.PrependChild(new ParagraphProperties(new NumberingProperties(
            new NumberingLevelReference { Val = level },
            new NumberingId { Val = numId })));
        return paragraph;
    }

    public static TableCell Cell(string text, int gridSpan = 1, MergedCellValues? verticalMerge = null, bool continueMerge = false)
    {
        var properties = new TableCellProperties();
        if (gridSpan > 1)
        {
            properties.Append(new GridSpan { Val = gridSpan });
        }

        if (verticalMerge is { } merge)
        {
            properties.Append(new VerticalMerge { Val = merge });
        }
        else if (continueMerge)
        {
            // Word writes <w:vMerge/> without a value for continued cells.
            properties.Append(new VerticalMerge());
        }

        var cell = new TableCell(properties);
        var lines = text.Split('\n');
        foreach (var line in lines)
        {
            cell.Append(line.Length == 0 ? new Paragraph() : Para(line));
        }

        return cell;
    }

    public static TableRow Row(params TableCell[] cells) => new(cells);

    public static Table Table(params TableRow[] rows)
    {
        var table = new Table(new TableProperties(new TableBorders()));
        table.Append(rows);
        return table;
    }

    public static byte[] Xlsx(Action<XLWorkbook> fill)
    {
        using var workbook = new XLWorkbook();
        fill(workbook);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>Copies a package, replacing or adding entries — for corrupting files the way a hostile sender would.</summary>
    public static byte[] RewriteZip(byte[] package, IReadOnlyDictionary<string, string> replacements, Action<ZipArchive>? addEntries = null)
    {
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                var copy = target.CreateEntry(entry.FullName);
                using var writer = copy.Open();
                if (replacements.TryGetValue(entry.FullName, out var replacement))
                {
                    writer.Write(Encoding.UTF8.GetBytes(replacement));
                }
                else
                {
                    using var reader = entry.Open();
                    reader.CopyTo(writer);
                }
            }

            addEntries?.Invoke(target);
        }

        return output.ToArray();
    }

    /// <summary>Writes <paramref name="bytes"/> zeros into a new entry in chunks, so a huge entry costs only a small buffer.</summary>
    public static void AddZeros(ZipArchive archive, string name, long bytes)
    {
        var entry = archive.CreateEntry(name, CompressionLevel.Optimal);
        using var stream = entry.Open();
        var chunk = new byte[64 * 1024];
        for (long written = 0; written < bytes; written += chunk.Length)
        {
            stream.Write(chunk, 0, (int)Math.Min(chunk.Length, bytes - written));
        }
    }

    public static byte[] SimpleDocx(string text) => Docx(body => body.Append(Para(text)));
}

/// <summary>A stream that claims to be huge and fails if anyone actually reads it.</summary>
internal sealed class HugeUnreadableStream(long length) : Stream
{
    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length => length;
    public override long Position { get; set; }

    public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException("The reader should refuse by Length before reading.");
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>A forward-only stream (like a network upload) that does not know its length.</summary>
internal sealed class ForwardOnlyStream(byte[] data) : Stream
{
    private readonly MemoryStream inner = new(data);

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}

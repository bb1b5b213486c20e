using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace WorkPlanTracker.Tests.Features.Uploads;

/// <summary>
/// Hostile .xlsx files, made in the test (never committed): the package is a valid workbook's skeleton around one
/// hostile part, small on disk and enormous once read.
/// </summary>
internal static class HostileWorkbooks
{
    private const string SheetPart = "xl/worksheets/sheet1.xml";
    private const string SheetStart = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""";
    private const string SheetEnd = "</sheetData></worksheet>";

    /// <summary>A sheet using every one of Excel's 1,048,576 rows, one number each.</summary>
    public static byte[] MillionRows() => Build(sheet =>
    {
        Write(sheet, SheetStart);
        var row = new StringBuilder();
        for (var r = 1; r <= 1_048_576; r++)
        {
            row.Append("<row r=\"").Append(r).Append("\"><c r=\"A").Append(r).Append("\"><v>1</v></c></row>");
            if (row.Length > 60_000)
            {
                Write(sheet, row.ToString());
                row.Clear();
            }
        }

        Write(sheet, row.ToString());
        Write(sheet, SheetEnd);
    });

    /// <summary>One shared string of <paramref name="spaces"/> spaces: a few hundred KB that decompress to many MB.</summary>
    public static byte[] SpacesInSharedStrings(long spaces) => Build(
        sheet => Write(sheet, SheetStart + """<row r="1"><c r="A1" t="s"><v>0</v></c></row>""" + SheetEnd),
        sharedStrings =>
        {
            Write(sharedStrings, """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t xml:space="preserve">""");
            WriteSpaces(sharedStrings, spaces);
            Write(sharedStrings, "</t></si></sst>");
        });

    /// <summary>One inline-string cell of <paramref name="spaces"/> spaces.</summary>
    public static byte[] SpacesInCell(long spaces) => Build(sheet =>
    {
        Write(sheet, SheetStart + """<row r="1"><c r="A1" t="inlineStr"><is><t xml:space="preserve">""");
        WriteSpaces(sheet, spaces);
        Write(sheet, "</t></is></c></row>" + SheetEnd);
    });

    /// <summary>A cell longer than Excel allows, of text that does not compress much (no zip bomb, just too long).</summary>
    public static byte[] LongCell(int characters) => Build(sheet =>
    {
        var random = new Random(15);
        var text = new StringBuilder(characters);
        for (var i = 0; i < characters; i++)
        {
            text.Append((char)random.Next(0x4e00, 0x9fa5));
        }

        Write(sheet, SheetStart + """<row r="1"><c r="A1" t="inlineStr"><is><t>""" + text + "</t></is></c></row>" + SheetEnd);
    });

    /// <summary>
    /// A sheet of <paramref name="spaces"/> spaces whose zip headers (local and central) claim it holds only
    /// <paramref name="declaredBytes"/>: a reader that trusts the header is misled about what it will get.
    /// </summary>
    public static byte[] LyingHeader(long spaces, uint declaredBytes)
    {
        var bytes = SpacesInCell(spaces);
        var name = Encoding.ASCII.GetBytes(SheetPart);
        var patched = 0;
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 3 && bytes[i + 3] == 4 && NameAt(i + 30, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(i + 26))))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 22), declaredBytes);
                patched++;
            }
            else if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 1 && bytes[i + 3] == 2 && NameAt(i + 46, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(i + 28))))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 24), declaredBytes);
                patched++;
            }
        }

        return patched == 2 ? bytes : throw new InvalidOperationException($"patched {patched} headers instead of 2");

        bool NameAt(int offset, int length) => length == name.Length && offset + length <= bytes.Length && bytes.AsSpan(offset, length).SequenceEqual(name);
    }

    public static byte[] Build(Action<Stream> writeSheet, Action<Stream>? writeSharedStrings = null)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>""");
            Add(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Add(zip, "xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="进展填报" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Add(zip, "xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>""");
            using (var sheet = zip.CreateEntry(SheetPart, CompressionLevel.Optimal).Open())
            {
                writeSheet(sheet);
            }

            using var sharedStrings = zip.CreateEntry("xl/sharedStrings.xml", CompressionLevel.Optimal).Open();
            if (writeSharedStrings is null)
            {
                Write(sharedStrings, """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>""");
            }
            else
            {
                writeSharedStrings(sharedStrings);
            }
        }

        return buffer.ToArray();
    }

    private static void Add(ZipArchive zip, string name, string content)
    {
        using var stream = zip.CreateEntry(name).Open();
        Write(stream, content);
    }

    private static void Write(Stream stream, string text) => stream.Write(Encoding.UTF8.GetBytes(text));

    private static void WriteSpaces(Stream stream, long count)
    {
        var chunk = new byte[1024 * 1024];
        chunk.AsSpan().Fill((byte)' ');
        for (var left = count; left > 0; left -= chunk.Length)
        {
            stream.Write(chunk, 0, (int)Math.Min(left, chunk.Length));
        }
    }
}

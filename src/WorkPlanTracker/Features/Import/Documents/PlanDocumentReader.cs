namespace WorkPlanTracker.Features.Import.Documents;

/// <summary>
/// Front door of the importer: turns an uploaded file or pasted text into the plain text the plan
/// parser reads. The kind of file is decided by its content (magic bytes, then markup), with the
/// extension only as a hint, because files downloaded from government sites are often misnamed.
/// Everything a user can get wrong ends in an <see cref="ImportInputException"/> whose message
/// says what to do; nothing else escapes for bad input.
/// </summary>
public sealed class PlanDocumentReader
{
    private static readonly string[] TextExtensions = [".txt", ".text", ".md", ".markdown"];
    private static readonly string[] HtmlExtensions = [".html", ".htm", ".shtml", ".xhtml"];
    private static readonly string[] LegacyWordExtensions = [".doc", ".wps", ".dot"];
    private static readonly string[] LegacyExcelExtensions = [".xls", ".et", ".xlt"];

    private readonly PlanDocumentReaderOptions options;
    private readonly OfficePackageInspector inspector;
    private readonly ImportOptions formats;
    private readonly LegacyOfficeConverter converter;

    public PlanDocumentReader()
        : this(new PlanDocumentReaderOptions())
    {
    }

    public PlanDocumentReader(PlanDocumentReaderOptions options)
        : this(options, new ImportOptions())
    {
    }

    public PlanDocumentReader(PlanDocumentReaderOptions options, ImportOptions formats)
        : this(options, formats, new LegacyOfficeConverter(formats))
    {
    }

    public PlanDocumentReader(PlanDocumentReaderOptions options, ImportOptions formats, LegacyOfficeConverter converter)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(formats);
        ArgumentNullException.ThrowIfNull(converter);
        this.options = options;
        this.formats = formats;
        this.converter = converter;
        inspector = new OfficePackageInspector(options);
    }

    /// <summary>Reads an uploaded file. <paramref name="fileName"/> is the name the user chose; a path is cut to its last part.</summary>
    /// <exception cref="ImportInputException">The file cannot be imported; the message is meant for the user.</exception>
    public PlanDocument Read(string fileName, Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var name = DisplayName(fileName);
        var extension = Path.GetExtension(name).ToLowerInvariant();

        using var buffer = ReadLimited(name, content);
        if (buffer.Length == 0)
        {
            throw ImportInputMessages.Empty(name);
        }

        var bytes = new ReadOnlySpan<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
        if (LegacyWordExtensions.Contains(extension) || LegacyExcelExtensions.Contains(extension))
        {
            return ReadLegacyOffice(name, extension, bytes);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        {
            // Password-protected .docx/.xlsx are OLE containers too, so the name decides which advice fits.
            throw extension switch
            {
                ".docx" or ".xlsx" or "" => ImportInputMessages.EncryptedOrLegacy(name),
                _ => ImportInputMessages.Unsupported(name),
            };
        }

        if (bytes.StartsWith("%PDF"u8) || (extension == ".pdf" && bytes[..Math.Min(bytes.Length, 1024)].IndexOf("%PDF"u8) >= 0))
        {
            var text = PdfPlanReader.Read(name, new ReadOnlyMemory<byte>(buffer.GetBuffer(), 0, (int)buffer.Length), formats);
            return new PlanDocument { Text = text, SourceKind = PlanSourceKinds.Pdf };
        }

        if (extension == ".pdf")
        {
            throw ImportInputMessages.PdfCorrupt(name);
        }

        if (bytes.StartsWith(@"{\rtf"u8))
        {
            throw ImportInputMessages.Rtf(name);
        }

        if (bytes.StartsWith("PK\x03\x04"u8) || bytes.StartsWith("PK\x05\x06"u8))
        {
            return ReadPackage(name, extension, buffer);
        }

        return ReadText(name, extension, bytes);
    }

    /// <summary>Reads text pasted into the import box. Pasted web page source is read as HTML.</summary>
    /// <exception cref="ImportInputException">Nothing was pasted, or far too much.</exception>
    public PlanDocument ReadPastedText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Limited like a .txt file of the same text, by its UTF-8 size (counted without encoding a huge text).
        if (text.Length > options.MaxFileBytes || System.Text.Encoding.UTF8.GetByteCount(text) > options.MaxFileBytes)
        {
            throw ImportInputMessages.PastedTooLong(options.MaxFileBytes);
        }

        if (HtmlPlanReader.LooksLikeHtml(text))
        {
            var html = HtmlPlanReader.Read(text);
            return html.Length == 0
                ? throw ImportInputMessages.PastedEmpty()
                : new PlanDocument { Text = html, SourceKind = PlanSourceKinds.Html };
        }

        var plain = PlanText.FromText(text);
        return plain.Length == 0
            ? throw ImportInputMessages.PastedEmpty()
            : new PlanDocument { Text = plain, SourceKind = PlanSourceKinds.Text };
    }

    /// <summary>
    /// Old Word/WPS and Excel/WPS files go through LibreOffice and then the .docx/.xlsx readers. A .docx saved
    /// under an old name is read directly, as its content says what it is.
    /// </summary>
    private PlanDocument ReadLegacyOffice(string name, string extension, ReadOnlySpan<byte> bytes)
    {
        var excel = LegacyExcelExtensions.Contains(extension);
        if (bytes.StartsWith("PK\x03\x04"u8))
        {
            using var package = new MemoryStream(bytes.ToArray());
            return ReadPackage(name, excel ? ".xlsx" : ".docx", package);
        }

        var converted = converter.Convert(name, bytes, excel);
        using var buffer = new MemoryStream(converted);
        var document = ReadPackage(name, excel ? ".xlsx" : ".docx", buffer);
        return new PlanDocument { Text = document.Text, SourceKind = excel ? PlanSourceKinds.LegacyExcel : PlanSourceKinds.LegacyWord };
    }

    private PlanDocument ReadPackage(string name, string extension, MemoryStream buffer)
    {
        var kind = inspector.Inspect(buffer, name);
        switch (kind)
        {
            case OfficePackageKind.Docx when extension is ".docx" or "":
                return ReadOffice(name, buffer, PlanSourceKinds.Docx, DocxPlanReader.Read);
            case OfficePackageKind.Xlsx when extension is ".xlsx" or "":
                return ReadOffice(name, buffer, PlanSourceKinds.Xlsx, XlsxPlanReader.Read);
            case OfficePackageKind.Docx when extension is ".xlsx" or ".txt" or ".html" or ".htm":
                throw ImportInputMessages.ExtensionMismatch(name, extension, " Word 文档（.docx）", ".docx");
            case OfficePackageKind.Xlsx when extension is ".docx" or ".txt" or ".html" or ".htm":
                throw ImportInputMessages.ExtensionMismatch(name, extension, " Excel 表格（.xlsx）", ".xlsx");
            default:
                throw ImportInputMessages.Unsupported(name);
        }
    }

    private static PlanDocument ReadOffice(string name, MemoryStream buffer, string sourceKind, Func<Stream, string> read)
    {
        string text;
        try
        {
            buffer.Position = 0;
            text = read(buffer);
        }
        catch (ImportInputException)
        {
            throw;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Broken XML, a prohibited DTD, missing parts, bad relationships: the user's remedy is the same.
            throw sourceKind == PlanSourceKinds.Docx
                ? ImportInputMessages.CorruptPackage(name, " Word 文档", ".docx", ex)
                : ImportInputMessages.CorruptPackage(name, " Excel 表格", ".xlsx", ex);
        }

        return text.Length == 0
            ? throw ImportInputMessages.NoContent(name)
            : new PlanDocument { Text = text, SourceKind = sourceKind };
    }

    private static PlanDocument ReadText(string name, string extension, ReadOnlySpan<byte> bytes)
    {
        var isHtmlName = HtmlExtensions.Contains(extension);
        if (!isHtmlName && !TextExtensions.Contains(extension) && extension.Length > 0 && extension != ".docx" && extension != ".xlsx")
        {
            throw ImportInputMessages.Unsupported(name);
        }

        var decoded = TextFileDecoder.Decode(bytes, name);
        var isHtml = isHtmlName || HtmlPlanReader.LooksLikeHtml(decoded.Text);
        if (extension is ".docx" or ".xlsx")
        {
            // Some systems export "Word" files that are really web pages or text; the user must know what they have.
            throw isHtml
                ? ImportInputMessages.ExtensionMismatch(name, extension, "网页（HTML）", ".html")
                : ImportInputMessages.ExtensionMismatch(name, extension, "纯文本", ".txt");
        }

        if (isHtml)
        {
            var html = HtmlPlanReader.Read(decoded.Text);
            return html.Length == 0
                ? throw ImportInputMessages.NoContent(name)
                : new PlanDocument { Text = html, SourceKind = PlanSourceKinds.Html, EncodingName = decoded.EncodingName };
        }

        var text = PlanText.FromText(decoded.Text);
        return text.Length == 0
            ? throw ImportInputMessages.Empty(name)
            : new PlanDocument { Text = text, SourceKind = PlanSourceKinds.Text, EncodingName = decoded.EncodingName };
    }

    private MemoryStream ReadLimited(string name, Stream content)
    {
        long? remaining = null;
        if (content.CanSeek)
        {
            remaining = content.Length - content.Position;
            if (remaining > options.MaxFileBytes)
            {
                throw ImportInputMessages.TooBig(name, options.MaxFileBytes, remaining);
            }
        }

        var buffer = new MemoryStream(remaining is { } known ? (int)Math.Clamp(known, 0, int.MaxValue) : 81920);
        var chunk = new byte[81920];
        int read;
        while ((read = content.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > options.MaxFileBytes)
            {
                buffer.Dispose();
                throw ImportInputMessages.TooBig(name, options.MaxFileBytes, null);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer;
    }

    /// <summary>Browsers may send "C:\fakepath\计划.docx"; the user knows the file by its last part.</summary>
    private static string DisplayName(string? fileName)
    {
        if (string.IsNullOrWhiteSpace(fileName))
        {
            return "未命名文件";
        }

        var trimmed = fileName.Trim();
        var cut = trimmed.LastIndexOfAny(['/', '\\']);
        return cut >= 0 && cut < trimmed.Length - 1 ? trimmed[(cut + 1)..] : trimmed;
    }
}

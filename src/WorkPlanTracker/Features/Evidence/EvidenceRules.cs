using System.Globalization;
using System.IO.Compression;
using WorkPlanTracker.Domain;

namespace WorkPlanTracker.Features.Evidence;

/// <summary>
/// One file a unit chose to upload with a report, as the browser sent it (name as given, bytes as read): either
/// in memory (tests, small callers) or, from the report form, in a temporary file of the circuit's
/// <see cref="Uploads.UploadScratchSpace"/>, so that chosen-but-not-sent files do not sit in server memory.
/// </summary>
public sealed class EvidenceUpload
{
    private readonly byte[]? content;

    public EvidenceUpload(string fileName, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        FileName = fileName;
        this.content = content;
        SizeBytes = content.LongLength;
    }

    private EvidenceUpload(string fileName, string temporaryPath)
    {
        FileName = fileName;
        TemporaryPath = temporaryPath;
        SizeBytes = new FileInfo(temporaryPath).Length;
    }

    /// <summary>A file already written to disk; <see cref="Discard"/> deletes it.</summary>
    public static EvidenceUpload OnDisk(string fileName, string temporaryPath) => new(fileName, temporaryPath);

    public string FileName { get; }

    public long SizeBytes { get; }

    /// <summary>Where the bytes wait on disk; null for an in-memory upload.</summary>
    public string? TemporaryPath { get; }

    public Stream OpenRead() => content is not null
        ? new MemoryStream(content, writable: false)
        : new FileStream(TemporaryPath!, FileMode.Open, FileAccess.Read, FileShare.Read);

    /// <summary>The first bytes, for the signature checks.</summary>
    public byte[] ReadHead(int count)
    {
        using var stream = OpenRead();
        var head = new byte[(int)Math.Min(count, SizeBytes)];
        stream.ReadExactly(head);
        return head;
    }

    /// <summary>Deletes the temporary file (a removed, refused or sent upload); nothing for an in-memory one.</summary>
    public void Discard()
    {
        if (TemporaryPath is null)
        {
            return;
        }

        try
        {
            File.Delete(TemporaryPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The circuit's scratch folder is deleted as a whole when it ends.
        }
    }
}

/// <summary>
/// What may be uploaded as 佐证材料. A type is accepted only when the extension is on the list AND the first bytes
/// (or, for zip-based formats, the package's main part) say the same, so a renamed .exe is refused. The content
/// type served later is decided here, never taken from the browser. Archives (.zip, .rar) are refused: their
/// contents cannot be checked, and reviewers should be able to open every file directly.
/// </summary>
public static class EvidenceRules
{
    public const long MaxFileBytes = 20 * 1024 * 1024;
    public const int MaxFilesPerReport = 5;
    public const string AllowedTypesText = "PDF、Word（.doc/.docx）、Excel（.xls/.xlsx）、OFD、JPG、PNG";

    /// <summary>The value for an &lt;input type=file accept&gt;; only a hint to the browser, the server checks again.</summary>
    public static string AcceptAttribute => string.Join(",", Kinds.Keys);

    public static string LimitsText => $"单个文件不超过 {FormatSize(MaxFileBytes)}，每次最多 {MaxFilesPerReport} 个；支持 {AllowedTypesText}。";

    private static readonly byte[] CompoundFileSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegSignature = [0xFF, 0xD8, 0xFF];

    private static readonly Dictionary<string, FileKind> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = new("application/pdf", "PDF", c => c.ReadHead(8).AsSpan().StartsWith("%PDF-"u8)),
        [".doc"] = new("application/msword", "Word", c => c.ReadHead(8).AsSpan().StartsWith(CompoundFileSignature)),
        [".docx"] = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word", c => ZipHasPart(c, "word/document.xml")),
        [".xls"] = new("application/vnd.ms-excel", "Excel", c => c.ReadHead(8).AsSpan().StartsWith(CompoundFileSignature)),
        [".xlsx"] = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel", c => ZipHasPart(c, "xl/workbook.xml")),

        // GB/T 33190: an OFD document is a zip package whose entry file OFD.xml sits at the root.
        [".ofd"] = new("application/ofd", "OFD", c => ZipHasPart(c, "OFD.xml")),
        [".jpg"] = new("image/jpeg", "JPG", c => c.ReadHead(8).AsSpan().StartsWith(JpegSignature)),
        [".jpeg"] = new("image/jpeg", "JPG", c => c.ReadHead(8).AsSpan().StartsWith(JpegSignature)),
        [".png"] = new("image/png", "PNG", c => c.ReadHead(8).AsSpan().StartsWith(PngSignature)),
    };

    private static readonly HashSet<string> Archives = new(StringComparer.OrdinalIgnoreCase) { ".zip", ".rar", ".7z", ".tar", ".gz" };

    /// <summary>
    /// The name to keep and show: without any folder part a browser or a hostile client may send, without control
    /// characters, and without direction controls (a right-to-left override would make "报告[U+202E]fdp.exe" read as "报告exe.pdf").
    /// </summary>
    public static string DisplayName(string fileName)
    {
        var lastPart = fileName[(fileName.LastIndexOfAny(['/', '\\']) + 1)..];
        return new string(lastPart.Where(ch => !char.IsControl(ch) && !BidiControls.IsBidiControl(ch)).ToArray()).Trim();
    }

    /// <summary>Why this set of files cannot be uploaded with one report, in words for the unit; null when it can.</summary>
    public static string? WhyRefused(IReadOnlyCollection<EvidenceUpload> files)
    {
        if (files.Count > MaxFilesPerReport)
        {
            return $"每次报送最多上传 {MaxFilesPerReport} 个佐证材料文件，本次选择了 {files.Count} 个。";
        }

        return files.Select(WhyRefused).FirstOrDefault(reason => reason is not null);
    }

    /// <summary>Why this one file cannot be uploaded, naming the file and the rule; null when it can.</summary>
    public static string? WhyRefused(EvidenceUpload file)
    {
        var name = DisplayName(file.FileName);
        if (name.Length == 0)
        {
            return "有一个文件没有文件名，请重命名后再上传。";
        }

        if (name.Length > EvidenceFile.MaxFileNameLength)
        {
            return $"文件「{name[..20]}…」的文件名过长，不能超过 {EvidenceFile.MaxFileNameLength} 个字。";
        }

        var extension = Path.GetExtension(name);
        if (!Kinds.TryGetValue(extension, out var kind))
        {
            return Archives.Contains(extension)
                ? $"「{name}」是压缩包，不能上传。请解压后逐个上传，可上传 {AllowedTypesText}。"
                : $"「{name}」的文件类型不能上传。可上传 {AllowedTypesText}。";
        }

        if (file.SizeBytes == 0)
        {
            return $"「{name}」是空文件，请检查后重新选择。";
        }

        if (WhyTooLarge(name, file.SizeBytes) is { } tooLarge)
        {
            return tooLarge;
        }

        return kind.Matches(file)
            ? null
            : $"「{name}」的内容不是真正的 {kind.Label} 文件（可能改过扩展名或已损坏），请上传原始文件。";
    }

    /// <summary>Checks the size alone, so a page can refuse a huge file before reading it from the browser.</summary>
    public static string? WhyTooLarge(string fileName, long sizeBytes) => sizeBytes > MaxFileBytes
        ? $"「{DisplayName(fileName)}」有 {FormatSize(sizeBytes)}，超过了单个文件 {FormatSize(MaxFileBytes)} 的上限。"
        : null;

    /// <summary>The content type to serve an accepted file with.</summary>
    public static string ContentTypeOf(string fileName) => Kinds[Path.GetExtension(DisplayName(fileName))].ContentType;

    /// <summary>File sizes the way people read them: 512 B, 350 KB, 1.2 MB.</summary>
    public static string FormatSize(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, (int)Math.Round(bytes / 1024.0))} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.#} MB"),
    };

    // Reads only the zip's central directory (names), never decompresses, so a zip bomb costs nothing here.
    private static bool ZipHasPart(EvidenceUpload upload, string partName)
    {
        try
        {
            using var archive = new ZipArchive(upload.OpenRead(), ZipArchiveMode.Read);
            return archive.Entries.Any(e => string.Equals(e.FullName.TrimStart('/'), partName, StringComparison.OrdinalIgnoreCase));
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    private sealed record FileKind(string ContentType, string Label, Func<EvidenceUpload, bool> Matches);
}

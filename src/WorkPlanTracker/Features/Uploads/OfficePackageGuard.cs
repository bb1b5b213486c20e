using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace WorkPlanTracker.Features.Uploads;

/// <summary>
/// Looks inside an Office file (a zip of XML parts) before any Office library touches it, and refuses what would
/// exhaust the server. The central directory's declared sizes are checked first (cheap), then every entry is
/// decompressed once and thrown away under a running budget, because the declared sizes can lie: an entry that
/// yields more than it declared, or more than the ratio and total allow, is refused as soon as it does. XML parts
/// are read with a streaming reader on the way: a worksheet may not use a row number, a cell count or a cell text
/// beyond the limits, and the shared strings may not grow beyond theirs. All of it runs under a time budget.
/// Parts are recognised by their root element, not by their name, since the package's relationships may point
/// anywhere. Real files decompress to a few MB, so the check costs milliseconds.
/// </summary>
public static class OfficePackageGuard
{
    private static readonly XmlReaderSettings XmlSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        CloseInput = false,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        MaxCharactersFromEntities = 1024,
    };

    /// <summary>
    /// Checks the package and returns the names of its entries (without a leading slash).
    /// <paramref name="content"/> must be seekable; its position is put back at the start.
    /// </summary>
    /// <exception cref="OfficePackageRefusedException">The file is not a readable zip, or it breaks a limit or the time budget.</exception>
    public static IReadOnlySet<string> Check(Stream content, OfficePackageLimits limits, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(limits);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limits.TimeBudget);
        content.Position = 0;
        try
        {
            using var archive = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var entries = archive.Entries;
            if (entries.Count > limits.MaxEntries)
            {
                throw new OfficePackageRefusedException(OfficePackageProblem.Oversized,
                    $"压缩包中有 {entries.Count} 个部件，超过了 {limits.MaxEntries} 个的上限");
            }

            CheckDeclaredSizes(entries, limits);
            var budget = new RunningBudget(limits, timeout.Token);
            foreach (var entry in entries)
            {
                timeout.Token.ThrowIfCancellationRequested();
                using var stream = new GuardedEntryStream(entry, budget);
                ReadXmlPart(stream, budget);
                stream.ReadToEnd();
            }

            return entries.Select(e => e.FullName.TrimStart('/')).ToHashSet(StringComparer.OrdinalIgnoreCase);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw TooSlow(limits);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException or XmlException)
        {
            // Unsupported compression methods (e.g. Deflate64 or encryption) cannot be opened by the Office libraries either.
            throw new OfficePackageRefusedException(OfficePackageProblem.Corrupt, "压缩包结构无效或已损坏", e);
        }
        finally
        {
            content.Position = 0;
        }
    }

    private static void CheckDeclaredSizes(IReadOnlyCollection<ZipArchiveEntry> entries, OfficePackageLimits limits)
    {
        long total = 0;
        foreach (var entry in entries)
        {
            total += entry.Length;
            if (total > limits.MaxUncompressedBytes || RunningBudget.IsSuspiciousRatio(limits, entry.Length, entry.CompressedLength))
            {
                throw OfficePackageRefusedException.Bomb();
            }
        }
    }

    /// <summary>Walks an XML part; worksheets and shared strings are counted, other parts only decompressed.</summary>
    private static void ReadXmlPart(GuardedEntryStream stream, RunningBudget budget)
    {
        XmlReader reader;
        try
        {
            reader = XmlReader.Create(stream, XmlSettings);
            if (reader.MoveToContent() != XmlNodeType.Element)
            {
                reader.Dispose();
                return;
            }
        }
        catch (Exception e) when (e is XmlException or ArgumentException)
        {
            // Not XML (an image, an embedded object): its bytes are still counted by the caller's ReadToEnd.
            return;
        }

        using (reader)
        {
            switch (reader.LocalName)
            {
                case "worksheet" or "dialogsheet":
                    ReadWorksheet(reader, budget);
                    break;
                case "sst":
                    stream.EntryLimit = budget.Limits.MaxSharedStringsBytes;
                    ReadSharedStrings(reader, budget);
                    break;
            }
        }
    }

    private static void ReadWorksheet(XmlReader reader, RunningBudget budget)
    {
        var lastRow = 0;
        var chars = new char[4096];
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element when reader.LocalName == "row":
                    lastRow = RowNumberOf(reader.GetAttribute("r")) ?? lastRow + 1;
                    budget.CheckRow(lastRow);
                    break;
                case XmlNodeType.Element when reader.LocalName == "c":
                    budget.CountCell();
                    if (CellRowOf(reader.GetAttribute("r")) is { } cellRow)
                    {
                        budget.CheckRow(cellRow);
                    }

                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    budget.CheckText(reader, chars);
                    break;
            }
        }
    }

    private static void ReadSharedStrings(XmlReader reader, RunningBudget budget)
    {
        var chars = new char[4096];
        while (reader.Read())
        {
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
            {
                budget.CheckText(reader, chars);
            }
        }
    }

    private static int? RowNumberOf(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var row) ? row : null;

    /// <summary>"AB1048576" → 1048576.</summary>
    private static int? CellRowOf(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var digits = reference.AsSpan().TrimStart("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz$");
        return int.TryParse(digits.TrimStart('$'), NumberStyles.None, CultureInfo.InvariantCulture, out var row) ? row : null;
    }

    /// <summary>What the whole package has used so far.</summary>
    private static OfficePackageRefusedException TooSlow(OfficePackageLimits limits) =>
        new(OfficePackageProblem.TooSlow, $"在 {limits.TimeBudget.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} 秒内未能检查完毕，内容异常复杂");

    private sealed class RunningBudget(OfficePackageLimits limits, CancellationToken cancellationToken)
    {
        // Also measured here, not only by the token's timer: on a busy machine the timer's callback can come late.
        private readonly long started = System.Diagnostics.Stopwatch.GetTimestamp();
        private long totalBytes;
        private int cells;

        public OfficePackageLimits Limits => limits;

        public CancellationToken CancellationToken => cancellationToken;

        public static bool IsSuspiciousRatio(OfficePackageLimits limits, long uncompressed, long compressed) =>
            uncompressed > limits.CompressionRatioCheckMinBytes
            && uncompressed > limits.MaxCompressionRatio * Math.Max(compressed, 1);

        public void AddBytes(int count)
        {
            if (System.Diagnostics.Stopwatch.GetElapsedTime(started) > limits.TimeBudget)
            {
                throw TooSlow(limits);
            }

            totalBytes += count;
            if (totalBytes > limits.MaxUncompressedBytes)
            {
                throw OfficePackageRefusedException.Bomb();
            }
        }

        public void CheckRow(int row)
        {
            if (row > limits.MaxSheetRows)
            {
                throw new OfficePackageRefusedException(OfficePackageProblem.TooManyRows,
                    $"工作表用到了第 {row} 行，超过了 {limits.MaxSheetRows} 行的上限（请删除表格末尾多余的行）");
            }
        }

        public void CountCell()
        {
            if (++cells > limits.MaxCells)
            {
                throw new OfficePackageRefusedException(OfficePackageProblem.TooManyCells,
                    $"工作表中的单元格超过了 {limits.MaxCells} 个的上限（请删除与填报无关的内容）");
            }
        }

        /// <summary>Counts a text node in chunks, so a hostile cell is refused without being held as one string.</summary>
        public void CheckText(XmlReader reader, char[] buffer)
        {
            if (!reader.CanReadValueChunk)
            {
                Check(reader.Value.Length);
                return;
            }

            var length = 0;
            int read;
            while ((read = reader.ReadValueChunk(buffer, 0, buffer.Length)) > 0)
            {
                length += read;
                Check(length);
            }

            void Check(int characters)
            {
                if (characters > limits.MaxCellCharacters)
                {
                    throw new OfficePackageRefusedException(OfficePackageProblem.CellTooLong,
                        $"有单元格的内容超过了 {limits.MaxCellCharacters} 个字符（Excel 单元格的上限）");
                }
            }
        }
    }

    /// <summary>One entry's decompressed bytes, counted against its declared size, the ratio, its own cap and the package's total.</summary>
    private sealed class GuardedEntryStream(ZipArchiveEntry entry, RunningBudget budget) : Stream
    {
        private readonly Stream inner = entry.Open();
        private long read;

        public long? EntryLimit { get; set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => read;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            budget.CancellationToken.ThrowIfCancellationRequested();
            var count = inner.Read(buffer);
            read += count;
            budget.AddBytes(count);
            if (read > entry.Length)
            {
                // The header promised less than the entry holds: nothing else it says can be trusted either.
                throw OfficePackageRefusedException.Bomb();
            }

            if (RunningBudget.IsSuspiciousRatio(budget.Limits, read, entry.CompressedLength))
            {
                throw OfficePackageRefusedException.Bomb();
            }

            if (read > EntryLimit)
            {
                throw new OfficePackageRefusedException(OfficePackageProblem.Oversized,
                    $"其中的文字部分超过了 {EntryLimit / 1024 / 1024} MB 的上限");
            }

            return count;
        }

        public void ReadToEnd()
        {
            var buffer = new byte[81920];
            while (Read(buffer, 0, buffer.Length) > 0)
            {
            }

            if (read != entry.Length)
            {
                throw new OfficePackageRefusedException(OfficePackageProblem.Corrupt, "压缩包中部件的实际大小与声明的不符，可能已损坏");
            }
        }

        public override void Flush()
        {
        }

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
}

public enum OfficePackageProblem
{
    Corrupt,
    Oversized,
    TooManyRows,
    TooManyCells,
    CellTooLong,
    TooSlow,
}

/// <summary>The package was refused; <see cref="Exception.Message"/> is a Chinese clause saying why, for the caller to put into its own sentence.</summary>
public sealed class OfficePackageRefusedException : Exception
{
    public OfficePackageRefusedException()
    {
    }

    public OfficePackageRefusedException(string message)
        : base(message)
    {
    }

    public OfficePackageRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public OfficePackageRefusedException(OfficePackageProblem problem, string reason, Exception? innerException = null)
        : base(reason, innerException)
    {
        Problem = problem;
    }

    public OfficePackageProblem Problem { get; }

    internal static OfficePackageRefusedException Bomb() =>
        new(OfficePackageProblem.Oversized, "解压后的内容异常庞大，可能已损坏或被恶意构造");
}

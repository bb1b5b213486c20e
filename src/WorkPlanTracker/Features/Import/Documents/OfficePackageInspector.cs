using System.IO.Compression;

namespace WorkPlanTracker.Features.Import.Documents;

internal enum OfficePackageKind
{
    Other,
    Docx,
    Xlsx,
}

/// <summary>
/// Looks inside a ZIP before any Office library touches it: tells a Word document from a workbook,
/// and refuses zip bombs. Every entry is also decompressed once (and thrown away) under a running
/// budget: that does not trust the declared sizes (today's ZipArchive stops at them, but the check
/// should not depend on it), and it finds damaged entries here, where the message can be clear,
/// rather than deep inside the Office libraries. Real plans decompress to a few MB, so this is cheap.
/// </summary>
internal sealed class OfficePackageInspector
{
    private readonly PlanDocumentReaderOptions options;

    public OfficePackageInspector(PlanDocumentReaderOptions options)
    {
        this.options = options;
    }

    public OfficePackageKind Inspect(MemoryStream content, string fileName)
    {
        content.Position = 0;
        try
        {
            using var archive = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var entries = archive.Entries;
            if (entries.Count > options.MaxZipEntries)
            {
                throw ImportInputMessages.ZipBomb(fileName);
            }

            CheckDeclaredSizes(entries, fileName);
            CheckActualSizes(entries, fileName);

            var names = entries.Select(e => e.FullName.TrimStart('/')).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (names.Contains("word/document.xml"))
            {
                return OfficePackageKind.Docx;
            }

            return names.Contains("xl/workbook.xml") ? OfficePackageKind.Xlsx : OfficePackageKind.Other;
        }
        catch (InvalidDataException ex)
        {
            throw ImportInputMessages.CorruptZip(fileName, ex);
        }
        catch (IOException ex)
        {
            throw ImportInputMessages.CorruptZip(fileName, ex);
        }
        catch (NotSupportedException ex)
        {
            // Unsupported compression methods (e.g. Deflate64 or encryption) cannot be opened by the Office libraries either.
            throw ImportInputMessages.CorruptZip(fileName, ex);
        }
        finally
        {
            content.Position = 0;
        }
    }

    private void CheckDeclaredSizes(IReadOnlyCollection<ZipArchiveEntry> entries, string fileName)
    {
        long total = 0;
        foreach (var entry in entries)
        {
            total += entry.Length;
            if (total > options.MaxUncompressedBytes || IsSuspiciousRatio(entry.Length, entry.CompressedLength))
            {
                throw ImportInputMessages.ZipBomb(fileName);
            }
        }
    }

    private void CheckActualSizes(IReadOnlyCollection<ZipArchiveEntry> entries, string fileName)
    {
        var buffer = new byte[81920];
        long total = 0;
        foreach (var entry in entries)
        {
            long entryTotal = 0;
            using var stream = entry.Open();
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                entryTotal += read;
                total += read;
                if (total > options.MaxUncompressedBytes || IsSuspiciousRatio(entryTotal, entry.CompressedLength))
                {
                    throw ImportInputMessages.ZipBomb(fileName);
                }
            }
        }
    }

    private bool IsSuspiciousRatio(long uncompressed, long compressed) =>
        uncompressed > options.CompressionRatioCheckMinBytes
        && uncompressed > options.MaxCompressionRatio * Math.Max(compressed, 1);
}

using System.Diagnostics;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Exceptions;

namespace WorkPlanTracker.Features.Import.Documents;

/// <summary>
/// Reads the text layer of a PDF in reading order (PdfPig's content-order extractor; <c>page.Text</c> runs words
/// together) and rebuilds the paragraphs with <see cref="PdfPageText"/>. A scan has no text layer and an
/// encrypted file cannot be opened: both are refused with what to do instead.
/// </summary>
public static class PdfPlanReader
{
    private static readonly ContentOrderTextExtractor.Options ExtractorOptions = new()
    {
        ReplaceWhitespaceWithSpace = true,
    };

    /// <exception cref="ImportInputException">Encrypted, damaged, a scan, or beyond the page or time limits.</exception>
    public static string Read(string fileName, ReadOnlyMemory<byte> content, ImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var budget = TimeSpan.FromSeconds(options.PdfTimeBudgetSeconds);
        try
        {
            using var document = PdfDocument.Open(content, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            if (document.NumberOfPages > options.MaxPdfPages)
            {
                throw ImportInputMessages.PdfTooManyPages(fileName, document.NumberOfPages, options.MaxPdfPages);
            }

            var pages = new List<string>(document.NumberOfPages);
            var images = 0;
            for (var number = 1; number <= document.NumberOfPages; number++)
            {
                if (clock.Elapsed > budget)
                {
                    throw ImportInputMessages.PdfTooSlow(fileName, options.PdfTimeBudgetSeconds);
                }

                var page = document.GetPage(number);
                pages.Add(ContentOrderTextExtractor.GetText(page, ExtractorOptions));
                if (pages[^1].Trim().Length == 0)
                {
                    images += page.NumberOfImages;
                }
            }

            var text = PdfPageText.Join(pages);
            if (text.Count(char.IsLetterOrDigit) < 10)
            {
                throw images > 0 || pages.Count > 0
                    ? ImportInputMessages.PdfWithoutText(fileName)
                    : ImportInputMessages.NoContent(fileName);
            }

            return text;
        }
        catch (ImportInputException)
        {
            throw;
        }
        catch (PdfDocumentEncryptedException ex)
        {
            throw ImportInputMessages.PdfEncrypted(fileName, ex);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // PdfPig reports damage through many exception types (format, tokenizer, invalid casts, missing objects).
            throw ImportInputMessages.PdfCorrupt(fileName, ex);
        }
    }
}

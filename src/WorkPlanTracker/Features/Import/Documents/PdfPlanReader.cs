using System.Diagnostics;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;

namespace WorkPlanTracker.Features.Import.Documents;

/// <summary>
/// Reads the text layer of a PDF in reading order (PdfPig's content-order extractor; <c>page.Text</c> runs words
/// together) and rebuilds the paragraphs with <see cref="PdfPageText"/>. Ruled tables are read cell by cell
/// (<see cref="PdfTableFinder"/>), joined over the pages they run across (<see cref="PdfJoinedTable"/>) and written
/// as the Word reader writes them (<see cref="TableLineFormatter"/>), so a 任务分解表 reads the same from either.
/// A scan has no text layer and an encrypted file cannot be opened: both are refused with what to do instead.
/// </summary>
public static class PdfPlanReader
{
    /// <summary>Lines at the top and the foot of a page that can be furniture (a page number, a running header).</summary>
    private const int FurnitureLines = 2;

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

            var pages = new List<PdfPageLayout>(document.NumberOfPages);
            var images = 0;
            for (var number = 1; number <= document.NumberOfPages; number++)
            {
                if (clock.Elapsed > budget)
                {
                    throw ImportInputMessages.PdfTooSlow(fileName, options.PdfTimeBudgetSeconds);
                }

                var page = document.GetPage(number);
                pages.Add(PdfPageLayout.Read(page));
                if (pages[^1].IsEmpty)
                {
                    images += page.NumberOfImages;
                }
            }

            var text = PdfPageText.Join(Lines(pages));
            if (text.Count(char.IsLetterOrDigit) < 10)
            {
                throw images > 0 || pages.Count > 0
                    ? ImportInputMessages.PdfWithoutText(fileName)
                    : ImportInputMessages.NoContent(fileName);
            }

            if (LooksGarbled(text))
            {
                throw ImportInputMessages.PdfTextGarbled(fileName);
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

    /// <summary>
    /// True when most of the text is neither Chinese nor plain ASCII: a font embedded without its Unicode mapping gives
    /// its raw codes, read as Latin-1 letters (¸Ê¹«), private-use or control characters. Parsing that would only say
    /// that no numbered task was found, which sends the user looking in the wrong place.
    /// </summary>
    internal static bool LooksGarbled(string text)
    {
        var seen = 0;
        var odd = 0;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            seen++;
            if (!IsPlausible(c))
            {
                odd++;
            }
        }

        return seen >= 40 && odd * 10 > seen * 3;
    }

    private static bool IsPlausible(char c) =>
        c is >= ' ' and <= '~'
            or >= '\u2e80' and <= '\u2fdf' // radicals, folded later
            or >= '\u3000' and <= '\u303f' // CJK punctuation
            or >= '\u3400' and <= '\u4dbf' or >= '\u4e00' and <= '\u9fff' or >= '\uf900' and <= '\ufaff'
            or >= '\uff00' and <= '\uffef' // full-width forms
            or >= '\u2010' and <= '\u206f' // dashes, quotes, ellipsis
            or >= '\u2150' and <= '\u24ff' // Roman numerals, circled numbers
            or >= '\u25a0' and <= '\u25ff' // squares and circles used as bullets
            or '·' or '×' or '÷' or '°' or '±' or '§' or '№'
        || char.IsLetter(c) && c is < '\u0080' or > '\u024f' and < '\ue000'; // other scripts (Cyrillic, kana, Hangul)

    /// <summary>Each page's lines, with every table written once, where it starts.</summary>
    private static List<List<PdfLine>> Lines(List<PdfPageLayout> pages)
    {
        var starts = new Dictionary<PdfTablePart, PdfJoinedTable>(ReferenceEqualityComparer.Instance);
        if (pages.All(p => p.Tables.Count == 0))
        {
            return pages.Select(page => PageLines(page, starts)).ToList();
        }

        var isFurniture = Furniture(pages);
        PdfJoinedTable? open = null;
        for (var p = 0; p < pages.Count; p++)
        {
            var tables = pages[p].Tables;
            for (var t = 0; t < tables.Count; t++)
            {
                // Between the parts of one table stand only a page number and running headers; a title ("附件2 …")
                // starts another table, however like the first its columns are.
                var continues = open is not null && t == 0 && pages[p].ProseAbove(tables[t]).All(isFurniture) && open.IsContinuedBy(tables[t]);
                if (continues)
                {
                    open!.Append(tables[t]);
                }
                else
                {
                    open = new PdfJoinedTable(tables[t]);
                    starts[tables[t]] = open;
                }
            }

            // Only a table that reaches the foot of its page can run on to the next one.
            if (open is not null && (tables.Count == 0 || !pages[p].ProseBelow(tables[^1]).All(isFurniture)))
            {
                open = null;
            }
        }

        return pages.Select(page => PageLines(page, starts)).ToList();
    }

    /// <summary>Page numbers, and lines standing at the top or foot of more than one page.</summary>
    private static Func<string, bool> Furniture(List<PdfPageLayout> pages)
    {
        var pagesByKey = pages
            .SelectMany((page, p) => page.EdgeLines(FurnitureLines).Select(line => (Key: PdfPageText.Key(PdfPageText.ProseLine(line).Text), Page: p)))
            .GroupBy(e => e.Key)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Page).Distinct().Count(), StringComparer.Ordinal);
        return line =>
        {
            var text = PdfPageText.ProseLine(line).Text;
            return PdfPageText.IsPageNumber(text) || pagesByKey.GetValueOrDefault(PdfPageText.Key(text)) >= 2;
        };
    }

    private static List<PdfLine> PageLines(PdfPageLayout page, Dictionary<PdfTablePart, PdfJoinedTable> starts)
    {
        if (page.PlainText is { } text)
        {
            return PdfPageText.Prose(text);
        }

        var lines = new List<PdfLine>();
        var tables = new Queue<PdfTablePart>(page.Tables);
        foreach (var prose in page.Prose)
        {
            while (tables.Count > 0 && prose.Baseline < tables.Peek().Top)
            {
                AddTable(tables.Dequeue(), starts, lines);
            }

            lines.Add(PdfPageText.ProseLine(prose.Text));
        }

        while (tables.Count > 0)
        {
            AddTable(tables.Dequeue(), starts, lines);
        }

        return lines;
    }

    private static void AddTable(PdfTablePart part, Dictionary<PdfTablePart, PdfJoinedTable> starts, List<PdfLine> lines)
    {
        if (starts.TryGetValue(part, out var table))
        {
            lines.AddRange(TableLineFormatter.Format(table.ToGrid()).SelectMany(l => l.Split('\n')).Select(PlanText.TrimLine).Where(l => l.Length > 0).Select(l => new PdfLine(l, IsTableRow: true)));
        }
    }
}

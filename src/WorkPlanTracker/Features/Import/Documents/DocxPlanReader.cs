using System.Text;

namespace WorkPlanTracker.Features.Import.Documents;

// Inside the namespace so that these libraries' short names (Text, Table, Level ...) win over any
// type of the same name the application may add to an enclosing WorkPlanTracker namespace.
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

/// <summary>
/// Reads the body of a Word document in reading order: each paragraph one line (with its Word
/// auto-number recreated where <see cref="WordListNumbering"/> can), each table through
/// <see cref="TableLineFormatter"/>. Headers, footers, footnotes, text boxes and tracked deletions
/// are left out: they hold page numbers, letterheads and drafts, not the plan.
/// </summary>
internal static class DocxPlanReader
{
    /// <summary>Returns the document text (empty when it has none). Throws whatever the OpenXml SDK throws for a broken package.</summary>
    public static string Read(Stream content)
    {
        // OpenXml's XML readers prohibit DTDs, so an external entity in a part is never resolved; it surfaces as an exception.
        using var document = WordprocessingDocument.Open(content, isEditable: false, new OpenSettings { AutoSave = false });
        var mainPart = document.MainDocumentPart ?? throw new InvalidDataException("The package has no main document part.");
        var body = mainPart.Document?.Body;
        if (body is null)
        {
            return "";
        }

        var numbering = new WordListNumbering(mainPart);
        var lines = new List<string>();
        WriteBlocks(body, numbering, lines, inCell: false);
        return PlanText.FromLines(lines);
    }

    private static void WriteBlocks(OpenXmlElement container, WordListNumbering numbering, List<string> lines, bool inCell)
    {
        foreach (var block in container.ChildElements)
        {
            switch (block)
            {
                case Paragraph paragraph:
                    lines.Add(ParagraphText(paragraph, numbering, inCell));
                    break;
                case Table table:
                    lines.AddRange(TableLineFormatter.Format(BuildGrid(table, numbering)));
                    break;
                case SdtBlock sdt when sdt.SdtContentBlock is { } sdtContent:
                    WriteBlocks(sdtContent, numbering, lines, inCell);
                    break;
                case CustomXmlBlock customXml:
                    WriteBlocks(customXml, numbering, lines, inCell);
                    break;
            }
        }
    }

    private static string ParagraphText(Paragraph paragraph, WordListNumbering numbering, bool inCell)
    {
        var builder = new StringBuilder();
        AppendInline(paragraph, builder);
        var text = builder.ToString();
        var prefix = numbering.Prefix(paragraph);
        if (prefix.Length == 0)
        {
            return text;
        }

        // An empty numbered paragraph in the body is a stray line, but in a table it is the usual
        // auto-numbered 序号 cell, whose number is the cell's whole content.
        if (text.Trim().Length == 0)
        {
            return inCell ? prefix : text;
        }

        return prefix + text.TrimStart();
    }

    private static void AppendInline(OpenXmlElement element, StringBuilder builder)
    {
        foreach (var child in element.ChildElements)
        {
            switch (child)
            {
                case Text text:
                    builder.Append(text.Text);
                    break;
                case TabChar or PositionalTab:
                    builder.Append(' ');
                    break;
                case Break or CarriageReturn:
                    builder.Append('\n');
                    break;
                case NoBreakHyphen:
                    builder.Append('-');
                    break;
                // Drawings and text boxes (often a red-header seal or page decoration), field instructions,
                // moved-away and deleted text, and properties contribute nothing a reader sees in the flow.
                case Drawing or Picture or EmbeddedObject or AlternateContent or FieldCode or DeletedText
                    or MoveFromRun or DeletedRun or ParagraphProperties or RunProperties:
                    break;
                default:
                    AppendInline(child, builder);
                    break;
            }
        }
    }

    private static TableGrid BuildGrid(Table table, WordListNumbering numbering)
    {
        var builder = new TableGridBuilder();
        var r = 0;
        foreach (var row in Rows(table))
        {
            var column = row.TableRowProperties?.GetFirstChild<GridBefore>()?.Val?.Value ?? 0;
            foreach (var cell in Cells(row))
            {
                var properties = cell.TableCellProperties;
                var span = Math.Max(properties?.GridSpan?.Val?.Value ?? 1, 1);
                var merge = properties?.VerticalMerge;
                if (merge is not null && (merge.Val is null || merge.Val.Value == MergedCellValues.Continue))
                {
                    builder.ContinueFromAbove(r, column, span);
                }
                else
                {
                    var cellLines = new List<string>();
                    WriteBlocks(cell, numbering, cellLines, inCell: true);
                    var text = string.Join('\n', cellLines.SelectMany(PlanText.SplitLines));
                    builder.Place(r, column, 1, span, text, cell.Descendants<Table>().Any());
                }

                column += span;
            }

            r++;
        }

        return builder.Build();
    }

    private static IEnumerable<TableRow> Rows(OpenXmlElement table)
    {
        foreach (var child in table.ChildElements)
        {
            if (child is TableRow row)
            {
                yield return row;
            }
            else if (child is SdtRow or CustomXmlRow)
            {
                foreach (var nested in Rows(child is SdtRow sdt ? sdt.SdtContentRow ?? (OpenXmlElement)sdt : child))
                {
                    yield return nested;
                }
            }
        }
    }

    private static IEnumerable<TableCell> Cells(OpenXmlElement row)
    {
        foreach (var child in row.ChildElements)
        {
            if (child is TableCell cell)
            {
                yield return cell;
            }
            else if (child is SdtCell or CustomXmlCell)
            {
                foreach (var nested in Cells(child is SdtCell sdt ? sdt.SdtContentCell ?? (OpenXmlElement)sdt : child))
                {
                    yield return nested;
                }
            }
        }
    }
}

using System.Globalization;

namespace WorkPlanTracker.Features.Import.Documents;

// Inside the namespace so that these libraries' short names (Text, Table, Level ...) win over any
// type of the same name the application may add to an enclosing WorkPlanTracker namespace.
using ClosedXML.Excel;

/// <summary>
/// Reads a task-breakdown workbook (任务分解表). The first worksheet whose first rows contain a
/// task header is read through <see cref="TableLineFormatter"/>; when no sheet has one, the first
/// sheet with any content is read as a plain table so the user still sees what was there.
/// </summary>
internal static class XlsxPlanReader
{
    // Generous for any real task table, and bounds the grid a hostile sheet could ask for.
    private const int MaxRows = 20_000;
    private const int MaxColumns = 100;
    private const int HeaderSearchRows = 15;

    /// <summary>Returns the sheet text (empty when the workbook has none). Throws whatever ClosedXML throws for a broken package.</summary>
    public static string Read(Stream content)
    {
        // ClosedXML opens the package through the OpenXml SDK, whose XML readers prohibit DTDs.
        using var workbook = new XLWorkbook(content);
        TableGrid? fallback = null;
        // Hidden sheets often keep last year's table or lookup lists: read them only when nothing visible qualifies.
        foreach (var sheet in workbook.Worksheets.OrderBy(s => s.Visibility == XLWorksheetVisibility.Visible ? 0 : 1))
        {
            var grid = BuildGrid(sheet);
            if (grid.Rows.Count == 0)
            {
                continue;
            }

            if (TaskTableLayout.Detect(grid, HeaderSearchRows) is not null)
            {
                return PlanText.FromLines(TableLineFormatter.Format(grid));
            }

            fallback ??= grid;
        }

        return fallback is null ? "" : PlanText.FromLines(TableLineFormatter.Format(fallback));
    }

    private static TableGrid BuildGrid(IXLWorksheet sheet)
    {
        var lastRow = sheet.LastRowUsed()?.RowNumber() ?? 0;
        var lastColumn = sheet.LastColumnUsed()?.ColumnNumber() ?? 0;
        var merged = sheet.MergedRanges.ToList();
        foreach (var range in merged)
        {
            lastRow = Math.Max(lastRow, range.RangeAddress.LastAddress.RowNumber);
            lastColumn = Math.Max(lastColumn, range.RangeAddress.LastAddress.ColumnNumber);
        }

        lastRow = Math.Min(lastRow, MaxRows);
        lastColumn = Math.Min(lastColumn, MaxColumns);
        var builder = new TableGridBuilder();
        if (lastRow == 0 || lastColumn == 0)
        {
            return builder.Build();
        }

        // Merged ranges first: their top-left value is spread over every cell they cover
        // (a 牵头单位 merged down five rows leads all five tasks).
        foreach (var range in merged)
        {
            var first = range.RangeAddress.FirstAddress;
            var last = range.RangeAddress.LastAddress;
            if (first.RowNumber > lastRow || first.ColumnNumber > lastColumn)
            {
                continue;
            }

            builder.Place(
                first.RowNumber - 1,
                first.ColumnNumber - 1,
                Math.Min(last.RowNumber, lastRow) - first.RowNumber + 1,
                Math.Min(last.ColumnNumber, lastColumn) - first.ColumnNumber + 1,
                CellText(sheet.Cell(first.RowNumber, first.ColumnNumber)));
        }

        // Only cells with content: touching every address would make ClosedXML create millions of empty cells.
        foreach (var cell in sheet.CellsUsed())
        {
            var address = cell.Address;
            if (address.RowNumber <= lastRow && address.ColumnNumber <= lastColumn)
            {
                // Place keeps slots a merged range already filled.
                builder.Place(address.RowNumber - 1, address.ColumnNumber - 1, 1, 1, CellText(cell));
            }
        }

        // Rows after the last content must exist so that the grid is as tall as the sheet's merged ranges.
        if (builder.RowCount < lastRow)
        {
            builder.Place(lastRow - 1, 0, 1, 1, "");
        }

        return builder.Build();
    }

    private static string CellText(IXLCell cell)
    {
        if (cell.IsEmpty())
        {
            return "";
        }

        try
        {
            // A formula is not evaluated (ClosedXML's engine may not know the function): Excel's cached result is what the user saw.
            var value = cell.HasFormula ? cell.CachedValue : cell.Value;
            return value switch
            {
                null => "",
                // Deadlines typed as Excel dates are written the way the text parser reads Chinese dates.
                DateTime date => date.TimeOfDay == TimeSpan.Zero
                    ? date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture)
                    : date.ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture),
                double or int or long or decimal => cell.HasFormula ? Convert.ToString(value, CultureInfo.InvariantCulture) ?? "" : cell.GetFormattedString(),
                _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
            };
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // One unreadable cell (an odd number format) should not lose the whole table.
            return cell.GetString();
        }
    }
}

using ClosedXML.Excel;

namespace WorkPlanTracker.Features.Ledger;

/// <summary>One column of a ledger sheet: its header and its width in Excel's units.</summary>
public sealed record LedgerColumn(string Header, double Width)
{
    /// <summary>A column wide enough for <paramref name="characters"/> Chinese characters (≈2.1 units each).</summary>
    public static LedgerColumn ForChinese(string header, int characters) => new(header, Math.Round((characters * LedgerSheetLayout.ChineseCharacterWidth) + 1, 1));
}

/// <summary>
/// What every ledger sheet shares, so they print alike: a merged title row, an information row, one header row
/// (repeated on every printed page and frozen on screen), thin borders, wrapped text, A4 landscape fitted to one
/// page wide. Widths are set here, never measured (AdjustToContents needs GDI on Linux and takes seconds).
/// </summary>
public static class LedgerSheetLayout
{
    public const double ChineseCharacterWidth = 2.1;
    public const int TitleRow = 1;
    public const int InfoRow = 2;
    public const int HeaderRow = 3;
    public const int FirstDataRow = 4;
    public const string FontName = "宋体";
    public const double FontSize = 10;

    public static XLWorkbook NewWorkbook()
    {
        var workbook = new XLWorkbook();
        workbook.Style.Font.FontName = FontName;
        workbook.Style.Font.FontSize = FontSize;
        return workbook;
    }

    public static IXLWorksheet Begin(XLWorkbook workbook, string sheetName, string title, string info, IReadOnlyList<LedgerColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        ArgumentNullException.ThrowIfNull(columns);
        var sheet = workbook.Worksheets.Add(sheetName);
        for (var i = 0; i < columns.Count; i++)
        {
            var column = sheet.Column(i + 1);
            column.Width = columns[i].Width;
            // Set on the column before any cell exists, so every cell written later wraps and sits at the top.
            column.Style.Alignment.WrapText = true;
            column.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        }

        var titleRange = sheet.Range(TitleRow, 1, TitleRow, columns.Count).Merge();
        titleRange.FirstCell().SetValue(title);
        titleRange.Style.Font.Bold = true;
        titleRange.Style.Font.FontSize = 16;
        titleRange.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        titleRange.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        titleRange.Style.Alignment.WrapText = false;
        // A merged cell never grows to fit its text: without a height the 16-point title is cut off.
        sheet.Row(TitleRow).Height = 32;

        var infoRange = sheet.Range(InfoRow, 1, InfoRow, columns.Count).Merge();
        infoRange.FirstCell().SetValue(info);
        infoRange.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Left;
        infoRange.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        infoRange.Style.Alignment.WrapText = false;
        sheet.Row(InfoRow).Height = 20;

        for (var i = 0; i < columns.Count; i++)
        {
            sheet.Cell(HeaderRow, i + 1).SetValue(columns[i].Header);
        }

        var header = sheet.Range(HeaderRow, 1, HeaderRow, columns.Count);
        header.Style.Font.Bold = true;
        header.Style.Fill.BackgroundColor = XLColor.FromHtml("#D9E1F2");
        header.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        header.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        sheet.Row(HeaderRow).Height = 22;
        return sheet;
    }

    /// <summary>A merged row that opens a group (a section of the plan), across all columns.</summary>
    public static void GroupRow(IXLWorksheet sheet, int row, int columns, string label)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var range = sheet.Range(row, 1, row, columns).Merge();
        range.FirstCell().SetValue(label);
        range.Style.Font.Bold = true;
        range.Style.Fill.BackgroundColor = XLColor.FromHtml("#F2F2F2");
        range.Style.Alignment.WrapText = false;
        sheet.Row(row).Height = 18;
    }

    /// <summary>Marks a late row: dark red text on a light red ground, readable in black and white print too (the status says 已逾期).</summary>
    public static void MarkOverdue(IXLWorksheet sheet, int row, int columns)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var range = sheet.Range(row, 1, row, columns);
        range.Style.Fill.BackgroundColor = XLColor.FromHtml("#FDE9E7");
        range.Style.Font.FontColor = XLColor.FromHtml("#9C0006");
    }

    /// <summary>Borders round the table and the print settings: A4 landscape, one page wide, header row on every page.</summary>
    public static void Finish(IXLWorksheet sheet, int columns, int lastRow)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var table = sheet.Range(HeaderRow, 1, Math.Max(lastRow, HeaderRow), columns);
        table.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
        table.Style.Border.InsideBorder = XLBorderStyleValues.Thin;
        sheet.SheetView.FreezeRows(HeaderRow);

        var page = sheet.PageSetup;
        page.PageOrientation = XLPageOrientation.Landscape;
        page.PaperSize = XLPaperSize.A4Paper;
        page.FitToPages(1, 0);
        page.SetRowsToRepeatAtTop(HeaderRow, HeaderRow);
        page.CenterHorizontally = true;
        page.Margins.Left = 0.4;
        page.Margins.Right = 0.4;
        page.Margins.Top = 0.5;
        page.Margins.Bottom = 0.6;
        page.Margins.Footer = 0.3;
        page.Footer.Center.AddText("第 ");
        page.Footer.Center.AddText(XLHFPredefinedText.PageNumber);
        page.Footer.Center.AddText(" 页，共 ");
        page.Footer.Center.AddText(XLHFPredefinedText.NumberOfPages);
        page.Footer.Center.AddText(" 页");
    }

    /// <summary>Points per printed line of the 10-point font, and the most Excel allows for a row.</summary>
    private const double LineHeight = 13.5;
    private const double MaxRowHeight = 409;

    /// <summary>
    /// Writes one data row and gives it a height that shows all its wrapped text. Neither Excel nor LibreOffice
    /// reliably grows a row to fit wrapped text when opening a file, so the height is estimated here: a Chinese
    /// character takes about 2.1 width units, a Latin one about 1.1.
    /// </summary>
    public static void WriteRow(IXLWorksheet sheet, int row, IReadOnlyList<LedgerColumn> columns, IReadOnlyList<string> values)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(values);
        var lines = 1;
        for (var i = 0; i < values.Count; i++)
        {
            var text = Fit(values[i]);
            sheet.Cell(row, i + 1).SetValue(text);
            lines = Math.Max(lines, LinesOf(text, columns[i].Width));
        }

        if (lines > 1)
        {
            sheet.Row(row).Height = Math.Min(MaxRowHeight, (lines * LineHeight) + 3);
        }
    }

    /// <summary>How many printed lines <paramref name="text"/> takes in a column of <paramref name="width"/> units.</summary>
    public static int LinesOf(string text, double width)
    {
        ArgumentNullException.ThrowIfNull(text);
        var usable = Math.Max(1, width - 1.5);
        var lines = 0;
        foreach (var line in text.Split('\n'))
        {
            double used = 0;
            foreach (var c in line)
            {
                used += c < 0x2E80 ? 1.1 : ChineseCharacterWidth;
            }

            lines += Math.Max(1, (int)Math.Ceiling(used / usable));
        }

        return lines;
    }

    /// <summary>Excel refuses cells over 32,767 characters; a ledger cell that long is cut with a note.</summary>
    public static string Fit(string text)
    {
        const int limit = 32_000;
        return text.Length <= limit ? text : text[..limit] + "……（内容过长，已截断）";
    }
}

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

    /// <summary>
    /// The styles of a data cell, plain and late (dark red on light red): wrapped, at the top, thin borders all round.
    /// Given to each cell whole as it is written, because styling a 100,000-cell range afterwards costs ClosedXML
    /// seconds. They are made on two cells of a scratch sheet (ClosedXML 0.95 has no free-standing style to build;
    /// XLWorkbook.DefaultStyle is one shared instance that must not be changed); call <see cref="DropScratch"/> before saving.
    /// </summary>
    public static (IXLStyle Plain, IXLStyle Late) CellStyles(XLWorkbook workbook)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        var scratch = workbook.Worksheets.Add(ScratchSheet);
        IXLStyle Make(int row, bool overdue)
        {
            var style = scratch.Cell(row, 1).Style;
            style.Alignment.WrapText = true;
            style.Alignment.Vertical = XLAlignmentVerticalValues.Top;

            // Side by side: OutsideBorder on a cell's style goes to the cell's container, not into the style copied on.
            style.Border.LeftBorder = XLBorderStyleValues.Thin;
            style.Border.RightBorder = XLBorderStyleValues.Thin;
            style.Border.TopBorder = XLBorderStyleValues.Thin;
            style.Border.BottomBorder = XLBorderStyleValues.Thin;
            if (overdue)
            {
                style.Fill.BackgroundColor = XLColor.FromHtml(OverdueFill);
                style.Font.FontColor = XLColor.FromHtml(OverdueFont);
            }

            return style;
        }

        return (Make(1, overdue: false), Make(2, overdue: true));
    }

    public static void DropScratch(XLWorkbook workbook)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        workbook.Worksheet(ScratchSheet).Delete();
    }

    private const string ScratchSheet = "样式";

    public const string OverdueFill = "#FDE9E7";
    public const string OverdueFont = "#9C0006";

    /// <summary>A merged row that opens a group (a section of the plan), across all columns.</summary>
    public static void GroupRow(IXLWorksheet sheet, int row, int columns, string label)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var range = sheet.Range(row, 1, row, columns).Merge();
        range.FirstCell().SetValue(label);
        range.Style.Font.Bold = true;
        range.Style.Fill.BackgroundColor = XLColor.FromHtml("#F2F2F2");
        range.Style.Alignment.WrapText = false;
        range.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
        sheet.Row(row).Height = 18;
    }

    /// <summary>
    /// The print settings (A4 landscape, one page wide, header row on every page) and the frozen header; borders
    /// round the whole table unless its rows were written with <see cref="CellStyles"/> (<paramref name="drawBorders"/> false).
    /// </summary>
    public static void Finish(IXLWorksheet sheet, int columns, int lastRow, bool drawBorders = true)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var table = drawBorders ? sheet.Range(HeaderRow, 1, Math.Max(lastRow, HeaderRow), columns) : sheet.Range(HeaderRow, 1, HeaderRow, columns);
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
    public static void WriteRow(IXLWorksheet sheet, int row, IReadOnlyList<LedgerColumn> columns, IReadOnlyList<string> values, IXLStyle? style = null)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(values);
        var lines = 1;
        for (var i = 0; i < values.Count; i++)
        {
            var text = Fit(values[i]);
            var cell = sheet.Cell(row, i + 1);
            cell.SetValue(text);
            if (style is not null)
            {
                cell.Style = style;
            }

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
        var usable = Math.Max(1, width - 1);
        var lines = 0;
        foreach (var line in text.Split('\n'))
        {
            double used = 0;
            foreach (var c in line)
            {
                used += c < 0x2E80 ? 1.1 : ChineseCharacterWidth;
            }

            // The tolerance keeps 10 × 2.1 from rounding up to an extra line.
            lines += Math.Max(1, (int)Math.Ceiling((used / usable) - 1e-9));
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

using System.Text.RegularExpressions;
using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace WorkPlanTracker.Features.Ledger;

/// <summary>One column of a ledger sheet: its header and its width in Excel's units.</summary>
public sealed record LedgerColumn(string Header, double Width)
{
    /// <summary>A column wide enough for <paramref name="characters"/> Chinese characters (≈2.1 units each).</summary>
    public static LedgerColumn ForChinese(string header, int characters) => new(header, Math.Round((characters * LedgerSheetLayout.ChineseCharacterWidth) + 1, 1));
}

/// <summary>
/// What every ledger sheet shares, so they print alike: a merged title row, an information row, one header row
/// (repeated on every printed page and frozen on screen), thin borders, wrapped text, A4 landscape one page wide with
/// columns chosen to fit it, so the 10-point body prints at 9 points or more (wider columns were shrunk to 6–7). Widths are set here, never measured
/// (AdjustToContents needs GDI on Linux and takes seconds).
/// </summary>
public static partial class LedgerSheetLayout
{
    public const double ChineseCharacterWidth = 2.1;
    public const int TitleRow = 1;
    public const int InfoRow = 2;
    public const int HeaderRow = 3;
    public const int FirstDataRow = 4;
    public const string FontName = "宋体";
    public const double FontSize = 10;

    /// <summary>The smallest size the body may print at: what an office reads on paper without a magnifier.</summary>
    public const double MinimumPrintedFontSize = 9;

    /// <summary>A4 landscape less the 0.4-inch side margins, in points.</summary>
    public const double PagePoints = 784;

    /// <summary>A width unit is one digit of the workbook's font: 宋体 10 has 7-pixel digits, 5.25 pt (Excel, WPS).</summary>
    public const double PointsPerUnit = 5.25;

    /// <summary>
    /// The same unit where 宋体 is missing and a substitute with wider digits measures it: LibreOffice on Linux
    /// (DejaVu Sans) made it 6.35 pt, measured by converting a ledger. The columns are chosen so that even then the
    /// one-page-wide fit shrinks the 10-point body by no more than to 9 points.
    /// </summary>
    public const double SubstitutePointsPerUnit = 6.35;

    /// <summary>What ClosedXML adds to each column's width when it saves.</summary>
    public const double ColumnPadding = 0.71;

    /// <summary>The percentage a one-page-wide fit prints at: 100 when the columns fit, else what makes them fit.</summary>
    public static int ScaleToFit(double columnWidths, double pointsPerUnit) =>
        Math.Min(100, (int)Math.Floor(PagePoints / (columnWidths * pointsPerUnit) * 100));

    /// <summary>
    /// The lines a ledger goes upward with: who filled it in, who checked it and how to reach them. The unit is
    /// filled in when the ledger is a unit's; the rest is left for the hand (or for typing) before it is sent.
    /// </summary>
    public static string FormFields(string? unitName) =>
        $"填报单位：{(string.IsNullOrEmpty(unitName) ? Blank(10) : unitName)}　　填表人：{Blank(6)}　　审核人：{Blank(6)}　　联系电话：{Blank(8)}";

    private static string Blank(int width) => new('＿', width);

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
        infoRange.Style.Alignment.WrapText = true;
        sheet.Row(InfoRow).Height = (info.Split('\n').Length * LineHeight) + 6;

        var headerLines = 1;
        for (var i = 0; i < columns.Count; i++)
        {
            sheet.Cell(HeaderRow, i + 1).SetValue(columns[i].Header);
            headerLines = Math.Max(headerLines, LinesOf(columns[i].Header, columns[i].Width));
        }

        var header = sheet.Range(HeaderRow, 1, HeaderRow, columns.Count);
        header.Style.Font.Bold = true;
        header.Style.Fill.BackgroundColor = XLColor.FromHtml("#D9E1F2");
        header.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        header.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        sheet.Row(HeaderRow).Height = (headerLines * LineHeight) + 8;
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
    /// The print settings (A4 landscape one page wide, see <see cref="CheckFitsThePage"/>; header row on every page) and the frozen header; borders
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
        // One page wide as a safety net only: the columns fit at 100 % (CheckFitsThePage), so the fit shrinks nothing
        // where 宋体 is installed and little where it is not. Wider columns were shrunk to 6–7 points.
        CheckFitsThePage(Enumerable.Range(1, columns).Select(c => sheet.Column(c)).Where(c => !c.IsHidden).Sum(c => c.Width + ColumnPadding));
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

    /// <summary>
    /// Refuses a layout whose columns would print the body below <see cref="MinimumPrintedFontSize"/> where 宋体 is
    /// missing, or would not fit the page at 100 % where it is installed.
    /// </summary>
    public static void CheckFitsThePage(double columnWidths)
    {
        var worst = ScaleToFit(columnWidths, SubstitutePointsPerUnit);
        if (ScaleToFit(columnWidths, PointsPerUnit) < 100 || FontSize * worst / 100 < MinimumPrintedFontSize)
        {
            throw new InvalidOperationException($"台账列宽合计 {columnWidths}，在没有宋体的电脑上只能按 {worst}% 打印：请调窄各列。");
        }
    }

    /// <summary>
    /// Saves the workbook with its print titles written absolute (<c>'工作台账'!$3:$3</c>). ClosedXML 0.95 writes
    /// <c>工作台账!3:3</c>, which Excel reads but LibreOffice and WPS ignore, so the header row was not repeated.
    /// </summary>
    public static void Save(XLWorkbook workbook, Stream output)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        ArgumentNullException.ThrowIfNull(output);
        using var buffer = new MemoryStream();
        workbook.SaveAs(buffer);
        using (var package = SpreadsheetDocument.Open(buffer, isEditable: true))
        {
            var names = package.WorkbookPart?.Workbook.DefinedNames;
            foreach (var name in names?.Elements<DefinedName>() ?? [])
            {
                if (name.Name?.Value == "_xlnm.Print_Titles")
                {
                    name.Text = AbsolutePrintTitles(name.Text);
                }
            }

            package.WorkbookPart?.Workbook.Save();

            // Column widths are counted in digits of the workbook's first font (the Normal style). ClosedXML leaves it
            // Calibri 11; a machine without Calibri measures a substitute's wider digits (LibreOffice here: 7 pt a
            // unit instead of 5.25) and the columns no longer fit the page. The ledgers' own font measures alike everywhere.
            if (package.WorkbookPart?.WorkbookStylesPart?.Stylesheet is { Fonts: { } fonts } stylesheet && fonts.Elements<Font>().FirstOrDefault() is { } normal)
            {
                normal.FontName = new FontName { Val = FontName };
                normal.FontSize = new FontSize { Val = FontSize };
                stylesheet.Save();
            }
        }

        buffer.Position = 0;
        buffer.CopyTo(output);
    }

    /// <summary>"工作台账!3:3" → "'工作台账'!$3:$3"; each comma-separated part on its own, already absolute parts unchanged.</summary>
    public static string AbsolutePrintTitles(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return string.Join(",", reference.Split(',').Select(part =>
        {
            var bang = part.LastIndexOf('!');
            var sheet = bang < 0 ? "" : part[..bang];
            var range = bang < 0 ? part : part[(bang + 1)..];
            range = RowOrColumnRange().Replace(range, m => "$" + m.Value.TrimStart('$'));
            if (sheet.Length > 0 && !sheet.StartsWith('\''))
            {
                sheet = "'" + sheet.Replace("'", "''", StringComparison.Ordinal) + "'";
            }

            return sheet.Length > 0 ? sheet + "!" + range : range;
        }));
    }

    [GeneratedRegex(@"\$?[A-Z]+|\$?[0-9]+")]
    private static partial Regex RowOrColumnRange();

    /// <summary>Points per printed line of the 10-point font, and the most Excel allows for a row.</summary>
    public const double LineHeight = 13.5;
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

        sheet.Row(row).Height = HeightFor(lines);
    }

    /// <summary>The height of a row whose tallest cell takes <paramref name="lines"/> lines: the lines and a little air, nothing more.</summary>
    public static double HeightFor(int lines) => Math.Min(MaxRowHeight, (Math.Max(1, lines) * LineHeight) + 3);

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

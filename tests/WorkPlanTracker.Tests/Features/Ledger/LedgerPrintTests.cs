using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Ledger;
using L = WorkPlanTracker.Features.Ledger.LedgerSheetLayout;

namespace WorkPlanTracker.Tests.Features.Ledger;

/// <summary>
/// The ledgers as an office prints and sends them upward, each written from a document built here and opened again:
/// print titles, print scale and row heights, the form fields, the running 序号, the evidence and the 汇总.
/// </summary>
public class LedgerPrintTests
{
    private static readonly string[] FormFields = ["填报单位：", "填表人：", "审核人：", "联系电话：", "导出日期：2035年7月15日"];

    private static readonly DateOnly Today = new(2035, 7, 15);

    private const string ThreeLines = "第一行进展\n第二行进展\n第三行进展";

    private static LedgerReport Report(int day, string text, string link, bool returned = false) =>
        new(new DateOnly(2035, 7, day), text, null, returned, [link], []);

    private static LedgerAssignmentRow Unit(string name, AssignmentStatus status, bool overdue, params LedgerReport[] reports) =>
        new(1, name, AssignmentRole.Lead, status, new DateOnly(2035, 6, 30), new DateOnly(2035, 6, 30), overdue, overdue ? 15 : null, null, reports);

    private static LedgerTaskRow Task(string path, string text, AssignmentStatus? status, bool overdue, bool ongoing, params LedgerAssignmentRow[] units) =>
        new(path.Length, "打印县2035年政务公开工作要点", path, "一、公开重点", text, text, "甲局", "", "2035年6月30日", new DateOnly(2035, 6, 30),
            ongoing, status, overdue, units);

    /// <summary>Four tasks, one of each standing (closed, late, in progress, ongoing) and one not yet given to a unit.</summary>
    private static LedgerDocument Document(string? unit = null) => new("打印县2035年政务公开工作台账", Today, unit,
    [
        Task("一.(一).1#2", "加强政策解读。", AssignmentStatus.InProgress, overdue: true, ongoing: false,
            Unit("甲局", AssignmentStatus.InProgress, overdue: true,
                Report(1, "第一次进展", "https://www.example.gov.cn/a.html"),
                Report(10, ThreeLines, "https://www.example.gov.cn/b.html"))),
        Task("一.2", "做好依申请公开。", AssignmentStatus.InProgress, overdue: false, ongoing: false, Unit("甲局", AssignmentStatus.InProgress, overdue: false)),
        Task("一.3", "规范政府网站。", AssignmentStatus.Closed, overdue: false, ongoing: false, Unit("甲局", AssignmentStatus.Closed, overdue: false)),
        Task("一.4", "推进基层公开。", AssignmentStatus.Acknowledged, overdue: false, ongoing: true, Unit("甲局", AssignmentStatus.Acknowledged, overdue: false)),
        Task("一.5", "尚未分派的任务。", null, overdue: false, ongoing: false),
    ]);

    private static byte[] PlanLedger(LedgerDocument? document = null)
    {
        using var buffer = new MemoryStream();
        LedgerWorkbookWriter.WritePlanLedger(document ?? Document(), buffer);
        return buffer.ToArray();
    }

    private static byte[] UnitLedger()
    {
        using var buffer = new MemoryStream();
        LedgerWorkbookWriter.WriteUnitLedger(Document("甲局"), buffer);
        return buffer.ToArray();
    }

    private static byte[] OverdueList(string? unit)
    {
        using var buffer = new MemoryStream();
        LedgerWorkbookWriter.WriteOverdueList(new OverdueDocument(Today, Today,
        [
            new OverdueRow(1, "打印县2035年政务公开工作要点", "一.1", "加强政策解读", "甲局", AssignmentRole.Lead, new DateOnly(2035, 6, 30), 15,
                AssignmentStatus.Returned, LedgerService.ReturnedText, ""),
        ], unit), buffer);
        return buffer.ToArray();
    }

    private static byte[] FillIn()
    {
        using var buffer = new MemoryStream();
        FillInWorkbook.Write(new FillInDocument(7, "甲局", Today,
        [
            new FillInRow(1, "打印县2035年政务公开工作要点", "一.1", "加强政策解读", "牵头", "2035年6月30日", "已退回", "退回原因：请补充链接"),
        ]), buffer);
        return buffer.ToArray();
    }

    private static XLWorkbook Open(byte[] content) => new(new MemoryStream(content));

    public static TheoryData<string> Ledgers => ["plan", "summary", "unit", "overdue", "fill-in"];

    private static (byte[] Content, string Sheet) Ledger(string which) => which switch
    {
        "plan" => (PlanLedger(), LedgerWorkbookWriter.PlanSheetName),
        "summary" => (PlanLedger(), LedgerWorkbookWriter.SummarySheetName),
        "unit" => (UnitLedger(), LedgerWorkbookWriter.UnitSheetName),
        "overdue" => (OverdueList(null), LedgerWorkbookWriter.OverdueSheetName),
        _ => (FillIn(), FillInWorkbook.SheetName),
    };

    [Theory]
    [MemberData(nameof(Ledgers))]
    public void Print_titles_are_written_absolute_so_libreoffice_and_wps_repeat_the_header_row(string which)
    {
        var (content, sheetName) = Ledger(which);

        using var package = SpreadsheetDocument.Open(new MemoryStream(content), isEditable: false);
        var workbook = package.WorkbookPart!.Workbook;
        var index = workbook.Sheets!.Elements<Sheet>().Select((s, i) => (s.Name!.Value, i)).Single(s => s.Value == sheetName).i;
        var titles = workbook.DefinedNames!.Elements<DefinedName>()
            .Single(n => n.Name!.Value == "_xlnm.Print_Titles" && n.LocalSheetId!.Value == index);
        Assert.Equal($"'{sheetName}'!$3:$3", titles.Text);

        // ClosedXML still reads them back as the header row.
        using var reopened = Open(content);
        Assert.Equal(L.HeaderRow, reopened.Worksheet(sheetName).PageSetup.FirstRowToRepeatAtTop);
    }

    [Theory]
    [InlineData("工作台账!3:3", "'工作台账'!$3:$3")]
    [InlineData("'工作台账'!$3:$3", "'工作台账'!$3:$3")]
    [InlineData("Sheet1!A:B,Sheet1!3:4", "'Sheet1'!$A:$B,'Sheet1'!$3:$4")]
    public void Print_title_references_become_absolute(string written, string expected) =>
        Assert.Equal(expected, L.AbsolutePrintTitles(written));

    [Theory]
    [MemberData(nameof(Ledgers))]
    public void Every_ledger_prints_on_a4_landscape_at_9_points_or_more_without_fit_to_width(string which)
    {
        var (content, sheetName) = Ledger(which);
        using var workbook = Open(content);
        var sheet = workbook.Worksheet(sheetName);
        var page = sheet.PageSetup;

        Assert.Equal(XLPageOrientation.Landscape, page.PageOrientation);
        Assert.Equal(XLPaperSize.A4Paper, page.PaperSize);
        Assert.Equal(1, page.PagesWide);
        Assert.Equal(0, page.PagesTall);
        var body = sheet.Cell(L.FirstDataRow, 2).Style.Font.FontSize;
        var widths = sheet.ColumnsUsed().Where(c => !c.IsHidden).Sum(c => c.Width);

        // Where 宋体 is installed the fit shrinks nothing; where a wider substitute measures the columns, not below 9 pt.
        Assert.Equal(100, L.ScaleToFit(widths, L.PointsPerUnit));
        var worst = L.ScaleToFit(widths, L.SubstitutePointsPerUnit);
        Assert.True(body * worst / 100 >= L.MinimumPrintedFontSize, $"{which}: {widths} units print {body} pt at {worst} %");
    }

    [Fact]
    public void The_workbook_font_that_measures_column_widths_is_the_ledgers_own()
    {
        using var package = SpreadsheetDocument.Open(new MemoryStream(PlanLedger()), isEditable: false);
        var normal = package.WorkbookPart!.WorkbookStylesPart!.Stylesheet.Fonts!.Elements<Font>().First();

        Assert.Equal(L.FontName, normal.FontName!.Val!.Value);
        Assert.Equal(L.FontSize, normal.FontSize!.Val!.Value);
    }

    [Fact]
    public void Rows_are_as_tall_as_their_longest_cell_and_no_taller()
    {
        using var workbook = Open(PlanLedger());
        var sheet = workbook.Worksheet(LedgerWorkbookWriter.PlanSheetName);
        var columns = LedgerWorkbookWriter.PlanColumns;

        var dataRows = sheet.RowsUsed().Where(r => r.RowNumber() >= L.FirstDataRow && !r.Cell(1).IsMerged()).ToList();
        Assert.Equal(5, dataRows.Count);
        foreach (var row in dataRows)
        {
            var lines = Enumerable.Range(1, columns.Count).Max(c => L.LinesOf(row.Cell(c).GetString(), columns[c - 1].Width));
            Assert.Equal(L.HeightFor(lines), row.Height, 1);
        }

        // A three-line report: three lines of 13.5 pt, not the 70 pt rows the office printed.
        Assert.Equal(3, L.LinesOf(ThreeLines, columns[6].Width));
        Assert.Equal((3 * L.LineHeight) + 3, L.HeightFor(3));
    }

    [Fact]
    public void Ledgers_carry_the_form_fields_an_office_fills_in_before_sending_them_upward()
    {
        using var plan = Open(PlanLedger());
        using var unit = Open(UnitLedger());
        using var overdue = Open(OverdueList("甲局"));

        foreach (var info in new[]
        {
            plan.Worksheet(LedgerWorkbookWriter.PlanSheetName).Cell("A2").GetString(),
            plan.Worksheet(LedgerWorkbookWriter.SummarySheetName).Cell("A2").GetString(),
            unit.Worksheet(LedgerWorkbookWriter.UnitSheetName).Cell("A2").GetString(),
            overdue.Worksheet(LedgerWorkbookWriter.OverdueSheetName).Cell("A2").GetString(),
        })
        {
            Assert.All(FormFields, f => Assert.Contains(f, info, StringComparison.Ordinal));
        }

        Assert.Contains("填报单位：甲局", unit.Worksheet(LedgerWorkbookWriter.UnitSheetName).Cell("A2").GetString(), StringComparison.Ordinal);
        Assert.Contains("填报单位：甲局", overdue.Worksheet(LedgerWorkbookWriter.OverdueSheetName).Cell("A2").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_units_overdue_list_names_the_unit_in_its_title_and_file_name()
    {
        using var mine = Open(OverdueList("甲局"));
        using var all = Open(OverdueList(null));

        Assert.Equal("甲局逾期任务督办清单（截至2035年7月15日）", mine.Worksheet(LedgerWorkbookWriter.OverdueSheetName).Cell("A1").GetString());
        Assert.Equal("逾期任务督办清单（截至2035年7月15日）", all.Worksheet(LedgerWorkbookWriter.OverdueSheetName).Cell("A1").GetString());
        Assert.Equal("甲局逾期任务督办清单_2035-07-15.xlsx", new OverdueDocument(Today, Today, [], "甲局").FileName);
    }

    [Fact]
    public void The_seq_column_counts_1_2_3_and_the_plans_own_number_has_a_column_of_its_own()
    {
        using var plan = Open(PlanLedger());
        using var unit = Open(UnitLedger());

        foreach (var sheet in new[] { plan.Worksheet(LedgerWorkbookWriter.PlanSheetName), unit.Worksheet(LedgerWorkbookWriter.UnitSheetName) })
        {
            Assert.Equal("序号", sheet.Cell(L.HeaderRow, 1).GetString());
            Assert.Equal("编号", sheet.Cell(L.HeaderRow, 2).GetString());
            var rows = sheet.RowsUsed().Where(r => r.RowNumber() >= L.FirstDataRow && !r.Cell(1).IsMerged()).ToList();
            Assert.Equal(Enumerable.Range(1, rows.Count), rows.Select(r => r.Cell(1).GetValue<int>()));
            Assert.All(rows, r => Assert.Equal(XLDataType.Number, r.Cell(1).DataType));
            Assert.Equal("一.(一).1#2", rows[0].Cell(2).GetString());
        }
    }

    [Fact]
    public void The_plan_ledger_shows_the_evidence_of_every_report_not_only_the_latest()
    {
        using var workbook = Open(PlanLedger());
        var late = workbook.Worksheet(LedgerWorkbookWriter.PlanSheetName).RowsUsed().Single(r => r.Cell(2).GetString() == "一.(一).1#2");

        Assert.Equal("https://www.example.gov.cn/a.html\nhttps://www.example.gov.cn/b.html", late.Cell(9).GetString());
    }

    [Fact]
    public void The_summary_counts_each_task_once_by_standing_so_its_column_adds_up_to_the_total()
    {
        using var workbook = Open(PlanLedger());
        var sheet = workbook.Worksheet(LedgerWorkbookWriter.SummarySheetName);
        var rows = sheet.RowsUsed().Where(r => r.RowNumber() >= L.FirstDataRow).TakeWhile(r => r.Cell(1).GetString() != "承办单位").ToList();
        int Count(string label) => rows.Single(r => r.Cell(1).GetString() == label).Cell(2).GetValue<int>();

        Assert.DoesNotContain(rows, r => r.Cell(1).GetString().StartsWith("其中", StringComparison.Ordinal));
        Assert.Equal(["已办结", "推进中", "已逾期", "持续推进", "未分派", "合计"], rows.Select(r => r.Cell(1).GetString()));
        Assert.Equal(Count("合计"), rows.SkipLast(1).Sum(r => r.Cell(2).GetValue<int>()));
        Assert.Equal(5, Count("合计"));
        Assert.Equal((1, 1, 1, 1, 1), (Count("已办结"), Count("推进中"), Count("已逾期"), Count("持续推进"), Count("未分派")));
    }

    [Fact]
    public void The_status_column_leads_with_the_standing_and_names_the_workflow_step()
    {
        var late = Document().Tasks[0];
        var ongoing = Document().Tasks[3];

        Assert.Equal("已逾期（推进中）", LedgerWorkbookWriter.TaskStatusText(late));
        Assert.Equal("持续推进（已签收）", LedgerWorkbookWriter.TaskStatusText(ongoing));
        Assert.Equal("推进中", LedgerWorkbookWriter.TaskStatusText(Document().Tasks[1]));
        Assert.Equal("已办结", LedgerWorkbookWriter.TaskStatusText(Document().Tasks[2]));
    }
}

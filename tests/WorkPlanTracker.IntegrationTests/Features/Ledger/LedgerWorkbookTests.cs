using ClosedXML.Excel;
using WorkPlanTracker.Features.Ledger;

namespace WorkPlanTracker.IntegrationTests.Features.Ledger;

/// <summary>Each produced workbook opened again with ClosedXML: cells, merges, print settings, panes, validation and protection.</summary>
public class LedgerWorkbookTests(LedgerFixture fixture) : IClassFixture<LedgerFixture>
{
    private async Task<byte[]> PlanLedgerAsync()
    {
        var result = await fixture.Get<LedgerService>().LedgerAsync(fixture.Office, new LedgerScope(fixture.PlanId, null, null));
        using var buffer = new MemoryStream();
        LedgerWorkbookWriter.WritePlanLedger(result.Value, buffer);
        LedgerFixture.Keep("plan-ledger.xlsx", buffer.ToArray());
        return buffer.ToArray();
    }

    private static void AssertPrintsOnA4Landscape(IXLWorksheet sheet)
    {
        Assert.Equal(XLPageOrientation.Landscape, sheet.PageSetup.PageOrientation);
        Assert.Equal(XLPaperSize.A4Paper, sheet.PageSetup.PaperSize);
        Assert.Equal(1, sheet.PageSetup.PagesWide);
        Assert.Equal(100, LedgerSheetLayout.ScaleToFit(sheet.ColumnsUsed().Where(c => !c.IsHidden).Sum(c => c.Width), LedgerSheetLayout.PointsPerUnit));
        Assert.Equal(0, sheet.PageSetup.PagesTall);
        Assert.Equal(LedgerSheetLayout.HeaderRow, sheet.PageSetup.FirstRowToRepeatAtTop);
        Assert.Equal(LedgerSheetLayout.HeaderRow, sheet.PageSetup.LastRowToRepeatAtTop);
        Assert.Equal(LedgerSheetLayout.HeaderRow, sheet.SheetView.SplitRow);
        Assert.Equal(32, sheet.Row(1).Height);
        Assert.Equal(XLBorderStyleValues.Thin, sheet.Cell(LedgerSheetLayout.HeaderRow, 1).Style.Border.TopBorder);
        Assert.True(sheet.Cell(LedgerSheetLayout.FirstDataRow + 1, 2).Style.Alignment.WrapText);
    }

    private static IXLRow RowOf(IXLWorksheet sheet, string path, int pathColumn = 2) =>
        sheet.RowsUsed().Single(r => r.Cell(pathColumn).GetString() == path);

    [Fact]
    public async Task The_plan_ledger_has_title_header_section_groups_and_each_task_with_progress_status_and_evidence()
    {
        using var workbook = LedgerFixture.Open(await PlanLedgerAsync());
        var sheet = workbook.Worksheet(LedgerWorkbookWriter.PlanSheetName);

        Assert.Equal([LedgerWorkbookWriter.PlanSheetName, LedgerWorkbookWriter.SummarySheetName], workbook.Worksheets.Select(w => w.Name));
        Assert.Equal(LedgerFixture.LedgerTitle, sheet.Cell("A1").GetString());
        Assert.Contains(sheet.MergedRanges, r => r.RangeAddress.ToString() == "A1:J1");
        Assert.Contains("导出日期：2035年7月15日", sheet.Cell("A2").GetString(), StringComparison.Ordinal);
        Assert.Equal(
            ["序号", "编号", "工作任务", "牵头单位", "责任单位", "完成时限", "进展情况", "完成状态", "佐证材料", "备注"],
            Enumerable.Range(1, 10).Select(c => sheet.Cell(3, c).GetString()));
        Assert.Equal("一、公开重点", sheet.Cell("A4").GetString());
        Assert.Contains(sheet.MergedRanges, r => r.RangeAddress.ToString() == "A4:J4");
        Assert.Contains(sheet.MergedRanges, r => r.FirstCell().GetString() == "二、平台建设");

        var late = RowOf(sheet, "一.1");
        Assert.Equal(1, late.Cell(1).GetValue<int>());
        Assert.StartsWith("加强政策解读", late.Cell(3).GetString(), StringComparison.Ordinal);
        Assert.Equal("市数据资源局", late.Cell(4).GetString());
        Assert.Equal("台账乙局", late.Cell(5).GetString());
        Assert.Equal("2035年6月30日", late.Cell(6).GetString());
        Assert.Equal(XLDataType.Text, late.Cell(6).DataType);
        Assert.Contains($"市数据资源局（2035年7月15日）：{LedgerFixture.FirstReport}（完成60%）", late.Cell(7).GetString(), StringComparison.Ordinal);
        Assert.Contains("尚未报送：台账乙局", late.Cell(7).GetString(), StringComparison.Ordinal);
        Assert.Equal("已逾期（待签收）", late.Cell(8).GetString());
        Assert.Equal(LedgerFixture.FirstLink, late.Cell(9).GetString());
        Assert.Contains("市数据资源局：逾期15天", late.Cell(10).GetString(), StringComparison.Ordinal);
        Assert.Equal(XLColor.FromHtml(LedgerSheetLayout.OverdueFill), late.Cell(3).Style.Fill.BackgroundColor);
        Assert.Equal(XLColor.FromHtml(LedgerSheetLayout.OverdueFont), late.Cell(3).Style.Font.FontColor);
        Assert.Equal(XLBorderStyleValues.Thin, late.Cell(10).Style.Border.BottomBorder);
        Assert.Equal(XLBorderStyleValues.Thin, late.Cell(1).Style.Border.LeftBorder);
        Assert.Equal(LedgerSheetLayout.FontName, late.Cell(3).Style.Font.FontName);
        Assert.True(late.Height > 15, "a row with several lines of progress gets the height to show them");

        var ahead = RowOf(sheet, "一.2");
        Assert.Equal("推进中（待签收）", ahead.Cell(8).GetString());
        Assert.NotEqual(XLColor.FromHtml(LedgerSheetLayout.OverdueFill), ahead.Cell(3).Style.Fill.BackgroundColor);
        Assert.Equal(XLBorderStyleValues.Thin, ahead.Cell(5).Style.Border.TopBorder);
        Assert.Equal("持续推进", RowOf(sheet, "二.4").Cell(6).GetString());
        AssertPrintsOnA4Landscape(sheet);
    }

    [Fact]
    public async Task The_summary_sheet_counts_tasks_by_status_and_assignments_by_unit()
    {
        using var workbook = LedgerFixture.Open(await PlanLedgerAsync());
        var sheet = workbook.Worksheet(LedgerWorkbookWriter.SummarySheetName);
        int Count(string label) => sheet.RowsUsed().Single(r => r.Cell(1).GetString() == label).Cell(2).GetValue<int>();

        Assert.Equal(1, Count("已逾期"));
        Assert.Equal(2, Count("推进中"));
        Assert.Equal(1, Count("持续推进"));
        Assert.Equal(0, Count("已办结"));
        Assert.Equal(4, Count("合计"));
        Assert.DoesNotContain(sheet.RowsUsed(), r => r.Cell(1).GetString() == "其中已逾期");
        var data = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == "市数据资源局");
        Assert.Equal([3, 3, 0, 0, 1, 2], Enumerable.Range(2, 6).Select(c => data.Cell(c).GetValue<int>()));
        var other = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == "台账乙局");
        Assert.Equal([2, 1, 1, 0, 1, 2], Enumerable.Range(2, 6).Select(c => other.Cell(c).GetValue<int>()));
        AssertPrintsOnA4Landscape(sheet);
    }

    [Fact]
    public async Task A_units_ledger_holds_only_its_own_assignments_with_every_report()
    {
        var result = await fixture.Get<LedgerService>().LedgerAsync(fixture.UserOf(fixture.DataUnit), new LedgerScope(fixture.PlanId, null, fixture.DataUnit));
        using var buffer = new MemoryStream();
        LedgerWorkbookWriter.WriteUnitLedger(result.Value, buffer);
        LedgerFixture.Keep("unit-ledger.xlsx", buffer.ToArray());
        using var workbook = LedgerFixture.Open(buffer.ToArray());
        var sheet = workbook.Worksheet(LedgerWorkbookWriter.UnitSheetName);

        Assert.Equal(LedgerFixture.LedgerTitle + "（市数据资源局）", sheet.Cell("A1").GetString());
        var paths = sheet.RowsUsed().Where(r => r.RowNumber() > 3 && !r.Cell(1).IsMerged()).Select(r => r.Cell(2).GetString()).ToList();
        Assert.Equal(["一.1", "二.3", "二.4"], paths);
        var late = RowOf(sheet, "一.1");
        Assert.Equal("牵头", late.Cell(4).GetString());
        Assert.Equal("已逾期（推进中）", late.Cell(6).GetString());
        Assert.Equal($"2035年7月15日：{LedgerFixture.FirstReport}（完成60%）", late.Cell(7).GetString());
        Assert.Equal("尚未报送", RowOf(sheet, "二.3").Cell(7).GetString());
        Assert.DoesNotContain(sheet.RowsUsed(), r => r.Cell(2).GetString() == "一.2");
        AssertPrintsOnA4Landscape(sheet);
    }

    [Fact]
    public async Task The_overdue_list_for_a_day_lists_the_late_assignments_most_days_first_and_none_before_the_deadline()
    {
        var ledgers = fixture.Get<LedgerService>();
        var result = await ledgers.OverdueAsync(fixture.Office, new DateOnly(2035, 7, 15));
        using var buffer = new MemoryStream();
        LedgerWorkbookWriter.WriteOverdueList(result.Value, buffer);
        LedgerFixture.Keep("overdue.xlsx", buffer.ToArray());
        using var workbook = LedgerFixture.Open(buffer.ToArray());
        var sheet = workbook.Worksheet(LedgerWorkbookWriter.OverdueSheetName);

        Assert.Equal("逾期任务督办清单（截至2035年7月15日）", sheet.Cell("A1").GetString());
        Assert.Equal(["台账乙局", "市数据资源局"], new[] { sheet.Cell(4, 5).GetString(), sheet.Cell(5, 5).GetString() }.Order(StringComparer.Ordinal));
        Assert.Equal(15, sheet.Cell(4, 8).GetValue<int>());
        Assert.Equal("2035年6月30日", sheet.Cell(4, 7).GetString());
        Assert.Equal("未下发督办单", sheet.Cell(4, 11).GetString());
        Assert.True(sheet.Cell(6, 1).IsEmpty());
        AssertPrintsOnA4Landscape(sheet);

        var before = await ledgers.OverdueAsync(fixture.Office, new DateOnly(2035, 6, 30));
        Assert.DoesNotContain(before.Value.Rows, r => r.PlanTitle == LedgerFixture.PlanTitle);
        var unitOnly = await ledgers.OverdueAsync(fixture.UserOf(fixture.OtherUnit), new DateOnly(2035, 7, 15));
        Assert.Equal(["台账乙局"], unitOnly.Value.Rows.Select(r => r.UnitName).Distinct());
    }

    [Fact]
    public async Task The_overdue_list_of_a_past_day_counts_the_days_late_then_and_shows_only_reports_made_by_then()
    {
        var result = await fixture.Get<LedgerService>().OverdueAsync(fixture.Office, new DateOnly(2035, 7, 10));

        var rows = result.Value.Rows.Where(r => r.PlanTitle == LedgerFixture.PlanTitle).ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal((new DateOnly(2035, 6, 30), 10), (r.DueDate, r.DaysLate)));
        // The report of 15 July was not there yet on the 10th.
        Assert.All(rows, r => Assert.Equal("尚未报送", r.LatestReport));
    }

    [Fact]
    public async Task The_fill_in_workbook_is_protected_with_a_hidden_row_key_locked_key_columns_and_a_status_dropdown()
    {
        var result = await fixture.Get<LedgerService>().FillInAsync(fixture.UserOf(fixture.DataUnit), fixture.DataUnit);
        using var buffer = new MemoryStream();
        FillInWorkbook.Write(result.Value, buffer);
        LedgerFixture.Keep("fill-in.xlsx", buffer.ToArray());
        using var workbook = LedgerFixture.Open(buffer.ToArray());
        var sheet = workbook.Worksheet(FillInWorkbook.SheetName);

        Assert.Equal("市数据资源局工作任务进展填报表", sheet.Cell("A1").GetString());
        Assert.True(sheet.Column(FillInWorkbook.KeyColumn).IsHidden);
        Assert.Equal(fixture.DataUnit, sheet.Cell(2, 1).GetValue<int>());
        var late = await fixture.AssignmentAsync("一.1", fixture.DataUnit);
        var row = sheet.RowsUsed().Single(r => r.Cell(FillInWorkbook.PathColumn).GetString() == "一.1");
        Assert.Equal(late.Id, row.Cell(FillInWorkbook.KeyColumn).GetValue<int>());
        Assert.Equal("加强政策解读", row.Cell(FillInWorkbook.TaskColumn).GetString());
        Assert.Equal("2035年6月30日", row.Cell(FillInWorkbook.DeadlineColumn).GetString());
        Assert.StartsWith("2035年7月15日：", row.Cell(FillInWorkbook.LatestColumn).GetString(), StringComparison.Ordinal);

        Assert.True(sheet.IsProtected);
        Assert.True(sheet.IsPasswordProtected);
        foreach (var locked in new[] { FillInWorkbook.KeyColumn, FillInWorkbook.PlanColumn, FillInWorkbook.PathColumn, FillInWorkbook.TaskColumn, FillInWorkbook.RoleColumn, FillInWorkbook.DeadlineColumn })
        {
            Assert.True(row.Cell(locked).Style.Protection.Locked, $"column {locked} must be locked");
        }

        foreach (var open in new[] { FillInWorkbook.ProgressColumn, FillInWorkbook.PercentColumn, FillInWorkbook.LinksColumn, FillInWorkbook.StatusColumn, FillInWorkbook.SummaryColumn })
        {
            Assert.False(row.Cell(open).Style.Protection.Locked, $"column {open} must be open for input");
        }

        var status = sheet.DataValidations.Single(v => v.AllowedValues == XLAllowedValues.List);
        Assert.Equal("\"推进中,申请办结\"", status.Value);
        Assert.True(status.InCellDropdown);
        Assert.Contains(status.Ranges, r => r.Contains(row.Cell(FillInWorkbook.StatusColumn)));
        var percent = sheet.DataValidations.Single(v => v.AllowedValues == XLAllowedValues.WholeNumber);
        Assert.Equal("0", percent.MinValue);
        Assert.Equal("100", percent.MaxValue);
        Assert.Equal(3, sheet.RowsUsed().Count(r => r.RowNumber() >= LedgerSheetLayout.FirstDataRow));
        AssertPrintsOnA4Landscape(sheet);
    }
}

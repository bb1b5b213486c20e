using ClosedXML.Excel;
using WorkPlanTracker.Features.Ledger;

namespace WorkPlanTracker.IntegrationTests.Features.Ledger;

/// <summary>Uploads that must save nothing: wrong rows, wrong users, wrong files. (The saving round trip has its own fixture: <see cref="LedgerRoundTripTests"/>.)</summary>
public class LedgerUploadTests(LedgerFixture fixture) : IClassFixture<LedgerFixture>
{
    internal static async Task<byte[]> FillInWorkbookAsync(LedgerFixture fixture, int unitId)
    {
        var result = await fixture.Get<LedgerService>().FillInAsync(fixture.UserOf(unitId), unitId);
        using var buffer = new MemoryStream();
        FillInWorkbook.Write(result.Value, buffer);
        return buffer.ToArray();
    }

    private Task<byte[]> FillInWorkbookAsync(int unitId) => FillInWorkbookAsync(fixture, unitId);

    /// <summary>Edits the workbook as a user would (the protection does not stop ClosedXML, so locked cells can be "edited" too).</summary>
    internal static byte[] Edit(byte[] workbook, Action<IXLWorksheet> edit)
    {
        using var book = LedgerFixture.Open(workbook);
        edit(book.Worksheet(FillInWorkbook.SheetName));
        using var buffer = new MemoryStream();
        book.SaveAs(buffer);
        return buffer.ToArray();
    }

    internal static IXLRow RowOf(IXLWorksheet sheet, string path) =>
        sheet.RowsUsed().Single(r => r.Cell(FillInWorkbook.PathColumn).GetString() == path);

    [Fact]
    public async Task Every_wrong_row_is_listed_with_its_row_number_and_reason_and_nothing_is_imported()
    {
        var uploads = fixture.Get<LedgerUploadService>();
        var unitUser = fixture.UserOf(fixture.DataUnit);
        var other = await fixture.AssignmentAsync("一.2", fixture.OtherUnit);
        int good = 0, unknown = 0, foreign = 0, badStatus = 0, edited = 0, empty = 0;
        var filled = Edit(await FillInWorkbookAsync(fixture.DataUnit), sheet =>
        {
            var rows = sheet.RowsUsed().Where(r => r.RowNumber() >= LedgerSheetLayout.FirstDataRow).ToList();

            // 一.1: a correct row, which must not be saved while other rows are wrong.
            var first = RowOf(sheet, "一.1");
            good = first.RowNumber();
            first.Cell(FillInWorkbook.ProgressColumn).SetValue("第二批解读材料已发布。");

            // 二.3: a locked cell changed.
            var changed = RowOf(sheet, "二.3");
            edited = changed.RowNumber();
            changed.Cell(FillInWorkbook.TaskColumn).SetValue("规范政府网站（已改）");
            changed.Cell(FillInWorkbook.ProgressColumn).SetValue("已完成。");

            // 二.4: a status that is not on the list (typed over the dropdown).
            var status = RowOf(sheet, "二.4");
            badStatus = status.RowNumber();
            status.Cell(FillInWorkbook.ProgressColumn).SetValue("持续推进中。");
            status.Cell(FillInWorkbook.StatusColumn).SetValue("完成了");

            var next = rows[^1].RowNumber() + 1;

            // A task that does not exist.
            unknown = next;
            sheet.Cell(next, FillInWorkbook.KeyColumn).SetValue(987654);
            sheet.Cell(next, FillInWorkbook.PathColumn).SetValue("九.9");
            sheet.Cell(next, FillInWorkbook.ProgressColumn).SetValue("不存在的任务。");

            // Another unit's task, copied in with its own (correct) locked values.
            foreign = next + 1;
            sheet.Cell(foreign, FillInWorkbook.KeyColumn).SetValue(other.Id);
            sheet.Cell(foreign, FillInWorkbook.PlanColumn).SetValue(LedgerFixture.PlanTitle);
            sheet.Cell(foreign, FillInWorkbook.PathColumn).SetValue("一.2");
            sheet.Cell(foreign, FillInWorkbook.TaskColumn).SetValue("做好依申请公开");
            sheet.Cell(foreign, FillInWorkbook.RoleColumn).SetValue("牵头");
            sheet.Cell(foreign, FillInWorkbook.DeadlineColumn).SetValue("2035年9月30日");
            sheet.Cell(foreign, FillInWorkbook.ProgressColumn).SetValue("替别人报送。");

            // A row the unit added by hand, without a row key.
            empty = next + 2;
            sheet.Cell(empty, FillInWorkbook.ProgressColumn).SetValue("新加的一行。");
        });
        var before = await fixture.ReportCountAsync();

        var preview = await uploads.PreviewAsync(unitUser, filled);
        var imported = await uploads.ImportAsync(unitUser, filled);

        foreach (var outcome in new[] { preview, imported })
        {
            Assert.Null(outcome.FileError);
            Assert.False(outcome.CanImport);
            Assert.False(outcome.Saved);
            Assert.Equal([edited, badStatus, unknown, foreign, empty], outcome.Errors.Select(e => e.RowNumber));
            var reasons = outcome.Errors.ToDictionary(e => e.RowNumber, e => e.Reason);
            Assert.Contains("锁定的列被修改：工作任务（应为“规范政府网站”", reasons[edited], StringComparison.Ordinal);
            Assert.Contains("填报状态“完成了”无效", reasons[badStatus], StringComparison.Ordinal);
            Assert.Contains("找不到这项任务（行键 987654）", reasons[unknown], StringComparison.Ordinal);
            Assert.Contains("不是本单位（市数据资源局）的任务", reasons[foreign], StringComparison.Ordinal);
            Assert.Contains("行键为空", reasons[empty], StringComparison.Ordinal);
            Assert.DoesNotContain(outcome.Errors, e => e.RowNumber == good);
        }

        Assert.Equal(before, await fixture.ReportCountAsync());
        Assert.Empty((await fixture.AssignmentAsync("一.2", fixture.OtherUnit)).Reports);
    }

    [Fact]
    public async Task A_rule_of_the_workflow_refuses_the_row_as_the_web_form_would()
    {
        var filled = Edit(await FillInWorkbookAsync(fixture.DataUnit), sheet =>
        {
            var row = RowOf(sheet, "一.1");
            row.Cell(FillInWorkbook.ProgressColumn).SetValue("已全部完成。");
            row.Cell(FillInWorkbook.StatusColumn).SetValue(FillInWorkbook.StatusRequestCompletion);
        });

        var outcome = await fixture.Get<LedgerUploadService>().PreviewAsync(fixture.UserOf(fixture.DataUnit), filled);

        var error = Assert.Single(outcome.Errors);
        Assert.Equal("申请办结时请填写完成情况说明", error.Reason);
    }

    [Fact]
    public async Task Leaders_the_office_and_users_of_another_unit_cannot_upload_a_units_workbook()
    {
        var uploads = fixture.Get<LedgerUploadService>();
        var filled = Edit(await FillInWorkbookAsync(fixture.DataUnit), sheet =>
            RowOf(sheet, "一.1").Cell(FillInWorkbook.ProgressColumn).SetValue("领导代为填报。"));
        var before = await fixture.ReportCountAsync();

        Assert.Contains("只有承办单位的用户", (await uploads.ImportAsync(fixture.Leader, filled)).FileError, StringComparison.Ordinal);
        Assert.Contains("只有承办单位的用户", (await uploads.ImportAsync(fixture.Office, filled)).FileError, StringComparison.Ordinal);
        Assert.Contains("这是“市数据资源局”的填报表，您不是该单位的用户", (await uploads.ImportAsync(fixture.UserOf(fixture.OtherUnit), filled)).FileError, StringComparison.Ordinal);
        Assert.Equal(before, await fixture.ReportCountAsync());
    }

    [Fact]
    public async Task A_file_that_is_not_a_fill_in_workbook_or_is_empty_is_refused_as_a_whole()
    {
        var uploads = fixture.Get<LedgerUploadService>();
        var unitUser = fixture.UserOf(fixture.DataUnit);

        Assert.Contains("无法读取这个文件", (await uploads.PreviewAsync(unitUser, "不是表格"u8.ToArray())).FileError, StringComparison.Ordinal);
        var ledger = await fixture.Get<LedgerService>().LedgerAsync(fixture.Office, new LedgerScope(fixture.PlanId, null, null));
        using var other = new MemoryStream();
        LedgerWorkbookWriter.WritePlanLedger(ledger.Value, other);
        Assert.Contains("这不是本系统的进展填报表", (await uploads.PreviewAsync(unitUser, other.ToArray())).FileError, StringComparison.Ordinal);
        Assert.Contains("没有填写任何进展", (await uploads.PreviewAsync(unitUser, await FillInWorkbookAsync(fixture.DataUnit))).FileError, StringComparison.Ordinal);
    }
}

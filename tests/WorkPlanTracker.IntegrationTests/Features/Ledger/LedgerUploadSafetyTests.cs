using WorkPlanTracker.Features.Ledger;
using WorkPlanTracker.Features.Uploads;
using static WorkPlanTracker.IntegrationTests.Features.Ledger.LedgerUploadTests;

namespace WorkPlanTracker.IntegrationTests.Features.Ledger;

/// <summary>Fill-in workbooks that would make the server compute or work for the uploader: formulas, far rows, parallel uploads.</summary>
public class LedgerUploadSafetyTests(LedgerFixture fixture) : IClassFixture<LedgerFixture>
{
    [Fact]
    public async Task Formulas_in_input_cells_are_not_evaluated_and_their_rows_are_refused_with_a_reason()
    {
        var uploads = fixture.Get<LedgerUploadService>();
        var unitUser = fixture.UserOf(fixture.DataUnit);
        int percentRow = 0, linkRow = 0;
        var filled = Edit(await FillInWorkbookAsync(fixture, fixture.DataUnit), sheet =>
        {
            var first = RowOf(sheet, "一.1");
            percentRow = first.RowNumber();
            first.Cell(FillInWorkbook.ProgressColumn).SetValue("第二批解读材料已发布。");
            first.Cell(FillInWorkbook.PercentColumn).FormulaA1 = "50+50";

            var second = RowOf(sheet, "二.3");
            linkRow = second.RowNumber();
            second.Cell(FillInWorkbook.ProgressColumn).SetValue("网站已规范。");
            second.Cell(FillInWorkbook.LinksColumn).FormulaA1 = "HYPERLINK(\"https://www.example.gov.cn/a.html\",\"链接\")";
        });

        var outcome = await uploads.ImportAsync(unitUser, filled);

        Assert.False(outcome.Saved);
        Assert.Empty(outcome.Rows);
        var reasons = outcome.Errors.ToDictionary(e => e.RowNumber, e => e.Reason);
        Assert.Equal([percentRow, linkRow], outcome.Errors.Select(e => e.RowNumber));
        Assert.Contains("“完成进度%”中填写的是公式，系统不计算公式", reasons[percentRow], StringComparison.Ordinal);
        Assert.Contains("“佐证材料链接”中填写的是公式", reasons[linkRow], StringComparison.Ordinal);
        Assert.DoesNotContain(outcome.Errors, e => e.Reason.Contains("XLHyperlink", StringComparison.Ordinal));
        Assert.Equal(1, await fixture.ReportCountAsync());
    }

    [Fact]
    public async Task A_workbook_using_rows_beyond_the_limit_is_refused_before_it_is_opened()
    {
        var filled = Edit(await FillInWorkbookAsync(fixture, fixture.DataUnit), sheet =>
        {
            RowOf(sheet, "一.1").Cell(FillInWorkbook.ProgressColumn).SetValue("已发布。");
            sheet.Cell(FillInWorkbook.UploadLimits.MaxSheetRows + 1, FillInWorkbook.ProgressColumn).SetValue("很远的一行");
        });

        var outcome = await fixture.Get<LedgerUploadService>().PreviewAsync(fixture.UserOf(fixture.DataUnit), filled);

        Assert.Contains("这个文件不能导入：工作表用到了第 5001 行，超过了 5000 行的上限", outcome.FileError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_uploads_one_workbook_at_a_time_and_others_are_not_held_up()
    {
        var uploads = fixture.Get<LedgerUploadService>();
        var gate = fixture.Get<HeavyUploadGate>();
        var filled = Edit(await FillInWorkbookAsync(fixture, fixture.DataUnit), sheet =>
            RowOf(sheet, "一.1").Cell(FillInWorkbook.ProgressColumn).SetValue("已发布。"));
        var unitUser = fixture.UserOf(fixture.DataUnit);

        using (gate.TryEnter(unitUser.UserName))
        {
            Assert.Equal(HeavyUploadGate.BusyMessage, (await uploads.PreviewAsync(unitUser, filled)).FileError);
            using var someoneElse = gate.TryEnter("someone-else");
            Assert.NotNull(someoneElse);
        }

        Assert.True((await uploads.PreviewAsync(unitUser, filled)).CanImport);
    }
}

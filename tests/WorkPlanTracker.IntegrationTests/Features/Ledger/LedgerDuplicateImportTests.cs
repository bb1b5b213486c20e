using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Features.Ledger;
using static WorkPlanTracker.IntegrationTests.Features.Ledger.LedgerUploadTests;

namespace WorkPlanTracker.IntegrationTests.Features.Ledger;

/// <summary>On a fixture of its own (it imports): the same filled-in file a second time is refused with when and by whom.</summary>
public class LedgerDuplicateImportTests(LedgerFixture fixture) : IClassFixture<LedgerFixture>
{
    [Fact]
    public async Task Importing_the_same_file_twice_warns_and_reports_nothing_the_second_time()
    {
        var uploads = fixture.Get<LedgerUploadService>();
        var unitUser = fixture.UserOf(fixture.DataUnit);
        var filled = Edit(await FillInWorkbookAsync(fixture, fixture.DataUnit), sheet =>
        {
            var website = RowOf(sheet, "二.3");
            website.Cell(FillInWorkbook.ProgressColumn).SetValue("网站集约化改造已完成80%。");
            website.Cell(FillInWorkbook.StatusColumn).SetValue(FillInWorkbook.StatusReport);
        });
        var first = await uploads.ImportAsync(unitUser, filled);
        Assert.True(first.Saved, first.FileError);
        var after = await fixture.ReportCountAsync();

        var preview = await uploads.PreviewAsync(unitUser, filled);
        var again = await uploads.ImportAsync(unitUser, filled);

        foreach (var outcome in new[] { preview, again })
        {
            Assert.False(outcome.Saved);
            Assert.False(outcome.CanImport);
            Assert.Contains("这个文件已于2035年7月15日", outcome.FileError, StringComparison.Ordinal);
            Assert.Contains("导入过（1 项进展）", outcome.FileError, StringComparison.Ordinal);
        }

        Assert.Equal(after, await fixture.ReportCountAsync());
        await using var db = fixture.App.NewDbContext();
        var import = await db.LedgerImports.SingleAsync(i => i.OrgUnitId == fixture.DataUnit);
        Assert.Equal(64, import.ContentHash.Length);

        // The same rows typed into a fresh download are a new file: it is not taken for the old one.
        var fresh = Edit(await FillInWorkbookAsync(fixture, fixture.DataUnit), sheet =>
            RowOf(sheet, "二.3").Cell(FillInWorkbook.ProgressColumn).SetValue("网站集约化改造已全部完成。"));
        Assert.Null((await uploads.PreviewAsync(unitUser, fresh)).FileError);
    }
}

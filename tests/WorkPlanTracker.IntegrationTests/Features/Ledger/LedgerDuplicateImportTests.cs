using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Features.Ledger;
using static WorkPlanTracker.IntegrationTests.Features.Ledger.LedgerUploadTests;

namespace WorkPlanTracker.IntegrationTests.Features.Ledger;

/// <summary>On a fixture of its own (it imports): the same filled-in file a second time, even saved again in an office suite, is refused with when and by whom.</summary>
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

        // The same file opened and saved again (other bytes, same content) is still the same file.
        var resaved = Edit(filled, sheet =>
        {
            // What an office suite changes by saving: its own name and the time, the column widths.
            sheet.Workbook.Properties.LastModifiedBy = "WPS Office";
            sheet.Workbook.Properties.Modified = new DateTime(2035, 7, 15, 11, 0, 0, DateTimeKind.Utc);
            sheet.Column(FillInWorkbook.ProgressColumn).Width += 2;
        });
        Assert.NotEqual(filled, resaved);
        Assert.Contains("这个文件已于2035年7月15日", (await uploads.PreviewAsync(unitUser, resaved)).FileError, StringComparison.Ordinal);
        var calc = SavedByLibreOffice(filled);
        if (calc is not null)
        {
            Assert.Contains("这个文件已于2035年7月15日", (await uploads.PreviewAsync(unitUser, calc)).FileError, StringComparison.Ordinal);
        }

        // The same words typed into the next day's download are a new report: it is not taken for the old file.
        fixture.App.Clock.Advance(TimeSpan.FromDays(1));
        var fresh = Edit(await FillInWorkbookAsync(fixture, fixture.DataUnit), sheet =>
        {
            var website = RowOf(sheet, "二.3");
            website.Cell(FillInWorkbook.ProgressColumn).SetValue("网站集约化改造已完成80%。");
            website.Cell(FillInWorkbook.StatusColumn).SetValue(FillInWorkbook.StatusReport);
        });
        Assert.Null((await uploads.PreviewAsync(unitUser, fresh)).FileError);
    }

    /// <summary>The workbook opened and saved again by LibreOffice Calc (as WPS or Excel would); null where it is not installed.</summary>
    private static byte[]? SavedByLibreOffice(byte[] workbook)
    {
        var folder = Path.Combine(Path.GetTempPath(), "wpt-resave-" + Guid.NewGuid().ToString("N"));
        var input = Path.Combine(folder, "in", "填报表.xlsx");
        var output = Path.Combine(folder, "out");
        Directory.CreateDirectory(Path.GetDirectoryName(input)!);
        File.WriteAllBytes(input, workbook);
        try
        {
            var start = new System.Diagnostics.ProcessStartInfo("soffice")
            {
                ArgumentList = { $"-env:UserInstallation=file://{folder}/profile", "--headless", "--convert-to", "xlsx", "--outdir", output, input },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = System.Diagnostics.Process.Start(start)!;
            process.WaitForExit(TimeSpan.FromSeconds(90));
            var saved = Path.Combine(output, "填报表.xlsx");
            return File.Exists(saved) ? File.ReadAllBytes(saved) : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

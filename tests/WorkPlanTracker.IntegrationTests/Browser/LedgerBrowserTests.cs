using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using WorkPlanTracker.Features.Accounts;
using WorkPlanTracker.Features.Ledger;

namespace WorkPlanTracker.IntegrationTests.Browser;

/// <summary>The export buttons clicked in the browser: each one hands over an .xlsx named with plan and date.</summary>
[Collection(SecondBrowserCollection.Name)]
public class LedgerBrowserTests(BrowserFixture browser) : BrowserTests(browser)
{
    private const string Plan = "2024年宿州市政务公开重点工作任务分工方案";

    /// <summary>Clicks until the download starts (the first click can come before the circuit attaches) and opens the file.</summary>
    private static async Task<(string FileName, XLWorkbook Workbook)> DownloadAsync(IPage page, string selector)
    {
        IDownload? download = null;
        await BrowserFixture.UntilAsync(async () =>
        {
            try
            {
                download = await page.RunAndWaitForDownloadAsync(
                    () => page.Locator(selector).First.ClickAsync(),
                    new PageRunAndWaitForDownloadOptions { Timeout = 5000 });
                return true;
            }
            catch (TimeoutException)
            {
                return false;
            }
        });
        var path = Path.Combine(Path.GetTempPath(), $"ledger-{Guid.NewGuid():N}.xlsx");
        await download!.SaveAsAsync(path);
        var workbook = new XLWorkbook(new MemoryStream(await File.ReadAllBytesAsync(path)));
        File.Delete(path);
        return (download.SuggestedFilename, workbook);
    }

    [Fact]
    public async Task The_office_downloads_the_plan_ledger_from_the_plan_page_and_the_overdue_list_from_the_escalations_page()
    {
        int planId;
        await using (var db = Browser.App.NewDbContext())
        {
            planId = await db.Plans.Where(p => p.Title == Plan).Select(p => p.Id).SingleAsync();
        }

        var office = await Browser.NewSessionAsync("office", DemoAccounts.Password);
        var planPage = await Browser.OpenAsync($"/plans/{planId}", office);
        await BrowserFixture.ScreenshotAsync(planPage, "ledger-plan-button");

        var (name, workbook) = await DownloadAsync(planPage, "#download-plan-ledger");
        using (workbook)
        {
            Assert.Matches(@"^2024年宿州市政务公开重点工作任务台账_\d{4}-\d{2}-\d{2}\.xlsx$", name);
            Assert.Equal("2024年宿州市政务公开重点工作任务台账", workbook.Worksheet(LedgerWorkbookWriter.PlanSheetName).Cell("A1").GetString());
        }

        var escalations = await Browser.OpenAsync("/escalations", office);
        // A date typed before the circuit attached is never seen by the server: type it again until the link follows.
        await BrowserFixture.UntilAsync(async () =>
        {
            if ((await escalations.Locator("#download-overdue").GetAttributeAsync("href"))!.Contains("2035-01-01", StringComparison.Ordinal))
            {
                return true;
            }

            await BrowserFixture.EnterAsync(escalations.Locator("#overdue-date"), "2035-01-01");
            await Task.Delay(500);
            return false;
        });
        var (overdueName, overdue) = await DownloadAsync(escalations, "#download-overdue");
        using (overdue)
        {
            Assert.Equal("逾期任务督办清单_2035-01-01.xlsx", overdueName);
            Assert.Equal("逾期任务督办清单（截至2035年1月1日）", overdue.Worksheet(LedgerWorkbookWriter.OverdueSheetName).Cell("A1").GetString());
        }
    }

    [Fact]
    public async Task A_unit_user_downloads_the_units_ledger_and_fill_in_workbook_from_my_tasks_and_the_upload_page_answers()
    {
        var unit = await Browser.NewSessionAsync("unit", DemoAccounts.Password);
        var list = await Browser.OpenAsync("/assignments", unit);
        await Assertions.Expect(list.Locator(".download-fill-in")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(list, "ledger-my-tasks-buttons");

        var (ledgerName, ledger) = await DownloadAsync(list, ".download-unit-ledger");
        using (ledger)
        {
            Assert.EndsWith("（市数据资源局）_" + DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + ".xlsx", ledgerName, StringComparison.Ordinal);
            Assert.NotNull(ledger.Worksheet(LedgerWorkbookWriter.UnitSheetName));
        }

        var (fillInName, fillIn) = await DownloadAsync(list, ".download-fill-in");
        var path = Path.Combine(Path.GetTempPath(), fillInName);
        using (fillIn)
        {
            Assert.StartsWith("市数据资源局工作任务进展填报表_", fillInName, StringComparison.Ordinal);
            Assert.True(fillIn.Worksheet(FillInWorkbook.SheetName).IsProtected);
            fillIn.SaveAs(path);
        }

        try
        {
            var upload = await Browser.OpenAsync("/ledger/upload", unit);
            await Browser.UploadUntilAsync(upload, "#fill-in-file", upload.Locator("#upload-message"), path);
            await Assertions.Expect(upload.Locator("#upload-message")).ToContainTextAsync("没有填写任何进展");
            await BrowserFixture.ScreenshotAsync(upload, "ledger-upload-page");
        }
        finally
        {
            File.Delete(path);
        }
    }
}

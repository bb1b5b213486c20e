using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using WorkPlanTracker.Features.Accounts;
using WorkPlanTracker.Features.Assignments;

namespace WorkPlanTracker.IntegrationTests.Browser;

/// <summary>Evidence files as a unit chooses them in the browser: several at once, each read with its progress and checked.</summary>
[Collection(BrowserCollection.Name)]
public class EvidenceBrowserTests(BrowserFixture browser) : BrowserTests(browser)
{
    [Fact]
    public async Task Several_files_chosen_at_once_are_listed_checked_and_sent_with_the_report()
    {
        var assignmentId = await AcknowledgedAssignmentAsync();
        var folder = Directory.CreateTempSubdirectory("wpt-evidence-browser").FullName;
        string[] names = ["解读材料.pdf", "发布截图.png", "改名程序.pdf"];
        await File.WriteAllBytesAsync(Path.Combine(folder, names[0]), Encoding.ASCII.GetBytes("%PDF-1.4\n" + new string('x', 300_000) + "\n%%EOF\n"));
        await File.WriteAllBytesAsync(Path.Combine(folder, names[1]), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]);
        await File.WriteAllBytesAsync(Path.Combine(folder, names[2]), [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00]);
        var unit = await Browser.NewSessionAsync("unit", DemoAccounts.Password);
        try
        {
            var page = await Browser.OpenAsync($"/assignments/{assignmentId}", unit);
            var chosen = page.Locator(".evidence-chosen li");
            await Browser.UploadUntilAsync(page, "#report-files", chosen.Nth(1), [.. names.Select(n => Path.Combine(folder, n))]);

            await Assertions.Expect(chosen.Nth(0)).ToContainTextAsync("解读材料.pdf");
            await Assertions.Expect(chosen.Nth(1)).ToContainTextAsync("发布截图.png");
            await Assertions.Expect(page.Locator(".evidence-picker [role=alert]")).ToContainTextAsync("「改名程序.pdf」的内容不是真正的 PDF 文件");
            await BrowserFixture.ScreenshotAsync(page, "evidence-multiple-files");

            await BrowserFixture.EnterAsync(page.Locator("#report-progress"), "已发布解读材料和截图。");
            await page.Locator("#submit-report").ClickAsync();

            await BrowserFixture.UntilAsync(async () =>
            {
                await using var db = Browser.App.NewDbContext();
                return await db.EvidenceFiles.CountAsync(f => f.Report!.AssignmentId == assignmentId) == 2;
            });
            await using (var db = Browser.App.NewDbContext())
            {
                var stored = await db.EvidenceFiles.Where(f => f.Report!.AssignmentId == assignmentId).Select(f => f.FileName).ToListAsync();
                Assert.Equal(["发布截图.png", "解读材料.pdf"], stored.Order(StringComparer.Ordinal));
            }

            // Sent files do not wait on disk for the tab to close.
            var scratch = Path.Combine(Browser.App.DataDirectory, "uploads-tmp");
            Assert.Empty(Directory.Exists(scratch) ? Directory.GetFiles(scratch, "*", SearchOption.AllDirectories) : []);
        }
        finally
        {
            await unit.CloseAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task<int> AcknowledgedAssignmentAsync()
    {
        var title = $"佐证县2040年政务公开工作要点{Guid.NewGuid():N}"[..24];
        var assignmentId = (await Browser.App.PublishedAssignmentsAsync($"""
            {title}
            一、工作任务
            1.发布政策解读材料。(市数据资源局牵头,2040年6月底前)
            """, "佐证.txt", "市数据资源局")).Single();
        var unit = TestActors.UserOf(await Browser.App.UnitIdAsync("市数据资源局"));
        var service = Browser.App.Get<AssignmentService>();
        var acknowledged = await service.AcknowledgeAsync(unit, assignmentId, (await service.GetAsync(unit, assignmentId)).Value.Version);
        Assert.True(acknowledged.Succeeded, acknowledged.Message);
        return assignmentId;
    }
}

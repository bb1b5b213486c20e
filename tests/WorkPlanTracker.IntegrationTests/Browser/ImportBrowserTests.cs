using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace WorkPlanTracker.IntegrationTests.Browser;

[Collection(BrowserCollection.Name)]
public class ImportBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_office_user_uploads_a_plan_reviews_it_and_saves_it()
    {
        var file = Path.Combine(Path.GetTempPath(), $"浏览器测试-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(file, """
            浏览器县2033年政务公开工作要点
            一、工作任务
            1.加强政策解读。(县政府办公室牵头;县司法局配合,2033年6月底前)
            2.做好依申请公开。(2033年12月底前)
            """);
        try
        {
            var page = await browser.OpenAsync("/import");

            var rows = page.Locator("tr.review-row");
            await BrowserFixture.UntilAsync(async () =>
            {
                if (await page.Locator("#plan-file").CountAsync() > 0)
                {
                    await page.Locator("#plan-file").SetInputFilesAsync(file);
                }

                return await rows.CountAsync() > 0;
            });
            await Assertions.Expect(rows).ToHaveCountAsync(2);
            await Assertions.Expect(rows.Nth(1)).ToContainTextAsync("未找到牵头单位");
            await BrowserFixture.ScreenshotAsync(page, "import-review");

            await rows.Nth(1).Locator("textarea.lead-units").FillAsync("县档案馆");
            await rows.Nth(1).Locator("textarea.lead-units").BlurAsync();
            await Assertions.Expect(rows.Nth(1)).Not.ToContainTextAsync("未找到牵头单位");

            await page.GetByRole(AriaRole.Button, new() { Name = "保存为草稿计划" }).ClickAsync();

            await page.WaitForURLAsync("**/plans/*");
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("浏览器县2033年政务公开工作要点");
            await Assertions.Expect(page.Locator("table.task-table")).ToContainTextAsync("县档案馆");
            await using var db = browser.App.NewDbContext();
            Assert.True(await db.Plans.AnyAsync(p => p.Title == "浏览器县2033年政务公开工作要点"));
        }
        finally
        {
            File.Delete(file);
        }
    }
}

using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace WorkPlanTracker.IntegrationTests.Browser;

[Collection(BrowserCollection.Name)]
public class ImportBrowserTests(BrowserFixture browser) : BrowserTests(browser)
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
            var page = await Browser.OpenAsync("/import");

            var rows = page.Locator("tr.review-row");
            await Browser.UploadUntilAsync(page, "#plan-file", rows, file);
            await Assertions.Expect(rows).ToHaveCountAsync(2);
            await Assertions.Expect(rows.Nth(1)).ToContainTextAsync("未找到牵头单位");
            await BrowserFixture.ScreenshotAsync(page, "import-review");

            await rows.Nth(1).Locator("textarea.lead-units").FillAsync("县档案馆");
            await rows.Nth(1).Locator("textarea.lead-units").BlurAsync();
            await Assertions.Expect(rows.Nth(1)).Not.ToContainTextAsync("未找到牵头单位");

            await Browser.ClickAndWaitForUrlAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "保存为草稿计划" }), "/plans/");
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("浏览器县2033年政务公开工作要点");
            await Assertions.Expect(page.Locator("table.task-table")).ToContainTextAsync("县档案馆");
            await using var db = Browser.App.NewDbContext();
            Assert.True(await db.Plans.AnyAsync(p => p.Title == "浏览器县2033年政务公开工作要点"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Units_named_only_as_sentence_subjects_are_proposed_and_adopted_in_the_review()
    {
        var file = Path.Combine(Path.GetTempPath(), $"主语-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(file, """
            主语县2035年敬老院改革措施
            1.推进规划建设。各县（区）人民政府要加快推进敬老院新建、改建。
            2.完善考核办法。县民政局会同县财政局研究制定考核办法。
            """);
        try
        {
            var page = await Browser.OpenAsync("/import");
            var rows = page.Locator("tr.review-row");
            await Browser.UploadUntilAsync(page, "#plan-file", rows, file);

            await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("句中负责的单位：各县(区)人民政府");
            await Assertions.Expect(rows.Nth(0).Locator("textarea.lead-units")).ToHaveValueAsync("");
            await BrowserFixture.ScreenshotAsync(page, "import-review-suggested-units");

            await page.Locator(".adopt-all-suggestions").ClickAsync();

            await Assertions.Expect(rows.Nth(1).Locator("textarea.lead-units")).ToHaveValueAsync("县民政局");
            await Assertions.Expect(rows.Nth(1).Locator("textarea.supporting-units")).ToHaveValueAsync("县财政局");
            await Assertions.Expect(page.Locator(".adopt-all-suggestions")).ToHaveCountAsync(0);
            await BrowserFixture.ScreenshotAsync(page, "import-review-suggestions-adopted");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task An_excel_task_table_is_read_by_its_headers_and_saved()
    {
        var file = Path.Combine(Path.GetTempPath(), $"任务分解表-{Guid.NewGuid():N}.xlsx");
        using (var workbook = new XLWorkbook())
        {
            var sheet = workbook.AddWorksheet("任务分解表");
            sheet.Cell(1, 1).Value = "表格县2034年政务公开重点工作任务分解表";
            sheet.Range(1, 1, 1, 5).Merge();
            string[] header = ["序号", "重点任务", "完成时限", "牵头单位", "配合单位"];
            for (var c = 0; c < header.Length; c++)
            {
                sheet.Cell(2, c + 1).Value = header[c];
            }

            object[][] rows =
            [
                ["1", "推进政策文件集中公开", "2034年6月底前", "县政府办公室", "县司法局、各乡镇政府"],
                ["2", "做好政策解读回应", "持续推进", "县政府办公室", ""],
            ];
            for (var r = 0; r < rows.Length; r++)
            {
                for (var c = 0; c < rows[r].Length; c++)
                {
                    sheet.Cell(r + 3, c + 1).Value = rows[r][c];
                }
            }

            workbook.SaveAs(file);
        }

        try
        {
            var page = await Browser.OpenAsync("/import");
            var rowsOnPage = page.Locator("tr.review-row");
            await Browser.UploadUntilAsync(page, "#plan-file", rowsOnPage, file);

            await Assertions.Expect(rowsOnPage).ToHaveCountAsync(2);
            await Assertions.Expect(page.Locator("#meta-title")).ToHaveValueAsync("表格县2034年政务公开重点工作任务分解表");
            await Assertions.Expect(page.Locator(".review-meta")).ToContainTextAsync("Excel 表格");
            await Assertions.Expect(rowsOnPage.Nth(0).Locator("textarea.lead-units")).ToHaveValueAsync("县政府办公室");
            await Assertions.Expect(rowsOnPage.Nth(0).Locator("textarea.supporting-units")).ToHaveValueAsync("县司法局、各乡镇政府");
            await Assertions.Expect(rowsOnPage.Nth(1).Locator("input[type=checkbox]")).ToBeCheckedAsync();
            await BrowserFixture.ScreenshotAsync(page, "import-review-xlsx");

            await Browser.ClickAndWaitForUrlAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "保存为草稿计划" }), "/plans/");
            await Assertions.Expect(page.Locator("table.task-table")).ToContainTextAsync("2034年6月30日");
            await Assertions.Expect(page.Locator("table.task-table")).ToContainTextAsync("持续推进");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_pasted_plan_of_30000_characters_is_reviewed_and_one_beyond_the_limit_is_refused_with_the_limit()
    {
        var plan = new System.Text.StringBuilder("粘贴县2041年政务公开工作要点\n一、工作任务\n");
        var tasks = 0;
        while (plan.Length < 30_000)
        {
            tasks++;
            plan.Append(tasks).Append(".推进第").Append(tasks).Append("项重点工作，")
                .Append(string.Concat(Enumerable.Repeat("持续深化政务公开标准化规范化建设，", 25)))
                .Append("。(市数据资源局牵头,2041年6月底前)\n");
        }

        Assert.True(plan.Length > 30_000 && System.Text.Encoding.UTF8.GetByteCount(plan.ToString()) > 32 * 1024, "more than one SignalR message could carry");
        var page = await Browser.OpenAsync("/import");
        await Assertions.Expect(page.Locator(".panel")).ToContainTextAsync("可粘贴不超过 10 MB（约 349 万个汉字）的全文");
        var rows = page.Locator("tr.review-row");
        // Clicked again only while the click seems lost (button still enabled, nothing shown): a second click while the
        // first is read would only be told to wait for it.
        var said = new List<string>();
        for (var attempt = 0; attempt < 8 && await rows.CountAsync() == 0; attempt++)
        {
            if (await page.Locator(".alert-danger").CountAsync() > 0)
            {
                said.Add(await page.Locator(".alert-danger").First.InnerTextAsync());
            }

            if (await page.Locator("#parse-pasted:enabled").CountAsync() > 0)
            {
                // Filled again each time: text typed before the circuit attached is replaced with the interactive page's empty box.
                await page.Locator("#plan-text").FillAsync(plan.ToString());
                await page.Locator("#parse-pasted").ClickAsync();
            }

            try
            {
                await rows.First.WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
            }
            catch (TimeoutException)
            {
                // Not connected yet, or a loaded machine: look again.
            }
        }

        Assert.True(await rows.CountAsync() > 0, "no review; the page said: " + string.Join(" | ", said));
        // One page of tasks at a time (a review of thousands of tasks as one form was megabytes per edit): the rest on the next.
        var pageSize = WorkPlanTracker.Features.Import.ImportReviewForm.DefaultPageSize;
        Assert.True(tasks > pageSize, "more tasks than one page holds");
        await Assertions.Expect(rows).ToHaveCountAsync(pageSize);
        await Assertions.Expect(page.Locator(".import-actions")).ToContainTextAsync($"共 {tasks} 项任务");
        await Assertions.Expect(page.Locator("#meta-title")).ToHaveValueAsync("粘贴县2041年政务公开工作要点");
        await page.GetByRole(AriaRole.Button, new() { Name = "下一页" }).ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(tasks - pageSize);
        await Assertions.Expect(rows.First.Locator("input[aria-label=序号]")).ToHaveValueAsync($"一.{pageSize + 1}");

        await page.GetByRole(AriaRole.Button, new() { Name = "重新选择文件" }).ClickAsync();
        // Hidden first: laying out 3.5 million characters would only slow Chromium down, the script reads the value all the same.
        await page.Locator("#plan-text").EvaluateAsync("box => { box.style.display = 'none'; box.value = '任'.repeat(10 * 1024 * 1024 / 3 + 1); }");
        await page.Locator("#parse-pasted").ClickAsync();

        // Chromium needs a moment to encode 10 MB of text on a loaded machine; the server reads only its length.
        await Assertions.Expect(page.Locator(".alert-danger")).ToContainTextAsync("粘贴的内容太长，超过了 10 MB（约 349 万个汉字）的上限", new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("#parse-pasted")).ToBeEnabledAsync();
        await BrowserFixture.ScreenshotAsync(page, "import-paste-too-long");
    }
}

using System.Text;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;
using WorkPlanTracker.Features.Import;
using WorkPlanTracker.Features.Import.Documents;
using WorkPlanTracker.Features.Uploads;

namespace WorkPlanTracker.Tests.Features.Import;

public class ImportPageTests(SeededDatabase db) : IClassFixture<SeededDatabase>
{
    private const string Plan = """
        示例县2032年政务公开工作要点
        一、工作任务
        1.加强政策解读。(县政府办公室牵头,2032年6月底前)
        2.做好依申请公开。(2032年12月底前)
        """;

    private BunitContext NewContext()
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddSingleton(db.Get<PlanImportService>());
        ctx.Services.AddSingleton(new PlanDocumentReader());
        ctx.Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(new ImportOptions()));
        ctx.Services.AddSingleton(gate);
        ctx.Services.AddSingleton<ImportSourceService>();
        ctx.AddAuthorization().SetAuthorized("office");
        ctx.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return ctx;
    }

    private readonly HeavyUploadGate gate = new(TimeProvider.System);

    /// <summary>What plan-paste.js hands over in the browser: the textarea's text as a UTF-8 stream.</summary>
    private static void Paste(BunitContext ctx, string text) =>
        ctx.JSInterop.SetupModule("./js/plan-paste.js")
            .Setup<IJSStreamReference>("pastedText", _ => true)
            .SetResult(new PastedText(text));

    private sealed class PastedText(string text) : IJSStreamReference
    {
        private readonly byte[] bytes = Encoding.UTF8.GetBytes(text);

        public bool Opened { get; private set; }

        public long Length => bytes.Length;

        public ValueTask<Stream> OpenReadStreamAsync(long maxAllowedSize = 512000, CancellationToken cancellationToken = default)
        {
            Opened = true;
            return Length > maxAllowedSize
                ? throw new InvalidOperationException("longer than allowed")
                : ValueTask.FromResult<Stream>(new MemoryStream(bytes));
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Pasted_plan_is_reviewed_fixed_and_saved_as_a_draft()
    {
        await using var ctx = NewContext();
        var page = ctx.Render<ImportPage>();

        Paste(ctx, Plan);
        page.Find("#parse-pasted").Click();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("tr.review-row").Count));
        var second = page.FindAll("tr.review-row")[1];
        Assert.Contains("未找到牵头单位", second.TextContent);
        Assert.Contains("has-warning", second.ClassName);

        second.QuerySelector("textarea.lead-units")!.Change("县档案馆");

        page.WaitForAssertion(() => Assert.DoesNotContain("未找到牵头单位", page.FindAll("tr.review-row")[1].TextContent));
        Assert.Contains("新单位“县档案馆”", page.FindAll("tr.review-row")[1].TextContent);

        page.FindAll(".import-actions button").Single(b => b.TextContent.Contains("保存为草稿计划")).Click();

        var navigation = ctx.Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.Matches(@"/plans/\d+$", navigation.Uri));
        await using var data = db.NewContext();
        var saved = await data.Plans.Include(p => p.Tasks).ThenInclude(t => t.Parties).SingleAsync(p => p.Title == "示例县2032年政务公开工作要点");
        Assert.EndsWith($"/plans/{saved.Id}", navigation.Uri);
        Assert.Equal(["县档案馆"], saved.Tasks.Single(t => t.Path == "一.2").Parties.Select(p => p.NameAsWritten));
        Assert.Equal(WorkPlanTracker.Domain.PlanStatus.Draft, saved.Status);
    }


    [Fact]
    public async Task Similar_units_are_proposed_once_above_the_tasks_and_only_the_confirmed_one_is_merged_on_save()
    {
        int marketId, reformId;
        await using (var setup = db.NewContext())
        {
            var market = new WorkPlanTracker.Domain.OrgUnit { Name = "己山区市场局" };
            var reform = new WorkPlanTracker.Domain.OrgUnit { Name = "己山区发展和改革委员会" };
            setup.Units.AddRange(market, reform);
            await setup.SaveChangesAsync();
            (marketId, reformId) = (market.Id, reform.Id);
        }

        await using var ctx = NewContext();
        var page = ctx.Render<ImportPage>();
        Paste(ctx, """
            己山区2032年政务公开工作要点
            一、工作任务
            1.加强政策解读。(己山区市场监管局牵头,2032年6月底前)
            2.做好依申请公开。(己山区市场监管局、己山区发改委牵头,2032年12月底前)
            3.优化政务服务。(己山区发改委牵头,2032年12月底前)
            """);
        page.Find("#parse-pasted").Click();

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("tr.review-row").Count));
        var proposals = page.FindAll("li.unit-proposal");
        Assert.Equal(["己山区市场监管局", "己山区发改委"], proposals.Select(p => p.GetAttribute("data-name")));
        Assert.Contains("计划中的「己山区市场监管局」将视为已有单位「己山区市场局」", proposals[0].TextContent, StringComparison.Ordinal);
        Assert.All(proposals, p => Assert.Contains("作为新单位（默认）", p.TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("tr.review-row button.merge-unit"));

        page.Find("li.unit-proposal[data-name='己山区发改委'] button.merge-unit").Click();

        page.WaitForAssertion(() => Assert.Contains("并入「己山区发展和改革委员会」", page.Find("li.unit-proposal[data-name='己山区发改委']").TextContent, StringComparison.Ordinal));
        Assert.Equal("true", page.Find("li.unit-proposal[data-name='己山区发改委'] button.merge-unit").GetAttribute("aria-pressed"));
        page.FindAll(".import-actions button").Single(b => b.TextContent.Contains("保存为草稿计划")).Click();

        var navigation = ctx.Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.Matches(@"/plans/\d+$", navigation.Uri));
        await using var data = db.NewContext();
        var parties = await data.Plans.Where(p => p.Title == "己山区2032年政务公开工作要点").SelectMany(p => p.Tasks).SelectMany(t => t.Parties).ToListAsync();
        var added = await data.Units.SingleAsync(u => u.Name == "己山区市场监管局");
        Assert.NotEqual(marketId, added.Id);
        Assert.Equal(2, parties.Count(p => p.NameAsWritten == "己山区市场监管局" && p.OrgUnitId == added.Id));
        Assert.Equal(2, parties.Count(p => p.NameAsWritten == "己山区发改委" && p.OrgUnitId == reformId));
        Assert.False(await data.Units.AnyAsync(u => u.Name == "己山区发改委"));
    }

    [Fact]
    public async Task An_uploaded_gbk_text_file_is_read_and_its_encoding_is_named()
    {
        await using var ctx = NewContext();
        var page = ctx.Render<ImportPage>();
        var gbk = Encoding.GetEncoding("GB18030").GetBytes(Plan.Replace("示例县", "编码县"));

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(gbk, "plan.txt"));

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("tr.review-row").Count));
        Assert.Contains("GB18030", page.Find(".review-meta").TextContent);
        Assert.Equal("编码县2032年政务公开工作要点", page.Find("#meta-title").GetAttribute("value"));
    }

    [Fact]
    public async Task Text_without_numbered_tasks_gets_a_clear_message_and_nothing_is_saved()
    {
        await using var ctx = NewContext();
        await using var data = db.NewContext();
        var plans = await data.Plans.CountAsync();
        var page = ctx.Render<ImportPage>();

        Paste(ctx, "今天天气很好，我们开了一个会。");
        page.Find("#parse-pasted").Click();

        page.WaitForAssertion(() => Assert.Contains("没有找到编号的工作任务", page.Find(".alert-danger").TextContent));
        Assert.Empty(page.FindAll("tr.review-row"));
        Assert.Equal(plans, await data.Plans.CountAsync());
    }

    [Fact]
    public async Task A_damaged_pdf_is_refused_before_parsing()
    {
        await using var ctx = NewContext();
        var page = ctx.Render<ImportPage>();

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary([0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x34, 0x0A, 0x00, 0x01], "plan.pdf"));

        page.WaitForAssertion(() => Assert.Contains("“plan.pdf”已损坏，无法作为 PDF 读取", page.Find(".alert-danger").TextContent));
        Assert.Empty(page.FindAll("tr.review-row"));
    }

    [Fact]
    public async Task An_item_that_is_not_a_task_is_turned_into_a_heading_or_removed_and_counts_nowhere()
    {
        await using var ctx = NewContext();
        var page = ctx.Render<ImportPage>();
        Paste(ctx, """
            标题县2032年政务公开工作要点
            一、总体要求。坚持以人民为中心。
            二、工作安排
            三、工作任务
            1.加强政策解读。(县政府办公室牵头,2032年6月底前)
            """);
        page.Find("#parse-pasted").Click();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("tr.review-row").Count));

        page.FindAll("tr.review-row")[0].QuerySelector("button.remove-item")!.Click();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("tr.review-row").Count));
        page.FindAll("tr.review-row")[0].QuerySelector("button.demote-item")!.Click();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("tr.review-row")));
        Assert.Contains("已移除：一", page.Find(".set-aside-item.removed").TextContent);
        Assert.Contains("已改为标题：二、工作安排", page.Find(".set-aside-item.demoted").TextContent);
        Assert.Contains("共 1 项任务 · 0 处错误 · 0 处提示", page.Find(".import-actions").TextContent);

        page.Find(".set-aside-item.removed button.restore-item").Click();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("tr.review-row").Count));
    }

    [Fact]
    public async Task Units_a_plan_names_only_as_sentence_subjects_are_adopted_by_one_task_or_all_and_then_saved()
    {
        await using var ctx = NewContext();
        var page = ctx.Render<ImportPage>();
        Paste(ctx, """
            主语县2032年敬老院改革措施
            1.推进规划建设。各县（区）人民政府要加快推进敬老院新建、改建。
            2.完善考核办法。县民政局会同县财政局研究制定考核办法。
            3.提升居住环境。县卫生健康委要为入住老人提供健康服务。
            """);
        page.Find("#parse-pasted").Click();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("tr.review-row").Count));
        Assert.All(page.FindAll("textarea.lead-units"), field => Assert.Equal("", field.GetAttribute("value") ?? field.TextContent));
        Assert.Contains("句中负责的单位：各县(区)人民政府", page.FindAll("tr.review-row")[0].TextContent);
        Assert.Contains("3 项任务没有牵头单位", page.Find(".adopt-all-suggestions").ParentElement!.TextContent);
        Assert.DoesNotContain(page.FindAll(".alert-warning"), alert => alert.TextContent.Contains("全文未写明责任单位", StringComparison.Ordinal));

        page.FindAll("tr.review-row")[0].QuerySelector("button.adopt-suggestion")!.Click();

        page.WaitForAssertion(() => Assert.Equal("各县(区)人民政府", page.FindAll("textarea.lead-units")[0].GetAttribute("value")));
        Assert.Contains("2 项任务没有牵头单位", page.Find(".adopt-all-suggestions").ParentElement!.TextContent);

        page.Find(".adopt-all-suggestions").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".adopt-all-suggestions")));
        Assert.Equal("县民政局", page.FindAll("textarea.lead-units")[1].GetAttribute("value"));
        Assert.Equal("县财政局", page.FindAll("textarea.supporting-units")[1].GetAttribute("value"));
        page.FindAll(".import-actions button").Single(b => b.TextContent.Contains("保存为草稿计划")).Click();

        var navigation = ctx.Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.Matches(@"/plans/\d+$", navigation.Uri));
        await using var data = db.NewContext();
        var saved = await data.Plans.Include(p => p.Tasks).ThenInclude(t => t.Parties).SingleAsync(p => p.Title == "主语县2032年敬老院改革措施");
        Assert.Equal(["县卫生健康委"], saved.Tasks.Single(t => t.Path == "3").Parties.Select(p => p.NameAsWritten));
    }

    [Fact]
    public async Task A_pdf_upload_is_read_and_named_as_pdf()
    {
        await using var ctx = NewContext();
        var page = ctx.Render<ImportPage>();
        var pdf = await File.ReadAllBytesAsync(Documents.PdfPlanReadingTests.Fixture("shijiazhuang-2020.pdf"));

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(pdf, "要点.pdf"));

        page.WaitForAssertion(() => Assert.True(page.FindAll("tr.review-row").Count >= 20), TimeSpan.FromSeconds(30));
        Assert.Contains("要点.pdf（PDF）", page.Find(".review-meta").TextContent);
    }

    [Fact]
    public async Task A_paste_beyond_the_limit_is_refused_with_the_limit_without_fetching_it()
    {
        await using var ctx = NewContext();
        var page = ctx.Render<ImportPage>();
        Assert.Contains("可粘贴不超过 10 MB（约 349 万个汉字）的全文", page.Markup);
        var huge = new PastedText(new string('任', (int)(ImportLimits.MaxFileBytes / 3) + 1));
        ctx.JSInterop.SetupModule("./js/plan-paste.js").Setup<IJSStreamReference>("pastedText", _ => true).SetResult(huge);

        page.Find("#parse-pasted").Click();

        page.WaitForAssertion(() => Assert.Contains("粘贴的内容太长，超过了 10 MB（约 349 万个汉字）的上限", page.Find(".alert-danger").TextContent));
        Assert.False(huge.Opened);
        Assert.Empty(page.FindAll("tr.review-row"));
    }

    [Fact]
    public async Task A_second_upload_by_the_same_user_waits_for_the_first_with_a_message()
    {
        await using var ctx = NewContext();
        var page = ctx.Render<ImportPage>();
        using var running = gate.TryEnter("office");
        Paste(ctx, Plan);

        page.Find("#parse-pasted").Click();

        page.WaitForAssertion(() => Assert.Contains("您的另一个文件正在读取和检查", page.Find(".alert-danger").TextContent));
        Assert.Empty(page.FindAll("tr.review-row"));
    }

    [Fact]
    public async Task Before_the_page_is_interactive_the_file_and_paste_controls_are_disabled_so_no_choice_is_lost()
    {
        await using var ctx = NewContext();
        ctx.Renderer.SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var page = ctx.Render<ImportPage>();

        Assert.True(page.Find("#plan-file").HasAttribute("disabled"));
        Assert.True(page.Find("#parse-pasted").HasAttribute("disabled"));
    }

    [Fact]
    public async Task An_upload_cut_off_when_the_page_goes_away_ends_and_gives_the_user_the_next_upload()
    {
        var ctx = NewContext();
        var page = ctx.Render<ImportPage>();
        var input = page.FindComponent<InputFile>();

        // The browser stopped sending (a closed tab): the read would wait for ever.
        var upload = page.InvokeAsync(() => input.Instance.OnChange.InvokeAsync(new InputFileChangeEventArgs([new NeverArrivingFile()])));
        Assert.Null(gate.TryEnter("office"));

        // Meanwhile the page says what it waits for, and another choice cannot start a second read.
        page.WaitForAssertion(() => Assert.Contains("正在接收和读取“计划.txt”", page.Find("[role=status]").TextContent));
        Assert.True(page.Find("#plan-file").HasAttribute("disabled"));

        await ctx.DisposeAsync();

        await upload.WaitAsync(TimeSpan.FromSeconds(10));
        using var next = gate.TryEnter("office");
        Assert.NotNull(next);
    }

    private sealed class NeverArrivingFile : IBrowserFile
    {
        public string Name => "计划.txt";

        public DateTimeOffset LastModified => DateTimeOffset.UnixEpoch;

        public long Size => 1024;

        public string ContentType => "text/plain";

        public Stream OpenReadStream(long maxAllowedSize = 512000, CancellationToken cancellationToken = default) =>
            new NeverArrivingStream(cancellationToken);
    }

    private sealed class NeverArrivingStream(CancellationToken opened) : MemoryStream
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            using var either = CancellationTokenSource.CreateLinkedTokenSource(opened, cancellationToken);
            await Task.Delay(Timeout.Infinite, either.Token);
            return 0;
        }
    }
}

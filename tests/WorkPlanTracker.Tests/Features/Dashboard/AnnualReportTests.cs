using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WorkPlanTracker.Features.Dashboard;

namespace WorkPlanTracker.Tests.Features.Dashboard;

/// <summary>The year-end draft, reopened as Word would open it.</summary>
public class AnnualReportTests(DashboardFixture data) : IClassFixture<DashboardFixture>
{
    private async Task<(string Text, WordprocessingDocument Document)> WriteAndReopenAsync()
    {
        var draft = (await data.Database.Get<AnnualReportService>().DraftAsync(DashboardFixture.Leader, 2024)).Value;
        var bytes = AnnualReportDocument.Write(draft);
        var document = WordprocessingDocument.Open(new MemoryStream(bytes), isEditable: false);
        var text = string.Join("\n", document.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Select(p => p.InnerText));
        return (text, document);
    }

    [Fact]
    public async Task The_draft_says_what_was_planned_and_what_was_done()
    {
        var (text, document) = await WriteAndReopenAsync();
        using (document)
        {
            Assert.Contains("2024年度工作计划落实情况（草稿）", text);
            Assert.Contains("一、年度工作计划总体情况", text);
            Assert.Contains("2024年共印发工作计划1个：《2024年测试工作要点》，共部署重点任务6项，分解交办给3个单位，形成交办事项7项。", text);
            Assert.Contains("已办结任务1项，占16.7%；正在推进2项，持续推进1项，逾期未完成1项，尚未分派1项。", text);
            Assert.Contains("已办结2项，其中按原定时限办结1项，按时办结率50.0%。", text);
            Assert.DoesNotContain("草稿任务", text);
        }
    }

    [Fact]
    public async Task The_draft_says_what_is_late_and_why_in_the_units_latest_words()
    {
        var (text, document) = await WriteAndReopenAsync();
        using (document)
        {
            Assert.Contains("三、未按期完成的任务及原因", text);
            Assert.Contains("1. 规范依申请公开办理（任务序号一.2，完成时限2024年5月31日，已逾期1天）。", text);
            Assert.Contains("测试甲局：督办回复：因系统升级延误，6月中旬完成", text);
            Assert.Contains("测试丙县人民政府：延期理由：等待上级批复", text);
        }
    }

    [Fact]
    public async Task Headings_and_body_carry_an_East_Asian_font()
    {
        var (_, document) = await WriteAndReopenAsync();
        using (document)
        {
            var fonts = document.MainDocumentPart!.Document.Body!.Descendants<RunFonts>().Select(f => f.EastAsia?.Value).Distinct().ToList();
            Assert.Equal(["仿宋", "黑体"], fonts.Order(StringComparer.Ordinal));
            var defaults = document.MainDocumentPart.StyleDefinitionsPart!.Styles!.Descendants<RunFonts>().Single();
            Assert.Equal("仿宋", defaults.EastAsia?.Value);
        }
    }
}

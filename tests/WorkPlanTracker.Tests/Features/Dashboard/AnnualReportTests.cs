using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WorkPlanTracker.Features.Dashboard;

namespace WorkPlanTracker.Tests.Features.Dashboard;

/// <summary>The year-end draft, reopened as Word would open it.</summary>
public class AnnualReportTests(DashboardFixture data) : IClassFixture<DashboardFixture>
{
    [Fact]
    public async Task The_draft_says_what_was_planned_and_what_was_done()
    {
        using var report = await AnnualReportFile.WriteAsync(data.Database, DashboardFixture.Leader);
        Assert.Contains("2024年度工作计划落实情况（草稿）", report.Text);
        Assert.Contains("一、年度工作计划总体情况", report.Text);
        Assert.Contains("2024年共印发工作计划1个：《2024年测试工作要点》，共部署重点任务6项，分解交办给3个单位，形成交办事项7项。", report.Text);
        Assert.Contains("已办结任务1项，占16.7%；正在推进2项，持续推进1项，逾期未完成1项，尚未分派1项。", report.Text);
        Assert.Contains("已办结2项，其中按原定时限办结1项，按时办结率50.0%。", report.Text);
        Assert.DoesNotContain("草稿任务", report.Text);
    }

    [Fact]
    public async Task The_draft_says_what_is_late_and_why_in_the_units_latest_words()
    {
        using var report = await AnnualReportFile.WriteAsync(data.Database, DashboardFixture.Leader);
        Assert.Contains("四、未按期完成的任务及原因", report.Text);
        Assert.Contains("一、2.规范依申请公开办理（完成时限2024年5月31日，已逾期1天）。", report.Text);
        Assert.Contains("测试甲局：督办回复：因系统升级延误，6月中旬完成", report.Text);
        Assert.Contains("测试丙县人民政府：延期理由：等待上级批复", report.Text);
        Assert.DoesNotContain("一.2", report.Text);
    }

    [Fact]
    public async Task The_draft_tells_what_each_section_achieved_in_the_units_own_words()
    {
        using var report = await AnnualReportFile.WriteAsync(data.Database, DashboardFixture.Leader);
        Assert.Contains("三、重点任务落实情况\n（一）深化重点领域公开\n1.推进财政预决算公开。测试甲局（已办结）：已完成；测试乙局（已办结）：已完成。\n"
            + "2.规范依申请公开办理。测试甲局：正在修订制度。\n另有1项任务尚无进展报告。\n"
            + "（二）加强平台建设\n1.加强政务新媒体管理。测试丙县人民政府：已开展季度检查。\n另有2项任务尚无进展报告。\n四、", report.Text);
        Assert.DoesNotContain("已完成迁移方案", report.Text);
    }

    [Fact]
    public async Task Headings_use_Words_heading_styles_with_outline_levels_and_official_fonts()
    {
        using var report = await AnnualReportFile.WriteAsync(data.Database, DashboardFixture.Leader);
        Assert.Equal(AnnualReportDocument.Heading1Style, report.StyleOf("一、年度工作计划总体情况"));
        Assert.Equal(AnnualReportDocument.Heading1Style, report.StyleOf("三、重点任务落实情况"));
        Assert.Equal(AnnualReportDocument.Heading2Style, report.StyleOf("（一）深化重点领域公开"));
        Assert.Equal(AnnualReportDocument.TitleStyle, report.StyleOf("2024年度工作计划落实情况（草稿）"));

        var styles = report.Document.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<Style>().ToDictionary(s => s.StyleId!.Value!);
        Assert.Equal("heading 1", styles[AnnualReportDocument.Heading1Style].StyleName!.Val!.Value);
        Assert.Equal(0, styles[AnnualReportDocument.Heading1Style].StyleParagraphProperties!.OutlineLevel!.Val!.Value);
        Assert.Equal(1, styles[AnnualReportDocument.Heading2Style].StyleParagraphProperties!.OutlineLevel!.Val!.Value);
        Assert.Equal("黑体", styles[AnnualReportDocument.Heading1Style].StyleRunProperties!.RunFonts!.EastAsia!.Value);
        Assert.Equal("楷体", styles[AnnualReportDocument.Heading2Style].StyleRunProperties!.RunFonts!.EastAsia!.Value);
        Assert.Equal("黑体", styles[AnnualReportDocument.TitleStyle].StyleRunProperties!.RunFonts!.EastAsia!.Value);
    }

    [Fact]
    public async Task Body_text_carries_an_East_Asian_font()
    {
        using var report = await AnnualReportFile.WriteAsync(data.Database, DashboardFixture.Leader);
        var fonts = report.Document.MainDocumentPart!.Document.Body!.Descendants<RunFonts>().Select(f => f.EastAsia?.Value).Distinct().ToList();
        Assert.Equal(["仿宋"], fonts);
        var defaults = report.Document.MainDocumentPart.StyleDefinitionsPart!.Styles!.DocDefaults!.Descendants<RunFonts>().Single();
        Assert.Equal("仿宋", defaults.EastAsia?.Value);
    }

    [Fact]
    public async Task Every_page_is_numbered_in_the_footer()
    {
        using var report = await AnnualReportFile.WriteAsync(data.Database, DashboardFixture.Leader);
        var main = report.Document.MainDocumentPart!;
        var reference = main.Document.Body!.Elements<SectionProperties>().Single().Elements<FooterReference>().Single();
        var footer = (FooterPart)main.GetPartById(reference.Id!.Value!);
        Assert.Contains(footer.Footer!.Descendants<FieldCode>(), f => f.Text.Trim() == "PAGE");
        Assert.Equal("— 1 —", string.Concat(footer.Footer.Descendants<Text>().Select(t => t.Text)));
        Assert.Equal("宋体", footer.Footer.Descendants<RunFonts>().Select(f => f.EastAsia?.Value).Distinct().Single());
    }
}

/// <summary>The draft over texts typed the way people type them, and a year in which nothing is closed yet.</summary>
public partial class AnnualReportPunctuationTests(AnnualReportPunctuationFixture data) : IClassFixture<AnnualReportPunctuationFixture>
{
    [Fact]
    public async Task Quoted_texts_ending_in_a_mark_never_leave_two_marks_in_a_row()
    {
        using var report = await AnnualReportFile.WriteAsync(data.Database, DashboardFixture.Leader);
        Assert.Contains("已完成清单审核", report.Text);
        Assert.Contains("《2024年清理测试要点》", report.Text);
        var doubled = DoubledMarks().Matches(report.Text).Select(m => m.Value).ToList();
        Assert.True(doubled.Count == 0, "doubled punctuation: " + string.Join(" ", doubled) + "\n" + report.Text);
    }

    [Fact]
    public async Task The_on_time_rate_is_a_dash_while_nothing_is_closed()
    {
        using var report = await AnnualReportFile.WriteAsync(data.Database, DashboardFixture.Leader);
        Assert.Contains("各单位交办事项已办结0项，其中按原定时限办结0项，按时办结率—。", report.Text);
    }

    [Fact]
    public async Task Tasks_are_cited_by_the_plans_own_numbers()
    {
        using var report = await AnnualReportFile.WriteAsync(data.Database, DashboardFixture.Leader);
        Assert.Equal(AnnualReportDocument.Heading2Style, report.StyleOf("（一）优化政务服务"));
        Assert.Contains("\n（一）1.推进办事清单梳理。测试甲局：已完成清单审核；测试乙局：已提供数据。\n另有1项任务尚无进展报告。\n", report.Text);
        Assert.Contains("\n一、（一）1.推进办事清单梳理（完成时限2024年5月31日，已逾期1天）。原因：测试甲局：督办回复：因系统升级延误；测试乙局：未说明原因。\n", report.Text);
        Assert.DoesNotContain("一.(一).1", report.Text);
    }

    [Fact]
    public async Task A_returned_report_is_not_quoted_as_achieved()
    {
        using var report = await AnnualReportFile.WriteAsync(data.Database, DashboardFixture.Leader);
        Assert.DoesNotContain(AnnualReportPunctuationFixture.ReturnedText, report.Text);
        Assert.DoesNotContain("已梳理办理事项清单120项", report.Text);
    }

    [GeneratedRegex("[。；，、：！？][。；，、：！？]")]
    private static partial Regex DoubledMarks();
}

using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;
using WorkPlanTracker.Features.Import;
using WorkPlanTracker.Features.Import.Documents;

namespace WorkPlanTracker.Tests.Features.Import.Documents;

/// <summary>
/// Task tables printed to PDF (Fixtures/fujian-2016-task-table.*: rows 1-20 of corpus plan 08 in a ruled table,
/// four landscape pages with the header repeated, rows 11 and 18 cut by page breaks, the unit cells of rows 1-3
/// and 18-20 merged) read as the same table saved as Word.
/// </summary>
public sealed class PdfTableReadingTests
{
    private const string TablePdf = "fujian-2016-task-table.pdf";
    private const string TableDocx = "fujian-2016-task-table.docx";
    private const string CorpusPlan = "08_fujian_prov_2016_zwgk_table_merged";

    /// <summary>The 完成时限 column added to the fixture (the published table has none), by task number.</summary>
    private static readonly Dictionary<int, DateOnly> FixtureDeadlines = new()
    {
        [1] = new(2016, 6, 30), [2] = new(2016, 9, 30), [3] = new(2016, 9, 30), [6] = new(2016, 10, 31),
        [7] = new(2016, 8, 31), [9] = new(2016, 11, 30), [14] = new(2016, 11, 30),
    };

    private static readonly PlanTextParser Parser = new();

    [Fact]
    public void A_task_table_in_a_pdf_reads_the_same_tasks_units_and_deadlines_as_the_table_in_word()
    {
        var fromPdf = Parser.Parse(Read(TablePdf).Text).Tasks;
        var fromDocx = Parser.Parse(Read(TableDocx).Text).Tasks;

        Assert.Equal(20, fromDocx.Count);
        Assert.Equal(fromDocx.Select(Describe), fromPdf.Select(Describe));
    }

    [Fact]
    public void A_task_table_in_a_pdf_reads_every_task_unit_and_deadline_of_the_plans_key()
    {
        var key = ImportEvaluation.ReadKey(Path.Combine(AppContext.BaseDirectory, "Features", "Import", "Corpus", "keys", CorpusPlan + ".json"))
            .Take(20)
            .Select((task, i) => task with { Deadline = FixtureDeadlines.GetValueOrDefault(i + 1, new DateOnly(2016, 12, 31)) })
            .ToList();

        var accuracy = new ImportEvaluation(new PlanDocumentReader(), Parser).EvaluateDocument(TablePdf, PdfPlanReadingTests.Fixture(TablePdf), key);

        Assert.Null(accuracy.Refusal);
        Assert.Equal((20, 0), (accuracy.TasksFound, accuracy.ExtraTasks));
        Assert.Equal(20, accuracy.DeadlinesRight);

        // Every unit as the key has it, but for task 10, whose cell reads "省公安厅会同省人社厅、卫计委、教育厅等相关部门，…":
        // the parser takes "省公安厅会同省人社厅" for one name from Word and PDF alike (a parser rule, not the reading).
        var parsed = Parser.Parse(Read(TablePdf).Text).Tasks.ToDictionary(t => t.Path);
        Assert.All(key.Where(k => k.Path != "一.(三).10"), k =>
        {
            Assert.Equal(Canonical(k.LeadUnits), Canonical(parsed[k.Path].LeadUnits));
            Assert.Equal(Canonical(k.SupportingUnits), Canonical(parsed[k.Path].SupportingUnits));
        });
    }

    [Fact]
    public void Rows_cut_by_a_page_break_are_read_as_one_row_and_the_repeated_header_is_not_a_row()
    {
        var pdf = Read(TablePdf);
        var docx = Read(TableDocx);
        using var document = UglyToad.PdfPig.PdfDocument.Open(PdfPlanReadingTests.Fixture(TablePdf));

        Assert.Equal(4, document.NumberOfPages);
        Assert.Equal(TableLines(docx.Text), TableLines(pdf.Text));
        var lines = TestFiles.Lines(pdf);
        Assert.Contains("11. 加大稳增长、促改革、调结构、惠民生、防风险等方面的政策公开力度(牵头单位:省发改委、省经信委;责任单位:省直各部门，各设区市、平潭综合实验区;完成时限:2016年12月底前)", lines);
        Assert.Contains("18. 公开国有资本整体运营情况、企业国有资产保值增值及经营业绩考核有关情况、国有资产监管制度和监督检查情况等(牵头单位:省国资委、省财政厅;责任单位:省直各相关部门，各设区市、平潭综合实验区;完成时限:2016年12月底前)", lines);
        Assert.DoesNotContain(lines, l => l.Contains("工作任务", StringComparison.Ordinal) || l.Contains("序号", StringComparison.Ordinal));
    }

    [Fact]
    public void Rows_under_a_merged_unit_cell_take_its_units_also_where_the_cell_runs_over_a_page()
    {
        var tasks = Parser.Parse(Read(TablePdf).Text).Tasks.ToDictionary(t => t.Path);

        foreach (var path in new[] { "一.(一).2", "一.(一).3" })
        {
            Assert.Equal(["省编办(省审改办)"], tasks[path].LeadUnits);
            Assert.Equal(["省直各部门", "各设区市", "平潭综合实验区"], tasks[path].SupportingUnits);
        }

        foreach (var path in new[] { "二.(六).19", "二.(六).20" })
        {
            Assert.Equal(["省国资委", "省财政厅"], tasks[path].LeadUnits);
            Assert.Equal(["省直各相关部门", "各设区市", "平潭综合实验区"], tasks[path].SupportingUnits);
        }
    }

    [Fact]
    public void Prose_before_and_after_a_table_reads_as_paragraphs_without_the_page_numbers()
    {
        var lines = TestFiles.Lines(Read(TablePdf));

        Assert.Equal("福建省人民政府办公厅关于印发2016年政务公开工作主要任务分解表的通知", lines[0]);
        Assert.Contains("各地区、各部门要加强组织领导，明确一位负责同志分管政务公开工作，列入工作分工并对外公布；主要负责同志年内至少听取一次政务公开工作汇报，研究部署推进工作。政务公开工作要纳入政府绩效考核体系，尚未纳入的，年内应予纳入。", lines);
        Assert.Equal("2016年政务公开工作主要任务分解表", lines[Array.IndexOf(lines, "一、围绕深化改革推进公开") - 1]);
        Assert.Equal("（此件主动公开）", lines[^1]);
        Assert.DoesNotContain(lines, l => l.Contains('—', StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, 0)]
    [InlineData(false, 90)]
    [InlineData(true, 270)]
    public void A_ruled_table_is_read_row_by_row_in_its_place_between_the_prose_whether_borders_are_lines_or_bars(bool bars, int rotation)
    {
        double[] columns = [50, 150, 300, 450];
        double[] rows = [720, 700, 680];
        using var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(PageSize.A4);
        page.SetRotation(new PageRotationDegrees(rotation));
        page.AddText("1. Publish the budget.", 12, new PdfPoint(50, 750), font);
        foreach (var y in rows)
        {
            Border(page, new PdfPoint(columns[0], y), new PdfPoint(columns[^1], y), bars);
        }

        foreach (var x in columns)
        {
            Border(page, new PdfPoint(x, rows[^1]), new PdfPoint(x, rows[0]), bars);
        }

        page.AddText("Name", 10, new PdfPoint(55, 706), font);
        page.AddText("Unit", 10, new PdfPoint(155, 706), font);
        page.AddText("Date", 10, new PdfPoint(305, 706), font);
        page.AddText("Budget", 10, new PdfPoint(55, 686), font);
        page.AddText("Finance office", 10, new PdfPoint(155, 686), font);
        page.AddText("June", 10, new PdfPoint(305, 686), font);
        page.AddText("2. Answer requests in time.", 12, new PdfPoint(50, 650), font);

        var document = new PlanDocumentReader().Read("plan.pdf", new MemoryStream(builder.Build()));

        Assert.Equal("1. Publish the budget.\nName Unit Date\nBudget Finance office June\n2. Answer requests in time.", document.Text);
    }

    [Theory]
    [InlineData(null, "Name Unit Date\nBudget Finance June\nAudit Audit office July")]
    [InlineData("Annex 2", "Name Unit Date\nBudget Finance June\nAnnex 2\nName Unit Date\nAudit Audit office July")]
    public void A_table_runs_on_over_a_page_with_only_page_furniture_between_and_a_title_starts_another(string? title, string expected)
    {
        using var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        string[][] pages = [["Budget", "Finance", "June"], ["Audit", "Audit office", "July"]];
        for (var p = 0; p < pages.Length; p++)
        {
            var page = builder.AddPage(PageSize.A4);
            page.AddText("City Government Office", 10, new PdfPoint(50, 800), font);
            var top = 760.0;
            if (p == 1 && title is not null)
            {
                page.AddText(title, 12, new PdfPoint(50, 765), font);
                top = 740;
            }

            DrawTable(page, font, top, [["Name", "Unit", "Date"], pages[p]]);
            page.AddText($"- {p + 1} -", 10, new PdfPoint(280, 40), font);
        }

        var document = new PlanDocumentReader().Read("plan.pdf", new MemoryStream(builder.Build()));

        Assert.Equal(expected, document.Text);
    }

    /// <summary>A ruled table whose last row reaches the foot of the page, as a table running on to the next one does.</summary>
    private static void DrawTable(PdfPageBuilder page, PdfDocumentBuilder.AddedFont font, double top, string[][] rows)
    {
        double[] columns = [50, 150, 300, 450];
        var bottom = 60.0;
        var heights = Enumerable.Range(0, rows.Length).Select(r => r < rows.Length - 1 ? 20.0 : top - bottom - 20.0 * (rows.Length - 1)).ToList();
        var y = top;
        for (var r = 0; r < rows.Length; r++)
        {
            page.DrawLine(new PdfPoint(columns[0], y), new PdfPoint(columns[^1], y), 0.5);
            for (var c = 0; c < rows[r].Length; c++)
            {
                page.AddText(rows[r][c], 10, new PdfPoint(columns[c] + 5, y - 14), font);
            }

            y -= heights[r];
        }

        page.DrawLine(new PdfPoint(columns[0], bottom), new PdfPoint(columns[^1], bottom), 0.5);
        foreach (var x in columns)
        {
            page.DrawLine(new PdfPoint(x, bottom), new PdfPoint(x, top), 0.5);
        }
    }

    private static void Border(PdfPageBuilder page, PdfPoint from, PdfPoint to, bool bar)
    {
        if (bar)
        {
            // Word and WPS draw a border as a filled rectangle half a point thick.
            page.DrawRectangle(new PdfPoint(Math.Min(from.X, to.X) - 0.25, Math.Min(from.Y, to.Y) - 0.25), Math.Abs(to.X - from.X) + 0.5, Math.Abs(to.Y - from.Y) + 0.5, 0, fill: true);
        }
        else
        {
            page.DrawLine(from, to, 0.5);
        }
    }

    private static PlanDocument Read(string fixture) =>
        new PlanDocumentReader().Read(fixture, File.OpenRead(PdfPlanReadingTests.Fixture(fixture)));

    private static List<string> Canonical(List<string> units) => units.Select(UnitCounts.Canonical).ToList();

    private static string Describe(ParsedTask task) =>
        $"{task.Path} {task.Text} | {string.Join("、", task.LeadUnits)} | {string.Join("、", task.SupportingUnits)} | {task.Deadline}";

    private static IEnumerable<string> TableLines(string text) =>
        text.Split('\n').SkipWhile(l => l != "一、围绕深化改革推进公开").TakeWhile(l => l != "（此件主动公开）");
}

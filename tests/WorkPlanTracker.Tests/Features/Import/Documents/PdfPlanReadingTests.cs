using System.Text;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;
using WorkPlanTracker.Features.Import;
using WorkPlanTracker.Features.Import.Documents;

namespace WorkPlanTracker.Tests.Features.Import.Documents;

public sealed class PdfPlanReadingTests
{
    private const string Seed = "001_93ad0590acba159a.txt";

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Features", "Import", "Documents", "Fixtures", name);

    [Fact]
    public void A_real_plan_saved_as_pdf_reads_the_same_tasks_as_its_text()
    {
        var reader = new PlanDocumentReader();
        var parser = new PlanTextParser();

        var pdf = reader.Read("石家庄市2020年政务公开工作要点.pdf", File.OpenRead(Fixture("shijiazhuang-2020.pdf")));
        var fromPdf = parser.Parse(pdf.Text);
        var fromText = parser.Parse(File.ReadAllText(SampleFiles.SeedPath(Seed)));

        Assert.Equal(PlanSourceKinds.Pdf, pdf.SourceKind);
        Assert.DoesNotContain("— 2 —", pdf.Text, StringComparison.Ordinal);
        var seedText = File.ReadAllText(SampleFiles.SeedPath(Seed));
        Assert.Equal(CountOccurrences(seedText, "石家庄市人民政府办公室"), CountOccurrences(pdf.Text, "石家庄市人民政府办公室"));
        Assert.Equal(fromText.Title, fromPdf.Title);
        Assert.Equal(fromText.Tasks.Select(t => t.Path), fromPdf.Tasks.Select(t => t.Path));
        Assert.Equal(fromText.Tasks.Select(t => string.Join("、", t.LeadUnits)), fromPdf.Tasks.Select(t => string.Join("、", t.LeadUnits)));
        Assert.Equal(fromText.Tasks.Select(t => t.Deadline), fromPdf.Tasks.Select(t => t.Deadline));
        Assert.Equal(fromText.Tasks.Select(t => t.Text), fromPdf.Tasks.Select(t => t.Text));
    }

    [Fact]
    public void A_pdf_without_a_text_layer_is_refused_as_a_scan()
    {
        var bytes = BuildPdf(1, (page, _) => page.DrawRectangle(new PdfPoint(50, 50), 300, 400));

        var error = TestFiles.Refused("扫描件.pdf", bytes);

        Assert.Contains("“扫描件.pdf”是扫描件", error.Message, StringComparison.Ordinal);
        Assert.Contains("没有可以读取的文字", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pdf_whose_text_layer_gives_raw_font_codes_is_refused_as_garbled_not_as_a_plan_without_tasks()
    {
        // A font embedded without its Unicode mapping gives its two-byte codes, read as Latin-1 characters (here those of
        // the standard font's encoding).
        const string Latin1 = "¡¢£¥§¤«»¶¿´¸¨ÆæØøŒœßªº";
        static string RawCodes(string text) => string.Concat(text.Select(c => $"{Latin1[(c >> 8) % Latin1.Length]}{Latin1[(c & 0xFF) % Latin1.Length]}"));
        var bytes = BuildPdf(1, (page, font) =>
        {
            page.AddText("1." + RawCodes("加强政策解读，做好政务公开工作"), 12, new PdfPoint(50, 700), font);
            page.AddText("2." + RawCodes("推进基层政务公开标准化规范化"), 12, new PdfPoint(50, 680), font);
        });

        var error = TestFiles.Refused("乱码.pdf", bytes);

        Assert.StartsWith("文件“乱码.pdf”的文字层读出来是乱码", error.Message, StringComparison.Ordinal);
        Assert.Contains("另存为 .docx", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1. Publish the budget of every department before the end of June, with the notes.")]
    [InlineData("Le budget est publié à la fin de juin, département par département, avec les notes.")]
    [InlineData("一、工作任务（一）加强政策解读。（县政府办公室牵头，2024年6月底前完成）①②③ — “公开” ×2")]
    public void Text_in_ordinary_scripts_is_not_taken_for_garble(string text)
    {
        Assert.False(PdfPlanReader.LooksGarbled(text));
    }

    [Fact]
    public void An_encrypted_pdf_is_refused_with_what_to_do()
    {
        var error = TestFiles.Refused("加密.pdf", File.ReadAllBytes(Fixture("encrypted.pdf")));

        Assert.StartsWith("文件“加密.pdf”是加密的 PDF，需要密码才能打开：请上传未加密的 PDF", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\n")]
    [InlineData("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF")]
    public void A_corrupt_pdf_is_refused_as_damaged(string content)
    {
        var error = TestFiles.Refused("x.pdf", Encoding.Latin1.GetBytes(content));

        Assert.StartsWith("文件“x.pdf”已损坏，无法作为 PDF 读取", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_real_pdf_is_refused_as_damaged()
    {
        var bytes = File.ReadAllBytes(Fixture("shijiazhuang-2020.pdf"))[..4000];

        var error = TestFiles.Refused("截断.pdf", bytes);

        Assert.Contains("已损坏", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_named_pdf_that_is_not_one_is_refused_as_damaged()
    {
        var error = TestFiles.Refused("x.pdf", Encoding.UTF8.GetBytes("一、工作任务"));

        Assert.Contains("无法作为 PDF 读取", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pdf_beyond_the_page_limit_is_refused_before_it_is_read()
    {
        var bytes = BuildPdf(3, (page, font) => page.AddText("1. Task text on the page.", 12, new PdfPoint(50, 700), font));
        var reader = new PlanDocumentReader(new PlanDocumentReaderOptions(), new ImportOptions { MaxPdfPages = 2 });

        var error = Assert.Throws<ImportInputException>(() => reader.Read("汇编.pdf", new MemoryStream(bytes)));

        Assert.Equal("文件“汇编.pdf”有 3 页，超过了 2 页的上限：请只保留工作计划本身（删去附件、汇编的其他文件）后再上传", error.Message);
    }

    [Fact]
    public void A_pdf_that_takes_longer_than_the_time_budget_is_stopped()
    {
        var reader = new PlanDocumentReader(new PlanDocumentReaderOptions(), new ImportOptions { PdfTimeBudgetSeconds = 0 });

        var error = Assert.Throws<ImportInputException>(() => reader.Read("复杂.pdf", File.OpenRead(Fixture("shijiazhuang-2020.pdf"))));

        Assert.Contains("0 秒内未能读完，已停止读取", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pdf_over_the_size_limit_is_refused_like_any_file()
    {
        var reader = new PlanDocumentReader(new PlanDocumentReaderOptions { MaxFileBytes = 1000 }, new ImportOptions());

        var error = Assert.Throws<ImportInputException>(() => reader.Read("大.pdf", File.OpenRead(Fixture("shijiazhuang-2020.pdf"))));

        Assert.Contains("太大", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Words_of_a_generated_pdf_come_out_in_reading_order()
    {
        var bytes = BuildPdf(1, (page, font) =>
        {
            page.AddText("1. Publish the budget.", 12, new PdfPoint(50, 700), font);
            page.AddText("2. Answer requests in time.", 12, new PdfPoint(50, 680), font);
        });

        var document = new PlanDocumentReader().Read("plan.pdf", new MemoryStream(bytes));

        Assert.Equal("1. Publish the budget.\n2. Answer requests in time.", document.Text);
    }

    private static byte[] BuildPdf(int pages, Action<PdfPageBuilder, PdfDocumentBuilder.AddedFont> draw)
    {
        using var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        for (var i = 0; i < pages; i++)
        {
            draw(builder.AddPage(PageSize.A4), font);
        }

        return builder.Build();
    }

    private static int CountOccurrences(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}

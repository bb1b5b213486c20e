using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using WorkPlanTracker.Features.Import.Documents;
using static WorkPlanTracker.Tests.Features.Import.Documents.TestFiles;

namespace WorkPlanTracker.Tests.Features.Import.Documents;

public sealed class UnsafeAndBadInputTests
{
    [Fact]
    public void EmptyFileIsRefused()
    {
        var error = Refused("要点.txt", []);

        Assert.Equal("文件“要点.txt”无法导入：文件为空。请确认选择了正确的文件，或打开原文件检查内容并重新保存后再上传", error.Message);
        Assert.Equal("要点.txt", error.FileName);
    }

    [Fact]
    public void WhitespaceOnlyFileIsRefusedAsEmpty()
    {
        var error = Refused("要点.txt", Encoding.UTF8.GetBytes(" \r\n\t　\r\n"));

        Assert.Contains("文件为空", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BrowserPathIsCutToTheFileNameInMessages()
    {
        var error = Refused(@"C:\fakepath\要点.txt", []);

        Assert.StartsWith("文件“要点.txt”", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RandomBinaryIsRefused()
    {
        var bytes = new byte[4096];
        new Random(20240301).NextBytes(bytes);

        var error = Refused("要点.txt", bytes);

        Assert.Contains("“要点.txt”不是文本文件", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ControlCharacterGarbageWithoutNulIsRefused()
    {
        var bytes = Enumerable.Range(0, 2000).Select(i => (byte)(i % 3 == 0 ? 0x41 : 1 + (i % 31))).ToArray();

        var error = Refused("data.txt", bytes);

        Assert.Contains("不是文本文件", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("要点.docx", "设置了打开密码")]
    [InlineData("任务表.xlsx", "设置了打开密码")]
    public void OleCompoundFileAsksToSaveInTheNewFormat(string fileName, string expected)
    {
        byte[] bytes = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]];

        var error = Refused(fileName, bytes);

        Assert.Contains($"“{fileName}”", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("另存为", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownExtensionIsRefusedEvenForText()
    {
        var error = Refused("x.rtf", Encoding.UTF8.GetBytes("# 工作要点"));

        Assert.Equal("文件“x.rtf”的格式不受支持：请上传 .txt、.md、.html、.docx、.xlsx、.pdf（或 .doc、.wps、.xls、.et） 文件", error.Message);
    }

    [Fact]
    public void WorkbookNamedAsDocumentIsRefusedAsMismatch()
    {
        var bytes = Xlsx(workbook => workbook.AddWorksheet("Sheet1").Cell("A1").Value = "任务");

        var error = Refused("要点.docx", bytes);

        Assert.Contains("扩展名是 .docx，但内容实际是 Excel 表格", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OtherZipFilesAreRefusedAsUnsupported()
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(archive.CreateEntry("readme.txt").Open());
            writer.Write("hello");
        }

        var error = Refused("附件.zip", zip.ToArray());

        Assert.Contains("格式不受支持", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FileLongerThanTheLimitIsRefusedBeforeReading()
    {
        var reader = new PlanDocumentReader();

        var error = Assert.Throws<ImportInputException>(() => reader.Read("大文件.docx", new HugeUnreadableStream(ImportLimits.MaxFileBytes + 1)));

        Assert.Contains("“大文件.docx”太大", error.Message, StringComparison.Ordinal);
        Assert.Contains("超过了 10 MB 的上限", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StreamOfUnknownLengthIsCutOffAtTheLimit()
    {
        var reader = new PlanDocumentReader(new PlanDocumentReaderOptions { MaxFileBytes = 1024 * 1024 });
        var bytes = Encoding.UTF8.GetBytes(new string('任', 400_000));

        var error = Assert.Throws<ImportInputException>(() => reader.Read("要点.txt", new ForwardOnlyStream(bytes)));

        Assert.Contains("超过了 1 MB 的上限", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ZipBombEntryIsRefusedBeforeOpeningTheDocument()
    {
        // 50 MB of zeros deflate to about 50 KB: far beyond the allowed 100:1.
        var bytes = RewriteZip(SimpleDocx("一、总体要求"), new Dictionary<string, string>(), archive => AddZeros(archive, "word/media/image1.bin", 50L * 1024 * 1024));
        Assert.True(bytes.Length < 200 * 1024);

        var error = Refused("要点.docx", bytes);

        Assert.Contains("“要点.docx”解压后的内容异常庞大", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TotalUncompressedSizeAboveTheLimitIsRefused()
    {
        var options = new PlanDocumentReaderOptions { MaxUncompressedBytes = 500 };

        var error = Refused("要点.docx", SimpleDocx("一、总体要求"), options);

        Assert.Contains("异常庞大", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TooManyZipEntriesAreRefused()
    {
        var options = new PlanDocumentReaderOptions { MaxZipEntries = 2 };

        var error = Refused("要点.docx", SimpleDocx("一、总体要求"), options);

        Assert.Contains("异常庞大", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExternalEntityInDocumentXmlIsNeverResolved()
    {
        const string hostile = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&e;</w:t></w:r></w:p></w:body></w:document>
            """;
        var bytes = RewriteZip(SimpleDocx("占位"), new Dictionary<string, string> { ["word/document.xml"] = hostile });

        var error = Refused("要点.docx", bytes);

        Assert.Contains("“要点.docx”已损坏或包含不安全的内容", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ExternalEntityInSharedStringsIsNeverResolved()
    {
        var workbook = Xlsx(wb =>
        {
            var sheet = wb.AddWorksheet("Sheet1");
            sheet.Cell("A1").Value = "工作任务";
            sheet.Cell("B1").Value = "牵头单位";
        });
        string sharedStrings;
        using (var archive = new ZipArchive(new MemoryStream(workbook)))
        using (var reader = new StreamReader(archive.GetEntry("xl/sharedStrings.xml")!.Open()))
        {
            sharedStrings = reader.ReadToEnd();
        }

        var root = Regex.Replace(sharedStrings, @"^\uFEFF?<\?xml[^>]*\?>", "");
        var hostile = "<?xml version=\"1.0\" encoding=\"utf-8\"?><!DOCTYPE sst [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
            + root.Replace("工作任务", "&e;", StringComparison.Ordinal);
        Assert.Contains("&e;", hostile, StringComparison.Ordinal);
        var bytes = RewriteZip(workbook, new Dictionary<string, string> { ["xl/sharedStrings.xml"] = hostile });

        var error = Refused("任务表.xlsx", bytes);

        Assert.Contains("“任务表.xlsx”已损坏或包含不安全的内容", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void CorruptZipIsRefusedWithAClearMessage()
    {
        byte[] bytes = [.. "PK\u0003\u0004"u8, .. Enumerable.Repeat((byte)0x5A, 300)];

        var error = Refused("要点.docx", bytes);

        Assert.Contains("“要点.docx”已损坏", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TruncatedDocxIsRefusedWithAClearMessage()
    {
        var whole = SimpleDocx("一、总体要求");

        var error = Refused("要点.docx", whole[..(whole.Length / 2)]);

        Assert.Contains("“要点.docx”已损坏", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DocxWhoseDocumentPartIsNotXmlIsRefused()
    {
        var bytes = RewriteZip(SimpleDocx("占位"), new Dictionary<string, string> { ["word/document.xml"] = "这不是 XML" });

        var error = Refused("要点.docx", bytes);

        Assert.Contains("无法作为 Word 文档读取", error.Message, StringComparison.Ordinal);
        Assert.Contains("另存为", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryRefusalNamesTheFileInChinese()
    {
        byte[][] inputs =
        [
            [],
            [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1],
            [.. "PK\u0003\u0004"u8, 1, 2, 3],
            [0, 1, 2, 3, 4, 5],
        ];

        foreach (var input in inputs)
        {
            var error = Refused("计划文件.txt", input);
            Assert.Contains("“计划文件.txt”", error.Message, StringComparison.Ordinal);
            Assert.Contains("请", error.Message, StringComparison.Ordinal);
        }
    }
}

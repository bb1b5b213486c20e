using WorkPlanTracker.Features.Import;
using WorkPlanTracker.Features.Import.Documents;

namespace WorkPlanTracker.Tests.Features.Import.Documents;

/// <summary>Old Word/WPS files through LibreOffice; needs <c>soffice</c> (installed by .ci/run) for the real conversions.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class LegacyOfficeConversionTests : IDisposable
{
    private readonly string tempRoot = Directory.CreateTempSubdirectory("wpt-legacy-test-").FullName;

    public void Dispose() => Directory.Delete(tempRoot, recursive: true);

    [Theory]
    [InlineData("石家庄市2020年政务公开工作要点.doc")]
    [InlineData("石家庄市2020年政务公开工作要点.wps")]
    public void An_old_word_or_wps_file_is_converted_and_reads_the_same_tasks_as_its_text(string fileName)
    {
        var reader = new PlanDocumentReader(new PlanDocumentReaderOptions(), new ImportOptions(), new LegacyOfficeConverter(new ImportOptions(), tempRoot));
        var parser = new PlanTextParser();

        var document = reader.Read(fileName, File.OpenRead(PdfPlanReadingTests.Fixture("shijiazhuang-2020.doc")));
        var fromDoc = parser.Parse(document.Text);
        var fromText = parser.Parse(File.ReadAllText(SampleFiles.SeedPath("001_93ad0590acba159a.txt")));

        Assert.Equal(PlanSourceKinds.LegacyWord, document.SourceKind);
        Assert.Equal(fromText.Tasks.Select(t => (t.Path, t.Text, t.Deadline)), fromDoc.Tasks.Select(t => (t.Path, t.Text, t.Deadline)));
        Assert.Empty(Directory.EnumerateFileSystemEntries(tempRoot));
    }

    [Theory]
    [InlineData("要点.doc", "旧版 Word/WPS 文字格式（.doc/.wps）", "Word 文档（*.docx）")]
    [InlineData("要点.wps", "旧版 Word/WPS 文字格式（.doc/.wps）", "Word 文档（*.docx）")]
    [InlineData("任务表.et", "旧版 Excel/WPS 表格格式（.xls/.et）", "Excel 工作簿（*.xlsx）")]
    [InlineData("任务表.xls", "旧版 Excel/WPS 表格格式（.xls/.et）", "Excel 工作簿（*.xlsx）")]
    public void Without_libreoffice_the_message_says_how_to_save_the_file_in_the_new_format(string fileName, string kind, string saveAs)
    {
        var options = new ImportOptions { LibreOfficePath = Path.Combine(tempRoot, "no-such-soffice") };
        var reader = new PlanDocumentReader(new PlanDocumentReaderOptions(), options, new LegacyOfficeConverter(options, tempRoot));
        byte[] ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]];

        var error = Assert.Throws<ImportInputException>(() => reader.Read(fileName, new MemoryStream(ole)));

        Assert.StartsWith($"文件“{fileName}”是{kind}，服务器上没有安装转换所需的 LibreOffice", error.Message, StringComparison.Ordinal);
        Assert.Contains($"文件类型选“{saveAs}”", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(tempRoot));
    }

    [Fact]
    public void A_hanging_libreoffice_is_killed_at_the_time_limit_and_leaves_nothing_behind()
    {
        var script = Path.Combine(tempRoot, "..", Path.GetFileName(tempRoot) + "-hanging-soffice.sh");
        File.WriteAllText(script, "#!/bin/sh\nsleep 60\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.UserWrite);
        try
        {
            var options = new ImportOptions { LibreOfficePath = script, ConversionTimeoutSeconds = 1 };
            var reader = new PlanDocumentReader(new PlanDocumentReaderOptions(), options, new LegacyOfficeConverter(options, tempRoot));
            var started = System.Diagnostics.Stopwatch.StartNew();

            var error = Assert.Throws<ImportInputException>(() => reader.Read("要点.doc", File.OpenRead(PdfPlanReadingTests.Fixture("shijiazhuang-2020.doc"))));

            Assert.Equal("文件“要点.doc”在 1 秒内未能完成格式转换，已停止：请用 WPS 或 Word 打开后“另存为” .docx 格式，再上传新文件", error.Message);
            Assert.True(started.Elapsed < TimeSpan.FromSeconds(20), $"took {started.Elapsed}");
            Assert.Empty(Directory.EnumerateFileSystemEntries(tempRoot));
        }
        finally
        {
            File.Delete(script);
        }
    }

    [Fact]
    public void A_converter_that_writes_nothing_is_reported_as_a_failed_conversion()
    {
        var script = Path.Combine(tempRoot, "..", Path.GetFileName(tempRoot) + "-silent-soffice.sh");
        File.WriteAllText(script, "#!/bin/sh\nexit 1\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.UserWrite);
        try
        {
            var options = new ImportOptions { LibreOfficePath = script };
            var reader = new PlanDocumentReader(new PlanDocumentReaderOptions(), options, new LegacyOfficeConverter(options, tempRoot));

            var error = Assert.Throws<ImportInputException>(() => reader.Read("损坏.et", new MemoryStream([0xD0, 0xCF, 0x11, 0xE0, 1, 2, 3])));

            Assert.StartsWith("文件“损坏.et”无法转换，可能已损坏或设置了打开密码：请用 WPS 或 Excel 打开后“另存为” .xlsx 格式", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(script);
        }
    }
}

using System.Text;
using WorkPlanTracker.Features.Import.Documents;
using static WorkPlanTracker.Tests.Features.Import.Documents.TestFiles;

namespace WorkPlanTracker.Tests.Features.Import.Documents;

public sealed class TextFileReadingTests
{
    private const string Plan = "XX市2024年政务公开工作要点\r\n\r\n　　一、围绕中心工作抓好主动公开\r\n　　1.推进政策解读。（牵头单位：市政府办公室）\r\n";

    private static readonly string[] PlanLines =
    [
        "XX市2024年政务公开工作要点",
        "一、围绕中心工作抓好主动公开",
        "1.推进政策解读。（牵头单位：市政府办公室）",
    ];

    static TextFileReadingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void Utf8WithoutBomIsDecodedAsUtf8()
    {
        var document = Read("要点.txt", Encoding.UTF8.GetBytes(Plan));

        Assert.Equal(PlanSourceKinds.Text, document.SourceKind);
        Assert.Equal("UTF-8", document.EncodingName);
        Assert.Equal(PlanLines, Lines(document));
    }

    [Fact]
    public void Utf8WithBomIsDecodedAndTheBomDropped()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(Plan)).ToArray();

        var document = Read("要点.txt", bytes);

        Assert.Equal("UTF-8", document.EncodingName);
        Assert.Equal(PlanLines, Lines(document));
    }

    [Fact]
    public void Gb18030TextFromChineseNotepadIsDecodedAsGb18030()
    {
        var bytes = Encoding.GetEncoding("GB18030").GetBytes(Plan);

        var document = Read("要点.txt", bytes);

        Assert.Equal("GB18030", document.EncodingName);
        Assert.Equal(PlanLines, Lines(document));
    }

    [Fact]
    public void Utf16WithBomIsDecoded()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Plan)).ToArray();

        var document = Read("要点.txt", bytes);

        Assert.Equal("UTF-16", document.EncodingName);
        Assert.Equal(PlanLines, Lines(document));
    }

    [Fact]
    public void FileWithoutExtensionIsReadByContent()
    {
        var document = Read("要点", Encoding.UTF8.GetBytes(Plan));

        Assert.Equal(PlanSourceKinds.Text, document.SourceKind);
        Assert.Equal(PlanLines, Lines(document));
    }

    [Fact]
    public void BomDeclaredUtf8WithInvalidBytesIsRefused()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.GetEncoding("GB18030").GetBytes(Plan)).ToArray();

        var error = Refused("要点.txt", bytes);

        Assert.Contains("“要点.txt”", error.Message, StringComparison.Ordinal);
        Assert.Contains("UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PastedTextIsNormalisedIntoLines()
    {
        var document = new PlanDocumentReader().ReadPastedText(Plan);

        Assert.Equal(PlanSourceKinds.Text, document.SourceKind);
        Assert.Null(document.EncodingName);
        Assert.Equal(PlanLines, Lines(document));
    }

    [Fact]
    public void PastedPageSourceIsReadAsHtml()
    {
        var document = new PlanDocumentReader().ReadPastedText("<!DOCTYPE html><html><body><nav>首页</nav><p>一、总体要求</p><p>二、重点任务</p></body></html>");

        Assert.Equal(PlanSourceKinds.Html, document.SourceKind);
        Assert.Equal(["一、总体要求", "二、重点任务"], Lines(document));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \r\n\t　\n")]
    public void EmptyPasteIsRefused(string text)
    {
        var error = Assert.Throws<ImportInputException>(() => new PlanDocumentReader().ReadPastedText(text));

        Assert.Contains("粘贴的内容为空", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OverlongPasteIsRefusedWithTheLimit()
    {
        var reader = new PlanDocumentReader(new PlanDocumentReaderOptions { MaxFileBytes = 20_000 });

        var error = Assert.Throws<ImportInputException>(() => reader.ReadPastedText(new string('任', 7_000)));

        // 7,000 Chinese characters are 21,000 bytes: the limit is the size the text would have as a UTF-8 .txt file.
        Assert.Contains("粘贴的内容太长，超过了 0.02 MB", error.Message, StringComparison.Ordinal);
    }
}

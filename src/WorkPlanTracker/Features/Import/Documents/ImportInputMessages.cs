using System.Globalization;

namespace WorkPlanTracker.Features.Import.Documents;

/// <summary>
/// All user-facing refusal sentences in one place so their tone stays consistent: which file,
/// what is wrong, what the civil servant can do about it.
/// </summary>
internal static class ImportInputMessages
{
    public const string PastedName = "粘贴的内容";

    private const string SupportedTypes = ".txt、.md、.html、.docx、.xlsx、.pdf（或 .doc、.wps、.xls、.et）";

    public static ImportInputException Unsupported(string fileName) =>
        new($"文件“{fileName}”的格式不受支持：请上传 {SupportedTypes} 文件", fileName);

    public static ImportInputException PdfWithoutText(string fileName) =>
        new($"文件“{fileName}”是扫描件或图片生成的 PDF，没有可以读取的文字：请上传原始的 Word（.docx）文件或有文字层的 PDF，或先用 WPS/Office 的“图片转文字”（OCR）功能识别后再粘贴导入", fileName);

    public static ImportInputException PdfTextGarbled(string fileName) =>
        new($"文件“{fileName}”的文字层读出来是乱码（PDF 里的字体没有带文字编码）：请用 WPS 或 Word 打开后另存为 .docx 再上传，或在 PDF 阅读器里复制全文粘贴导入；复制出来仍是乱码时，请按扫描件先做“图片转文字”（OCR）识别", fileName);

    public static ImportInputException PdfEncrypted(string fileName, Exception? inner = null) =>
        new($"文件“{fileName}”是加密的 PDF，需要密码才能打开：请上传未加密的 PDF 或原始的 Word（.docx）文件", fileName, inner);

    public static ImportInputException PdfCorrupt(string fileName, Exception? inner = null) =>
        new($"文件“{fileName}”已损坏，无法作为 PDF 读取：请重新下载或重新导出 PDF，或上传原始的 Word（.docx）文件", fileName, inner);

    public static ImportInputException PdfTooManyPages(string fileName, int pages, int limit) =>
        new($"文件“{fileName}”有 {pages.ToString(CultureInfo.InvariantCulture)} 页，超过了 {limit.ToString(CultureInfo.InvariantCulture)} 页的上限：请只保留工作计划本身（删去附件、汇编的其他文件）后再上传", fileName);

    public static ImportInputException PdfTooSlow(string fileName, int seconds) =>
        new($"文件“{fileName}”的内容过于复杂，{seconds.ToString(CultureInfo.InvariantCulture)} 秒内未能读完，已停止读取：请上传原始的 Word（.docx）文件，或把计划正文复制后粘贴导入", fileName);

    public static ImportInputException LegacyOfficeMissing(string fileName, bool excel) =>
        excel
            ? new($"文件“{fileName}”是旧版 Excel/WPS 表格格式（.xls/.et），服务器上没有安装转换所需的 LibreOffice，无法直接读取：请用 WPS 表格或 Excel 打开，点“文件 → 另存为”，文件类型选“Excel 工作簿（*.xlsx）”，保存后上传新文件", fileName)
            : new($"文件“{fileName}”是旧版 Word/WPS 文字格式（.doc/.wps），服务器上没有安装转换所需的 LibreOffice，无法直接读取：请用 WPS 文字或 Word 打开，点“文件 → 另存为”，文件类型选“Word 文档（*.docx）”，保存后上传新文件", fileName);

    public static ImportInputException LegacyOfficeTimeout(string fileName, int seconds, bool excel) =>
        new($"文件“{fileName}”在 {seconds.ToString(CultureInfo.InvariantCulture)} 秒内未能完成格式转换，已停止：请用 WPS 或 {(excel ? "Excel" : "Word")} 打开后“另存为” {(excel ? ".xlsx" : ".docx")} 格式，再上传新文件", fileName);

    public static ImportInputException LegacyOfficeFailed(string fileName, bool excel, Exception? inner = null) =>
        new($"文件“{fileName}”无法转换，可能已损坏或设置了打开密码：请用 WPS 或 {(excel ? "Excel" : "Word")} 打开后“另存为” {(excel ? ".xlsx" : ".docx")} 格式，再上传新文件", fileName, inner);

    public static ImportInputException EncryptedOrLegacy(string fileName) =>
        new($"文件“{fileName}”设置了打开密码，或是旧版 Office 格式，无法读取：请在 Word/Excel 中取消密码，或“另存为” .docx/.xlsx 格式后再上传", fileName);

    public static ImportInputException Rtf(string fileName) =>
        new($"文件“{fileName}”是 RTF 格式，无法直接读取：请用 Word 或 WPS 打开后“另存为” .docx 格式，再上传新文件", fileName);

    public static ImportInputException ExtensionMismatch(string fileName, string extension, string actualDescription, string suggestedExtension) =>
        new($"文件“{fileName}”的扩展名是 {extension}，但内容实际是{actualDescription}：请把扩展名改为 {suggestedExtension} 后重新上传，或确认是否选错了文件", fileName);

    public static ImportInputException Empty(string fileName) =>
        new($"文件“{fileName}”无法导入：文件为空。请确认选择了正确的文件，或打开原文件检查内容并重新保存后再上传", fileName);

    public static ImportInputException PastedEmpty() =>
        new("粘贴的内容为空：请先复制工作计划的正文，再粘贴到输入框中", fileName: null);

    public static ImportInputException TooBig(string fileName, long limitBytes, long? actualBytes)
    {
        var limit = FormatMegabytes(limitBytes);
        var actual = actualBytes is { } bytes ? $"（{FormatMegabytes(bytes)} MB）" : "";
        return new($"文件“{fileName}”太大{actual}，超过了 {limit} MB 的上限：请删去图片等与计划无关的内容，或把计划拆成几个文件后分别上传", fileName);
    }

    public static ImportInputException PastedTooLong(long limitBytes) =>
        new($"粘贴的内容太长，超过了 {FormatMegabytes(limitBytes)} MB（约 {Math.Max(limitBytes / 3 / 10_000, 1).ToString(CultureInfo.InvariantCulture)} 万个汉字）的上限：请分几次导入，或把计划保存为 .docx 文件后上传", fileName: null);

    public static ImportInputException Binary(string fileName) =>
        new($"文件“{fileName}”不是文本文件，内容无法识别：请上传 {SupportedTypes} 文件；如果是其他软件导出的文件，请先“另存为” .docx 再上传", fileName);

    public static ImportInputException InvalidUtf8(string fileName) =>
        new($"文件“{fileName}”标明是 UTF-8 编码，但其中有无法识别的字符，可能已损坏：请用记事本打开后“另存为” UTF-8 编码，再重新上传", fileName);

    public static ImportInputException ZipBomb(string fileName) =>
        new($"文件“{fileName}”解压后的内容异常庞大，可能已损坏或被恶意构造，为安全起见已拒绝导入：请用 Word 或 Excel 打开后重新保存，再上传新文件", fileName);

    public static ImportInputException PackageRefused(string fileName, Exception reason) =>
        new($"文件“{fileName}”无法导入：{reason.Message}。为安全起见已拒绝读取：请只保留任务表后重新保存，再上传新文件", fileName, reason);

    public static ImportInputException CorruptPackage(string fileName, string kindDescription, string extension, Exception? inner = null) =>
        new($"文件“{fileName}”已损坏或包含不安全的内容，无法作为{kindDescription}读取：请用 {(extension == ".xlsx" ? "Excel" : "Word")} 或 WPS 打开后“另存为”新的 {extension} 文件，再上传", fileName, inner);

    public static ImportInputException CorruptZip(string fileName, Exception? inner = null) =>
        new($"文件“{fileName}”已损坏（压缩包结构无效），无法读取：请用 Word 或 Excel 打开原文件后重新保存，再上传新文件", fileName, inner);

    public static ImportInputException NoContent(string fileName) =>
        new($"文件“{fileName}”中没有可读取的内容：请确认文件里有工作计划的文字或任务表（而不是图片或扫描件）后重新上传", fileName);

    private static string FormatMegabytes(long bytes) =>
        (bytes / 1024d / 1024d).ToString("0.##", CultureInfo.InvariantCulture);
}

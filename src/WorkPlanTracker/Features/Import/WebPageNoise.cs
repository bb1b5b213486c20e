using System.Text.RegularExpressions;
using WorkPlanTracker.Features.Import.Documents;

namespace WorkPlanTracker.Features.Import;

/// <summary>Lines that a saved web page adds around the document (navigation, counters, QR-code hints, metadata tables, the site footer), and a 公文 printed or copied from its PDF (page numbers, the 版记).</summary>
internal static partial class WebPageNoise
{
    // A page number as a PDF prints it (— 3 —, 第3页 共9页); a bare number on its own line may be a table row's.
    public static bool IsNoise(string line) =>
        line.Length > 0 && (NoiseLine().IsMatch(line) || (PdfPageText.IsPageNumber(line) && !line.All(char.IsAsciiDigit)));

    [GeneratedRegex(
        @"^(?:不支持Flash|通知公告$|当前位置|\[发布时间|\[打印本页|\[关闭|打印本页|关闭窗口|扫一扫|扫描二维码|如二维码|附件[:：]?$|https?://|www\."
        + @"|栏目[:：]|发布机构|来源[:：]|信息分类|索\s*引\s*号|生效时间|政策咨询|名\s*称[:：]|文\s*号[:：]|成文日期|号[:：]\s*\d|发布日期[:：]|主题分类)"
        + @"|附件下载|^微信\s*微博|浏览量|阅读次数|浏览次数|文字大小|收集整理|相关权利归属|【字体"
        // The site's footer, as a page printed to PDF or copied whole carries it: 【打印本页】【关闭窗口】, then
        // 主办单位：… 网站标识码：… 闽ICP备…; the 主办单位 label would otherwise be read as a unit note.
        + @"|^【\s*(?:打印|关闭)|ICP备|公网安备|网站标识码|网站识别码|版权所有"
        // A 公文's closing block (版记: 抄送：…, 某某办公室 2024年5月20日印发), as text copied out of the PDF carries it:
        // read as text it would run on the last task.
        + @"|^抄送[:：]|^[^。；]{0,40}\d{4}年\d{1,2}月\d{1,2}日印发$")]
    private static partial Regex NoiseLine();
}

using System.Text;
using WorkPlanTracker.Features.Import.Documents;
using static WorkPlanTracker.Tests.Features.Import.Documents.TestFiles;

namespace WorkPlanTracker.Tests.Features.Import.Documents;

public sealed class HtmlPlanReaderTests
{
    // Shaped like a TRS-published page of a municipal government site, saved as "网页，仅HTML".
    private const string GovernmentPage = """
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><title>XX市2024年政务公开工作要点_XX市人民政府</title>
        <script>var tracker = '不应出现的脚本';</script><style>.zoom { font-size: 16px; }</style></head>
        <body>
        <div class="header"><h1>XX市人民政府门户网站</h1></div>
        <div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li></ul></div>
        <div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; 计划总结</div>
        <div class="main">
          <h1 class="title">XX市2024年政务公开工作要点</h1>
          <div class="info">发布时间：2024-03-01&nbsp;&nbsp;来源：市政府办公室</div>
          <div class="tools">【字体：<a>大</a> <a>中</a> <a>小</a>】 <a href="javascript:window.print()">打印本页</a> <a href="javascript:window.close()">关闭窗口</a></div>
          <div id="zoom" class="TRS_Editor">
            <p>　　为深入贯彻落实国家和省关于政务公开工作的部署要求，
            现制定本要点。</p>
            <p>　　一、围绕中心工作抓好主动公开</p>
            <p>　　（一）加强政策解读。推进政策文件与解读材料<br>同步起草、同步审签。</p>
            <table>
              <tr><td>序号</td><td>工作任务</td><td>牵头单位</td><td>责任单位</td><td>完成时限</td></tr>
              <tr><td colspan="5">二、深化重点领域信息公开</td></tr>
              <tr><td>1</td><td>公开财政预决算</td><td rowspan="2">市财政局</td><td>各区县政府<br>市直各部门</td><td>2024年6月底前</td></tr>
              <tr><td>2</td><td>公开政府债务信息</td><td></td><td>持续推进</td></tr>
              <tr><td></td><td>建立公开工作台账</td><td></td><td></td><td></td></tr>
            </table>
            <table><tr><td>联系人</td><td>电话</td></tr><tr><td>张三</td><td>0000-1234567</td></tr></table>
          </div>
          <div class="share">分享到：<a>微信</a><a>微博</a></div>
          <p>上一篇：XX市2023年政务公开工作总结</p>
        </div>
        <div class="footer">主办：XX市人民政府办公室　版权所有</div>
        <script>document.write('不应出现');</script>
        </body></html>
        """;

    [Fact]
    public void GovernmentPageKeepsOnlyTitleArticleAndTables()
    {
        var document = Read("要点.html", Encoding.UTF8.GetBytes(GovernmentPage));

        Assert.Equal(PlanSourceKinds.Html, document.SourceKind);
        Assert.Equal(
            [
                "XX市2024年政务公开工作要点",
                "为深入贯彻落实国家和省关于政务公开工作的部署要求，现制定本要点。",
                "一、围绕中心工作抓好主动公开",
                "（一）加强政策解读。推进政策文件与解读材料",
                "同步起草、同步审签。",
                "二、深化重点领域信息公开",
                "1. 公开财政预决算(牵头单位:市财政局;责任单位:各区县政府、市直各部门;完成时限:2024年6月底前)",
                "2. 公开政府债务信息(牵头单位:市财政局;完成时限:持续推进)",
                "建立公开工作台账",
                "联系人 电话",
                "张三 0000-1234567",
            ],
            Lines(document));
    }

    [Fact]
    public void PageWithoutKnownContainerUsesTheElementWithMostParagraphText()
    {
        const string page = """
            <html><body>
            <div id="left"><p>热点专题</p><p>市长信箱</p></div>
            <div id="wrap"><div id="a1b2">
              <h2>XX区2024年政务公开工作要点</h2>
              <p>为深入贯彻落实上级部署，结合本区实际，制定本要点。</p>
              <p>一、加强政策解读和回应关切工作</p>
              <p>二、深化重点领域信息公开工作</p>
            </div></div>
            <div><span>打印本页</span> <span>关闭窗口</span></div>
            </body></html>
            """;

        var document = Read("page.htm", Encoding.UTF8.GetBytes(page));

        Assert.Equal(
            [
                "XX区2024年政务公开工作要点",
                "为深入贯彻落实上级部署，结合本区实际，制定本要点。",
                "一、加强政策解读和回应关切工作",
                "二、深化重点领域信息公开工作",
            ],
            Lines(document));
    }

    [Fact]
    public void PageWrittenInDivsIsNotReducedToItsFewParagraphs()
    {
        // A ministry page copied by hand: every paragraph is a <div>; the only <p>s are the telephone list.
        var items = string.Concat(Enumerable.Range(1, 6).Select(i =>
            $"<div class=\"subsection-title\">（{"一二三四五六"[i - 1]}）推进第{i}项重点工作。</div>" +
            $"<div class=\"subsection-content\">加强统筹协调，完善工作机制，细化工作措施，确保各项任务按期完成并取得实效。</div>" +
            "<div class=\"responsibility\">（商务部、国家发展改革委按职责分工负责）</div>"));
        var page = $"""
            <html><body>
            <div class="header"><div class="doc-title">关于印发《专项行动计划》的通知</div></div>
            <div class="content">现将《专项行动计划》印发给你们，请结合实际认真贯彻落实。</div>
            <div class="contact-info"><p>联系电话：</p><p>商务部：010-85093788</p><p>国家发展改革委：010-68502541</p><p>教育部：010-66097937</p></div>
            <div class="subsection-title">一、重点任务</div>
            {items}
            </body></html>
            """;

        var lines = Lines(Read("page.html", Encoding.UTF8.GetBytes(page)));

        Assert.Contains("一、重点任务", lines);
        Assert.Contains("（六）推进第6项重点工作。", lines);
        Assert.Equal(6, lines.Count(l => l == "（商务部、国家发展改革委按职责分工负责）"));
    }

    [Fact]
    public void Gb2312PageIsDecodedAsGb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        const string page = "<html><head><meta charset=\"gb2312\"></head><body><p>一、总体要求</p><p>二、重点任务</p></body></html>";

        var document = Read("要点.htm", Encoding.GetEncoding("GB18030").GetBytes(page));

        Assert.Equal("GB18030", document.EncodingName);
        Assert.Equal(["一、总体要求", "二、重点任务"], Lines(document));
    }

    [Fact]
    public void TxtFileHoldingPageSourceIsReadAsHtml()
    {
        var document = Read("要点.txt", Encoding.UTF8.GetBytes("<html><body><script>x()</script><p>一、总体要求</p></body></html>"));

        Assert.Equal(PlanSourceKinds.Html, document.SourceKind);
        Assert.Equal(["一、总体要求"], Lines(document));
    }

    [Fact]
    public void PageWithOnlyScriptsHasNoContent()
    {
        var error = Refused("空页面.html", Encoding.UTF8.GetBytes("<html><body><script>var a = 1;</script><div class=\"nav\">首页</div></body></html>"));

        Assert.Contains("“空页面.html”中没有可读取的内容", error.Message, StringComparison.Ordinal);
    }
}

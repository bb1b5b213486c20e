using System.Text;
using System.Text.RegularExpressions;

namespace WorkPlanTracker.Features.Import.Documents;

// Inside the namespace so that these libraries' short names (Text, Table, Level ...) win over any
// type of the same name the application may add to an enclosing WorkPlanTracker namespace.
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

/// <summary>
/// Reads a plan saved from a government website ("网页，仅HTML"). Such pages wrap the article in
/// navigation, breadcrumbs, font-size and print buttons and share widgets; the parser should only
/// see the article itself, one paragraph per line. Nothing is fetched or executed: the parser has
/// no loader and no scripting.
/// </summary>
internal static partial class HtmlPlanReader
{
    private static readonly HashSet<string> DroppedTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "nav", "footer", "iframe", "frame", "frameset", "form",
        "button", "select", "textarea", "input", "object", "embed", "svg", "canvas", "audio", "video", "map",
        "head", "link", "meta", "title",
    };

    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th",
        "section", "article", "main", "aside", "blockquote", "address", "center", "figure", "figcaption", "hr",
        "header", "footer", "fieldset", "details", "summary", "caption", "body", "html",
    };

    // Article containers of the CMSs most government sites run on (TRS/拓尔思 WCM, 开普云 UCAP).
    private static readonly string[] CmsContainerNames =
        ["trs_editor", "trs_ueditor", "custom_unionstyle", "zoom", "fontzoom", "ucap-content", "pages_content"];

    private static readonly string[] GenericContainerNames =
        ["article", "content", "main", "detail", "details", "artibody", "article-content", "article_content", "news_content", "maincontent", "main-content", "article-body", "text"];

    // Only short elements can be page furniture; a long paragraph mentioning 打印 is content.
    private const int MaxFurnitureLength = 80;
    private const int MaxBreadcrumbLength = 150;
    private const int MaxFurnitureResidue = 10;

    /// <summary>Returns the page's article as plain text lines joined by '\n' (empty when nothing readable remains).</summary>
    public static string Read(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var root = document.Body ?? document.DocumentElement;
        RemovePageFurniture(root);

        var container = SelectContainer(root);
        var lines = new List<string>();
        if (container != root && FindTitleOutside(root, container) is { } title)
        {
            lines.Add(title);
        }

        var writer = new HtmlLineWriter();
        writer.Walk(container);
        lines.AddRange(writer.Finish());
        return PlanText.FromLines(lines);
    }

    /// <summary>Whether pasted or uploaded text is an HTML page rather than prose.</summary>
    public static bool LooksLikeHtml(string text)
    {
        var start = text.AsSpan(0, Math.Min(text.Length, 2048)).TrimStart();
        return start.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)
            || start.Contains("<html", StringComparison.OrdinalIgnoreCase)
            || start.Contains("<body", StringComparison.OrdinalIgnoreCase);
    }

    private static void RemovePageFurniture(IElement root)
    {
        foreach (var element in root.Descendants<IElement>().ToList())
        {
            // Elements inside an already removed block need no second look.
            if (!element.IsConnected())
            {
                continue;
            }

            if (IsFurniture(element))
            {
                element.Remove();
            }
        }
    }

    private static bool IsFurniture(IElement element)
    {
        var tag = element.LocalName;
        if (DroppedTags.Contains(tag))
        {
            return true;
        }

        // <header> inside an <article> holds the article's own title.
        if (tag == "header" && element.Closest("article") is null)
        {
            return true;
        }

        if (element.HasAttribute("hidden") || IsStyledHidden(element) || HasNavigationName(element))
        {
            return true;
        }

        var text = ShortText(element, MaxBreadcrumbLength + 1);
        if (text.Length == 0 || text.Length > MaxBreadcrumbLength)
        {
            return false;
        }

        if (Breadcrumb().IsMatch(text))
        {
            return true;
        }

        // A tool bar is nothing but its buttons (plus a few words like 微信 微博); a short paragraph that
        // sits next to a share button inside the same element is content and stays.
        return text.Length <= MaxFurnitureLength
            && Furniture().IsMatch(text)
            && PlanText.CountChinese(Furniture().Replace(text, "")) <= MaxFurnitureResidue;
    }

    private static bool IsStyledHidden(IElement element)
    {
        var style = element.GetAttribute("style");
        if (string.IsNullOrEmpty(style))
        {
            return false;
        }

        var compact = style.Replace(" ", "", StringComparison.Ordinal);
        return compact.Contains("display:none", StringComparison.OrdinalIgnoreCase)
            || compact.Contains("visibility:hidden", StringComparison.OrdinalIgnoreCase);
    }

    private static bool HasNavigationName(IElement element) =>
        Names(element).Any(n => NavigationName().IsMatch(n));

    private static IEnumerable<string> Names(IElement element)
    {
        if (!string.IsNullOrEmpty(element.Id))
        {
            yield return element.Id;
        }

        foreach (var name in element.ClassList)
        {
            yield return name;
        }
    }

    /// <summary>Text of an element with white space removed, stopping early once it is longer than <paramref name="limit"/>.</summary>
    private static string ShortText(IElement element, int limit)
    {
        var builder = new StringBuilder();
        Collect(element, builder, limit);
        return builder.ToString();

        static void Collect(INode node, StringBuilder builder, int limit)
        {
            foreach (var child in node.ChildNodes)
            {
                if (builder.Length > limit)
                {
                    return;
                }

                if (child is IText text)
                {
                    foreach (var c in text.Data)
                    {
                        if (!char.IsWhiteSpace(c) && c != '\u00A0')
                        {
                            builder.Append(c);
                        }
                    }
                }
                else if (child is IElement)
                {
                    Collect(child, builder, limit);
                }
            }
        }
    }

    private static IElement SelectContainer(IElement root)
    {
        var elements = root.Descendants<IElement>().ToList();

        var cms = BestByChinese(elements.Where(e => HasName(e, CmsContainerNames)), minimum: 20);
        if (cms is not null)
        {
            return cms;
        }

        // The element whose own <p> children hold the most Chinese text is the article body on almost every site.
        IElement? best = null;
        var bestScore = 0;
        foreach (var element in elements)
        {
            var score = element.Children.Where(c => c.LocalName == "p").Sum(p => PlanText.CountChinese(p.TextContent));
            if (score > bestScore)
            {
                best = element;
                bestScore = score;
            }
        }

        // A page whose paragraphs are <div>s has few <p>s, and they may be a contact list or one cover-letter
        // paragraph: an element that holds only a small part of the page's text is not its article.
        var pageChinese = PlanText.CountChinese(root.TextContent);
        if (best is not null && bestScore >= 30 && HoldsTheArticle(best, pageChinese))
        {
            return best;
        }

        var generic = BestByChinese(
            elements.Where(e => (e.LocalName is "article" or "main" || HasName(e, GenericContainerNames)) && HoldsTheArticle(e, pageChinese)),
            minimum: 20);
        return generic ?? root;
    }

    private const int ArticleMinimumChinese = 200;

    private static bool HoldsTheArticle(IElement element, int pageChinese)
    {
        var chinese = PlanText.CountChinese(element.TextContent);
        return chinese >= ArticleMinimumChinese || chinese * 4 >= pageChinese;
    }

    private static IElement? BestByChinese(IEnumerable<IElement> candidates, int minimum) =>
        candidates
            .Select(e => (Element: e, Score: PlanText.CountChinese(e.TextContent)))
            .Where(c => c.Score >= minimum)
            .OrderByDescending(c => c.Score)
            .Select(c => c.Element)
            .FirstOrDefault();

    private static bool HasName(IElement element, string[] names) =>
        Names(element).Any(n => names.Contains(n, StringComparer.OrdinalIgnoreCase));

    /// <summary>
    /// The article container usually starts below the title (an h1 or a "title" div before it); the
    /// parser needs the title to name the plan, so it is brought along.
    /// </summary>
    private static string? FindTitleOutside(IElement root, IElement container)
    {
        if (container.QuerySelector("h1") is not null)
        {
            return null;
        }

        var preceding = root.Descendants<IElement>()
            .Where(e => !container.Contains(e) && !e.Contains(container)
                && e.CompareDocumentPosition(container).HasFlag(DocumentPositions.Following))
            .ToList();

        var candidate = preceding.LastOrDefault(e => e.LocalName == "h1" && IsTitleText(e.TextContent))
            ?? preceding.LastOrDefault(e => Names(e).Any(n => n.Contains("title", StringComparison.OrdinalIgnoreCase)) && IsTitleText(e.TextContent))
            ?? preceding.LastOrDefault(e => e.LocalName == "h2" && IsTitleText(e.TextContent));
        return candidate is null ? null : PlanText.TrimLine(PlanText.CollapseWhiteSpace(candidate.TextContent));
    }

    private static bool IsTitleText(string text)
    {
        var trimmed = PlanText.TrimLine(PlanText.CollapseWhiteSpace(text));
        return trimmed.Length <= 100 && PlanText.CountChinese(trimmed) >= 4;
    }

    /// <summary>Lines of an HTML table: rows expanded through rowspan/colspan, then formatted like any other table.</summary>
    private static IEnumerable<string> TableLines(IHtmlTableElement table)
    {
        var builder = new TableGridBuilder();
        var rows = table.Rows.ToList();
        for (var r = 0; r < rows.Count; r++)
        {
            var column = 0;
            foreach (var cell in rows[r].Cells)
            {
                column = builder.NextFreeColumn(r, column);
                var columnSpan = Math.Clamp(cell.ColumnSpan, 1, 200);
                var rowSpan = cell.RowSpan <= 0 ? rows.Count - r : Math.Min(cell.RowSpan, rows.Count - r);
                var writer = new HtmlLineWriter();
                foreach (var child in cell.ChildNodes)
                {
                    writer.Walk(child);
                }

                var text = string.Join('\n', writer.Finish());
                builder.Place(r, column, rowSpan, columnSpan, text, cell.QuerySelector("table") is not null);
                column += columnSpan;
            }
        }

        var lines = TableLineFormatter.Format(builder.Build());
        var caption = table.Caption is { } c ? PlanText.TrimLine(PlanText.CollapseWhiteSpace(c.TextContent)) : "";
        return caption.Length == 0 ? lines : lines.Prepend(caption);
    }

    /// <summary>Writes the visible text of a DOM subtree as lines, breaking where a browser starts a new block.</summary>
    private sealed class HtmlLineWriter
    {
        private readonly List<string> lines = [];
        private readonly StringBuilder current = new();

        public void Walk(INode node)
        {
            switch (node)
            {
                case IText text:
                    current.Append(text.Data);
                    break;
                case IHtmlTableElement table:
                    Flush();
                    lines.AddRange(TableLines(table));
                    break;
                case IElement element when element.LocalName == "br":
                    Flush();
                    break;
                case IElement element when element.LocalName == "pre":
                    Flush();
                    lines.AddRange(PlanText.SplitLines(element.TextContent.Replace("\r", "", StringComparison.Ordinal)));
                    break;
                case IElement element when BlockTags.Contains(element.LocalName):
                    Flush();
                    WalkChildren(element);
                    Flush();
                    break;
                case IElement element:
                    WalkChildren(element);
                    break;
            }
        }

        public List<string> Finish()
        {
            Flush();
            return lines;
        }

        private void WalkChildren(INode node)
        {
            foreach (var child in node.ChildNodes)
            {
                Walk(child);
            }
        }

        private void Flush()
        {
            if (current.Length == 0)
            {
                return;
            }

            var line = PlanText.TrimLine(PlanText.CollapseWhiteSpace(current.ToString()));
            current.Clear();
            if (line.Length > 0)
            {
                lines.Add(line);
            }
        }
    }

    [GeneratedRegex(@"打印本页|打印此页|打印文章|打印页面|【打印】|\[打印\]|关闭窗口|关闭本页|【关闭】|\[关闭\]|字[体号][:：]?[【\[]?大中小|分享到|分享至|扫一扫|手机扫码|用手机扫描|收藏本页|加入收藏|设为首页")]
    private static partial Regex Furniture();

    [GeneratedRegex(@"^(当前位置|您现在的位置|您的位置|你的位置|你现在的位置|所在位置|当前所在位置|位置)[:：]|^首页[>》»›/]|^(上一篇|下一篇)")]
    private static partial Regex Breadcrumb();

    [GeneratedRegex(@"^(header|footer|nav|navbar|navigation|menu|breadcrumbs?|crumbs?|bdshare|share)([-_\d].*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex NavigationName();
}

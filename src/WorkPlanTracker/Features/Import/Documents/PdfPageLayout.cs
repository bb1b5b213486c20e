using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace WorkPlanTracker.Features.Import.Documents;

/// <summary>What one page holds: its prose lines from top to bottom and the parts of ruled tables among them.</summary>
internal sealed class PdfPageLayout
{
    private static readonly ContentOrderTextExtractor.Options ExtractorOptions = new()
    {
        ReplaceWhitespaceWithSpace = true,
    };

    /// <summary>Lines shorter than this are ticks, underlines of a signature or bullets, not borders.</summary>
    private const double MinRuleLength = 4.0;

    /// <summary>A filled rectangle thinner than this is a border drawn as a bar (Word and WPS draw them so).</summary>
    private const double MaxBarThickness = 2.5;

    private PdfPageLayout(IReadOnlyList<PdfTextLine> prose, IReadOnlyList<PdfTablePart> tables, string? plainText)
    {
        Prose = prose;
        Tables = tables;
        PlainText = plainText;
    }

    public IReadOnlyList<PdfTextLine> Prose { get; }

    public IReadOnlyList<PdfTablePart> Tables { get; }

    /// <summary>The extractor's text of a page without tables (read exactly as before tables were looked for).</summary>
    public string? PlainText { get; }

    public bool IsEmpty => PlainText is { } text ? text.Trim().Length == 0 : Prose.Count == 0 && Tables.All(t => t.Cells.All(c => c.Text.Length == 0));

    public static PdfPageLayout Read(Page page)
    {
        var rules = Rules(page);

        // A table needs two borders across and three down (either way round on a turned page); most pages of a
        // prose plan have no lines at all.
        var across = rules.Count(r => r.IsHorizontal);
        if (Math.Min(across, rules.Count - across) < 2 || rules.Count < 5 || rules.Count > PdfTableFinder.MaxRules)
        {
            return Plain(page);
        }

        // Cells are read along horizontal baselines: a page turned on its side (a landscape table on a portrait page
        // with /Rotate, or text drawn at 90°) is turned upright first; a page whose text runs several ways is left as it is.
        var orientation = page.Letters.GroupBy(l => l.TextOrientation).MaxBy(g => g.Count());
        if (orientation is null || orientation.Count() < page.Letters.Count * 0.9 || Upright(orientation.Key) is not { } upright)
        {
            return Plain(page);
        }

        rules = upright == Identity ? rules : rules.Select(r => Turn(r, upright)).ToList();
        var glyphs = page.Letters.Select(l => Glyph(l, upright)).ToList();
        var (tables, outside) = PdfTableFinder.Find(rules, glyphs);
        return tables.Count == 0 ? Plain(page) : new PdfPageLayout(PdfTextLines.InContentOrder(outside), tables, null);
    }

    /// <summary>Prose lines above the top of <paramref name="table"/>.</summary>
    public IEnumerable<string> ProseAbove(PdfTablePart table) => Prose.Where(l => l.Baseline > table.Top).Select(l => l.Text);

    /// <summary>Prose lines below the bottom of <paramref name="table"/>.</summary>
    public IEnumerable<string> ProseBelow(PdfTablePart table) => Prose.Where(l => l.Baseline < table.Bottom).Select(l => l.Text);

    /// <summary>The first and last lines of the page, where page numbers and running headers stand.</summary>
    public IEnumerable<string> EdgeLines(int count)
    {
        var lines = PlainText is { } text ? PdfPageText.Prose(text).Select(l => l.Text).ToList() : Prose.Select(l => l.Text).ToList();
        return lines.Take(count).Concat(lines.Skip(Math.Max(count, lines.Count - count)));
    }

    // Radicals folded here, not only before parsing: table headers and page furniture are recognised from this text.
    private static PdfPageLayout Plain(Page page) => new([], [], ChineseTextNormalizer.FoldRadicals(ContentOrderTextExtractor.GetText(page, ExtractorOptions)));

    private static readonly Func<PdfPoint, PdfPoint> Identity = p => p;

    /// <summary>
    /// The turn that makes text of this orientation run left to right with lines going down the page (PdfPig gives
    /// the page as it is viewed: text of a page with /Rotate 90 runs down, Rotate90, and of /Rotate 270 up, Rotate270).
    /// </summary>
    private static Func<PdfPoint, PdfPoint>? Upright(TextOrientation orientation) => orientation switch
    {
        TextOrientation.Horizontal => Identity,
        TextOrientation.Rotate90 => p => new PdfPoint(-p.Y, p.X),
        TextOrientation.Rotate180 => p => new PdfPoint(-p.X, -p.Y),
        TextOrientation.Rotate270 => p => new PdfPoint(p.Y, -p.X),
        _ => null,
    };

    private static PdfRule Turn(PdfRule rule, Func<PdfPoint, PdfPoint> upright)
    {
        var from = upright(rule.IsHorizontal ? new PdfPoint(rule.From, rule.At) : new PdfPoint(rule.At, rule.From));
        var to = upright(rule.IsHorizontal ? new PdfPoint(rule.To, rule.At) : new PdfPoint(rule.At, rule.To));
        return Math.Abs(from.Y - to.Y) < Math.Abs(from.X - to.X)
            ? new PdfRule(true, from.Y, Math.Min(from.X, to.X), Math.Max(from.X, to.X))
            : new PdfRule(false, from.X, Math.Min(from.Y, to.Y), Math.Max(from.Y, to.Y));
    }

    private static PdfGlyph Glyph(Letter letter, Func<PdfPoint, PdfPoint> upright)
    {
        var size = letter.PointSize > 0 ? letter.PointSize : Math.Max(letter.BoundingBox.Height, 1);
        var start = upright(letter.StartBaseLine);
        var end = upright(letter.EndBaseLine);
        return new PdfGlyph(ChineseTextNormalizer.FoldRadicals(letter.Value), start.X, Math.Max(end.X, start.X), start.Y - size * 0.2, start.Y + size * 0.8, start.Y, size);
    }

    private static List<PdfRule> Rules(Page page)
    {
        var rules = new List<PdfRule>();
        foreach (var path in page.Paths)
        {
            if (path.IsClipping || !(path.IsStroked || path.IsFilled))
            {
                continue;
            }

            foreach (var subpath in path)
            {
                if (path.IsFilled && !path.IsStroked)
                {
                    AddBar(subpath, rules);
                }
                else
                {
                    AddStrokes(subpath, rules);
                }
            }
        }

        return rules;
    }

    private static void AddBar(PdfSubpath subpath, List<PdfRule> rules)
    {
        if (subpath.GetBoundingRectangle() is not { } box)
        {
            return;
        }

        if (box.Height <= MaxBarThickness && box.Width >= MinRuleLength)
        {
            rules.Add(new PdfRule(true, (box.Top + box.Bottom) / 2, box.Left, box.Right));
        }
        else if (box.Width <= MaxBarThickness && box.Height >= MinRuleLength)
        {
            rules.Add(new PdfRule(false, (box.Left + box.Right) / 2, box.Bottom, box.Top));
        }
    }

    private static void AddStrokes(PdfSubpath subpath, List<PdfRule> rules)
    {
        PdfPoint? start = null;
        PdfPoint? current = null;
        foreach (var command in subpath.Commands)
        {
            switch (command)
            {
                case PdfSubpath.Move move:
                    start = current = move.Location;
                    break;
                case PdfSubpath.Line line:
                    AddStroke(line.From, line.To, rules);
                    start ??= line.From;
                    current = line.To;
                    break;
                case PdfSubpath.Close when start is { } s && current is { } c:
                    AddStroke(c, s, rules);
                    current = s;
                    break;
                case PdfSubpath.BezierCurve curve:
                    current = curve.EndPoint;
                    break;
            }
        }
    }

    private static void AddStroke(PdfPoint from, PdfPoint to, List<PdfRule> rules)
    {
        var dx = Math.Abs(to.X - from.X);
        var dy = Math.Abs(to.Y - from.Y);
        if (dy < 0.5 && dx >= MinRuleLength)
        {
            rules.Add(new PdfRule(true, (from.Y + to.Y) / 2, Math.Min(from.X, to.X), Math.Max(from.X, to.X)));
        }
        else if (dx < 0.5 && dy >= MinRuleLength)
        {
            rules.Add(new PdfRule(false, (from.X + to.X) / 2, Math.Min(from.Y, to.Y), Math.Max(from.Y, to.Y)));
        }
    }
}

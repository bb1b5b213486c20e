using System.Text;
using System.Text.RegularExpressions;

namespace WorkPlanTracker.Features.Import.Documents;

/// <summary>One glyph of a page, in PDF points (y grows upwards).</summary>
internal readonly record struct PdfGlyph(string Value, double Left, double Right, double Bottom, double Top, double Baseline, double Size)
{
    public double CenterX => (Left + Right) / 2;

    public double CenterY => (Bottom + Top) / 2;
}

/// <summary>A horizontal (From/To are x, At is y) or vertical (From/To are y, At is x) ruling line of a page.</summary>
internal readonly record struct PdfRule(bool IsHorizontal, double At, double From, double To);

/// <summary>A cell of a ruled table on one page, in the rows and columns of that page's part of the table.</summary>
internal sealed record PdfTableCell(int Row, int RowSpan, int Column, int ColumnSpan, string Text, bool EndsAtRightEdge)
{
    public int LastRow => Row + RowSpan - 1;
}

/// <summary>The part of a ruled table that one page shows.</summary>
internal sealed record PdfTablePart(double Top, double Bottom, IReadOnlyList<double> ColumnEdges, int RowCount, IReadOnlyList<PdfTableCell> Cells)
{
    public string TextAt(int row, int column) =>
        Cells.FirstOrDefault(c => c.Row == row && column >= c.Column && column < c.Column + c.ColumnSpan)?.Text ?? "";
}

/// <summary>
/// Finds the ruled tables of a page from its ruling lines and reads their cells from the glyphs' positions.
/// Plans published as PDF print their 任务分解表 with every cell ruled (Word, WPS and LibreOffice all draw the
/// borders as lines), so the lines give the rows and columns exactly where the text alone would not: a wrapped
/// cell, an empty cell and a merged cell (a border missing between two slots) all look different there.
/// </summary>
internal static partial class PdfTableFinder
{
    /// <summary>Points within which two lines count as one position (borders are drawn with half-point offsets).</summary>
    private const double Tolerance = 2.0;

    /// <summary>
    /// A page of a real plan has at most a few hundred borders; thousands of lines are a drawing or a hatching,
    /// and comparing them pairwise would spend the time budget on a page that holds no table worth reading.
    /// </summary>
    public const int MaxRules = 3000;

    public static (IReadOnlyList<PdfTablePart> Tables, IReadOnlyList<PdfGlyph> Outside) Find(IReadOnlyList<PdfRule> rules, IReadOnlyList<PdfGlyph> glyphs)
    {
        if (rules.Count > MaxRules)
        {
            return ([], glyphs);
        }

        var tables = new List<PdfTablePart>();
        var owned = new bool[glyphs.Count];
        foreach (var component in Components(rules))
        {
            var part = ReadTable(component, glyphs, owned);
            if (part is not null)
            {
                tables.Add(part);
            }
        }

        var outside = glyphs.Where((_, i) => !owned[i]).ToList();
        return (tables.OrderByDescending(t => t.Top).ToList(), outside);
    }

    /// <summary>Rules that touch one another form one table (or one box, which <see cref="ReadTable"/> then drops).</summary>
    private static IEnumerable<List<PdfRule>> Components(IReadOnlyList<PdfRule> rules)
    {
        var parent = Enumerable.Range(0, rules.Count).ToArray();
        int Root(int i)
        {
            while (parent[i] != i)
            {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }

            return i;
        }

        for (var i = 0; i < rules.Count; i++)
        {
            for (var j = i + 1; j < rules.Count; j++)
            {
                if (Touch(rules[i], rules[j]))
                {
                    parent[Root(i)] = Root(j);
                }
            }
        }

        return Enumerable.Range(0, rules.Count).GroupBy(Root).Select(g => g.Select(i => rules[i]).ToList());
    }

    private static bool Touch(PdfRule a, PdfRule b)
    {
        if (a.IsHorizontal == b.IsHorizontal)
        {
            return Math.Abs(a.At - b.At) <= Tolerance && a.From <= b.To + Tolerance && b.From <= a.To + Tolerance;
        }

        var (h, v) = a.IsHorizontal ? (a, b) : (b, a);
        return v.At >= h.From - Tolerance && v.At <= h.To + Tolerance && h.At >= v.From - Tolerance && h.At <= v.To + Tolerance;
    }

    private static PdfTablePart? ReadTable(List<PdfRule> rules, IReadOnlyList<PdfGlyph> glyphs, bool[] owned)
    {
        var horizontal = rules.Where(r => r.IsHorizontal).ToList();
        var vertical = rules.Where(r => !r.IsHorizontal).ToList();
        var rowEdges = Positions(horizontal).OrderByDescending(y => y).ToList();
        var columnEdges = Positions(vertical).OrderBy(x => x).ToList();

        // A table drawn with open sides (no outer left or right border) still ends where its horizontal rules end.
        if (columnEdges.Count >= 2 && horizontal.Count > 0)
        {
            var left = horizontal.Min(r => r.From);
            var right = horizontal.Max(r => r.To);
            if (left < columnEdges[0] - Tolerance * 4)
            {
                columnEdges.Insert(0, left);
            }

            if (right > columnEdges[^1] + Tolerance * 4)
            {
                columnEdges.Add(right);
            }
        }

        // A framed paragraph or a single box is text in a frame, not a table: a table has columns.
        if (rowEdges.Count < 2 || columnEdges.Count < 3)
        {
            return null;
        }

        if (UnruledRowBorders(rowEdges, columnEdges, glyphs) is { Count: > 0 } unruled)
        {
            horizontal.AddRange(unruled);
            rowEdges = Positions(horizontal).OrderByDescending(y => y).ToList();
        }

        var rowCount = rowEdges.Count - 1;
        var columnCount = columnEdges.Count - 1;
        var slots = Enumerable.Range(0, rowCount * columnCount).ToArray();
        int Root(int i)
        {
            while (slots[i] != i)
            {
                slots[i] = slots[slots[i]];
                i = slots[i];
            }

            return i;
        }

        for (var r = 0; r < rowCount; r++)
        {
            var middleY = (rowEdges[r] + rowEdges[r + 1]) / 2;
            for (var c = 0; c < columnCount; c++)
            {
                var middleX = (columnEdges[c] + columnEdges[c + 1]) / 2;
                if (c + 1 < columnCount && !Covers(vertical, columnEdges[c + 1], middleY))
                {
                    slots[Root(r * columnCount + c)] = Root(r * columnCount + c + 1);
                }

                if (r + 1 < rowCount && !Covers(horizontal, rowEdges[r + 1], middleX))
                {
                    slots[Root(r * columnCount + c)] = Root((r + 1) * columnCount + c);
                }
            }
        }

        var glyphsBySlot = new Dictionary<int, List<PdfGlyph>>();
        for (var i = 0; i < glyphs.Count; i++)
        {
            var glyph = glyphs[i];
            var r = IndexBetween(rowEdges, glyph.CenterY, descending: true);
            var c = IndexBetween(columnEdges, glyph.CenterX, descending: false);
            if (r < 0 || c < 0)
            {
                continue;
            }

            owned[i] = true;
            var root = Root(r * columnCount + c);
            if (!glyphsBySlot.TryGetValue(root, out var list))
            {
                glyphsBySlot[root] = list = [];
            }

            list.Add(glyph);
        }

        var cells = new List<PdfTableCell>();
        foreach (var group in Enumerable.Range(0, slots.Length).GroupBy(Root))
        {
            var rows = group.Select(s => s / columnCount).ToList();
            var columns = group.Select(s => s % columnCount).ToList();
            var (row, lastRow, column, lastColumn) = (rows.Min(), rows.Max(), columns.Min(), columns.Max());
            var (text, endsAtRightEdge) = glyphsBySlot.TryGetValue(group.Key, out var cellGlyphs)
                ? CellText(cellGlyphs, columnEdges[lastColumn + 1])
                : ("", false);
            cells.Add(new PdfTableCell(row, lastRow - row + 1, column, lastColumn - column + 1, text, endsAtRightEdge));
        }

        cells.Sort((a, b) => a.Row != b.Row ? a.Row.CompareTo(b.Row) : a.Column.CompareTo(b.Column));
        return new PdfTablePart(rowEdges[0], rowEdges[^1], columnEdges, rowCount, cells);
    }

    /// <summary>
    /// Borders a table leaves out: some tables rule only their header and frame, so one ruled band holds several
    /// rows. Where the first column of a band holds several row numbers (1 / 2 / 3, 一 / 二), each starts a row just
    /// above it, as its other cells start on the same line.
    /// </summary>
    private static List<PdfRule> UnruledRowBorders(List<double> rowEdges, List<double> columnEdges, IReadOnlyList<PdfGlyph> glyphs)
    {
        var borders = new List<PdfRule>();
        for (var r = 0; r + 1 < rowEdges.Count; r++)
        {
            var (top, bottom) = (rowEdges[r], rowEdges[r + 1]);
            var numbers = PdfTextLines.Group(glyphs.Where(g => g.CenterY < top && g.CenterY > bottom && g.CenterX > columnEdges[0] && g.CenterX < columnEdges[1]));
            if (numbers.Count < 2 || !numbers.All(l => RowNumber().IsMatch(l.Text)))
            {
                continue;
            }

            foreach (var number in numbers.Skip(1))
            {
                borders.Add(new PdfRule(true, number.Baseline + number.Size * 0.9, columnEdges[0], columnEdges[^1]));
            }
        }

        return borders;
    }

    [GeneratedRegex(@"^[（(]?(?:\d{1,3}|[一二三四五六七八九十]{1,3})[)）.．、]?$")]
    private static partial Regex RowNumber();

    /// <summary>The distinct positions of a set of parallel rules.</summary>
    private static List<double> Positions(List<PdfRule> rules)
    {
        var positions = new List<double>();
        foreach (var at in rules.Select(r => r.At).OrderBy(a => a))
        {
            if (positions.Count == 0 || at - positions[^1] > Tolerance)
            {
                positions.Add(at);
            }
        }

        return positions;
    }

    private static bool Covers(List<PdfRule> rules, double at, double point) =>
        rules.Any(r => Math.Abs(r.At - at) <= Tolerance && point >= r.From - Tolerance && point <= r.To + Tolerance);

    private static int IndexBetween(List<double> edges, double value, bool descending)
    {
        for (var i = 0; i + 1 < edges.Count; i++)
        {
            var (high, low) = descending ? (edges[i], edges[i + 1]) : (edges[i + 1], edges[i]);
            if (value <= high && value >= low)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// The cell's visual lines in reading order. A line that stops short of the cell's right side ends a paragraph
    /// (a unit name, one per line, as Word cells hold them); a line that runs to the side wraps into the next.
    /// </summary>
    private static (string Text, bool EndsAtRightEdge) CellText(List<PdfGlyph> glyphs, double right)
    {
        var lines = PdfTextLines.Group(glyphs);
        var text = new StringBuilder();
        var paragraph = new List<string>();
        var endsAtRightEdge = false;
        for (var i = 0; i < lines.Count; i++)
        {
            paragraph.Add(lines[i].Text);
            endsAtRightEdge = i + 1 < lines.Count
                ? right - lines[i].Right < lines[i + 1].FirstWordWidth + lines[i].Size * 0.5
                : right - lines[i].Right < lines[i].Size * 1.8;
            if (i + 1 < lines.Count && !endsAtRightEdge)
            {
                AppendParagraph(text, paragraph);
            }
        }

        AppendParagraph(text, paragraph);
        return (text.ToString(), endsAtRightEdge);
    }

    private static void AppendParagraph(StringBuilder text, List<string> paragraph)
    {
        if (paragraph.Count == 0)
        {
            return;
        }

        if (text.Length > 0)
        {
            text.Append('\n');
        }

        text.Append(PlanText.JoinPhrases(paragraph));
        paragraph.Clear();
    }
}

/// <summary>A visual line of glyphs: its text, where it ends on the right and how wide its first word is.</summary>
internal sealed record PdfTextLine(string Text, double Baseline, double Right, double Size, double FirstWordWidth);

/// <summary>Groups glyphs into visual lines and spells each line, with a space where Latin words have a gap.</summary>
internal static class PdfTextLines
{
    /// <summary>Lines from top to bottom; glyphs within a line from left to right.</summary>
    public static List<PdfTextLine> Group(IEnumerable<PdfGlyph> glyphs)
    {
        var lines = new List<List<PdfGlyph>>();
        foreach (var glyph in glyphs.Where(g => !string.IsNullOrWhiteSpace(g.Value)).OrderByDescending(g => g.Baseline))
        {
            var line = lines.Count > 0 ? lines[^1] : null;
            if (line is not null && Math.Abs(line[0].Baseline - glyph.Baseline) <= Math.Max(line[0].Size, glyph.Size) * 0.5)
            {
                line.Add(glyph);
            }
            else
            {
                lines.Add([glyph]);
            }
        }

        return lines.Select(Spell).ToList();
    }

    /// <summary>Spells glyphs already in reading order (content order for prose), starting a new line where the text moves down or back.</summary>
    public static List<PdfTextLine> InContentOrder(IEnumerable<PdfGlyph> glyphs)
    {
        var lines = new List<List<PdfGlyph>>();
        foreach (var glyph in glyphs.Where(g => !string.IsNullOrWhiteSpace(g.Value)))
        {
            var line = lines.Count > 0 ? lines[^1] : null;
            var previous = line?[^1];
            var sameLine = previous is { } p
                && Math.Abs(p.Baseline - glyph.Baseline) <= Math.Max(p.Size, glyph.Size) * 0.5
                && glyph.Left >= p.Left - p.Size * 0.5;
            if (sameLine)
            {
                line!.Add(glyph);
            }
            else
            {
                lines.Add([glyph]);
            }
        }

        return lines.Select(l => Spell(l, sort: false)).ToList();
    }

    private static PdfTextLine Spell(List<PdfGlyph> glyphs) => Spell(glyphs, sort: true);

    private static PdfTextLine Spell(List<PdfGlyph> glyphs, bool sort)
    {
        var ordered = sort ? glyphs.OrderBy(g => g.Left).ToList() : glyphs;
        var text = new StringBuilder();
        PdfGlyph? previous = null;
        var firstWordRight = ordered[0].Right;
        var inFirstWord = true;
        foreach (var glyph in ordered)
        {
            // Bold is often faked by printing a glyph twice, a hair apart.
            if (previous is { } twin && twin.Value == glyph.Value && Math.Abs(glyph.Left - twin.Left) < glyph.Size * 0.1)
            {
                continue;
            }

            if (previous is { } p)
            {
                var gap = glyph.Left - p.Right;
                var spaced = gap > Math.Max(p.Size, glyph.Size) * 0.15;
                // Word and LibreOffice leave a gap between Chinese and Latin text ("印发 2016 年") that is no space.
                if (spaced && !PlanText.IsWide(text[^1]) && !PlanText.IsWide(glyph.Value[0]))
                {
                    text.Append(' ');
                }

                // The first word of a Chinese line is its first character; of a Latin line, up to the first gap.
                inFirstWord = inFirstWord && !spaced && !PlanText.IsWide(glyph.Value[0]) && !PlanText.IsWide(p.Value[0]);
                if (inFirstWord)
                {
                    firstWordRight = glyph.Right;
                }
            }

            text.Append(glyph.Value);
            previous = glyph;
        }

        return new PdfTextLine(text.ToString(), ordered[0].Baseline, ordered.Max(g => g.Right), ordered.Max(g => g.Size), firstWordRight - ordered[0].Left);
    }
}

namespace WorkPlanTracker.Features.Import.Documents;

/// <summary>
/// One table as the plan wrote it, put together from the parts the pages show: a part that continues it drops
/// the header rows the page repeats, and a first row whose first column is empty is the rest of the row the
/// page break cut (its cells join the cells above, and a merged cell running on keeps covering its rows).
/// </summary>
internal sealed class PdfJoinedTable
{
    /// <summary>Column edges of the parts of one table are the same up to rounding.</summary>
    private const double EdgeTolerance = 3.0;

    /// <summary>Header rows a page may repeat: a title row and a two-level header at most.</summary>
    private const int MaxRepeatedHeaderRows = 3;

    private readonly List<JoinedCell> cells = [];
    private readonly IReadOnlyList<double> columnEdges;
    private int rowCount;

    public PdfJoinedTable(PdfTablePart first)
    {
        columnEdges = first.ColumnEdges;
        rowCount = first.RowCount;
        cells.AddRange(first.Cells.Select(c => new JoinedCell(c.Row, c.LastRow, c.Column, c.ColumnSpan, c.Text, c.EndsAtRightEdge)));
    }

    public bool IsContinuedBy(PdfTablePart part) =>
        part.ColumnEdges.Count == columnEdges.Count
        && part.ColumnEdges.Zip(columnEdges).All(p => Math.Abs(p.First - p.Second) <= EdgeTolerance);

    public void Append(PdfTablePart part)
    {
        var first = RepeatedHeaderRows(part);
        if (first >= part.RowCount)
        {
            return;
        }

        // The number column tells a cut row from a new one; a merged cell running on over the page (the 类别 of
        // several rows) says nothing, so the first column whose cell is the row's own is the one to look at.
        var rowCells = part.Cells.Where(c => c.Row == first).OrderBy(c => c.Column).ToList();
        var leading = rowCells.FirstOrDefault(c => c.RowSpan == 1);
        // A row is cut only where the row above has a cell to take each piece (a heading across the table has not).
        var cutRow = rowCount > 0 && leading is { Text.Length: 0 } && rowCells.Any(c => c.Text.Length > 0)
            && rowCells.Where(c => c.Text.Length > 0).All(c => CellEndingAt(rowCount - 1, c) is not null);
        var offset = (cutRow ? rowCount - 1 : rowCount) - first;
        foreach (var cell in part.Cells.Where(c => c.LastRow >= first))
        {
            var row = Math.Max(cell.Row, first);
            var lastRow = cell.LastRow + offset;
            var runsOn = row == first && (cutRow || (cell.Text.Length == 0 && cell.LastRow > first));
            var above = runsOn ? CellEndingAt(rowCount - 1, cell) : null;
            if (above is not null)
            {
                above.Continue(cell.Text, cell.EndsAtRightEdge, lastRow);
            }
            else
            {
                cells.Add(new JoinedCell(row + offset, lastRow, cell.Column, cell.ColumnSpan, cell.Text, cell.EndsAtRightEdge));
            }
        }

        rowCount = Math.Max(rowCount, part.RowCount + offset);
    }

    private JoinedCell? CellEndingAt(int lastRow, PdfTableCell below) =>
        cells.FirstOrDefault(c => c.LastRow == lastRow && c.Column == below.Column && c.ColumnSpan == below.ColumnSpan);

    public TableGrid ToGrid()
    {
        var builder = new TableGridBuilder();
        foreach (var cell in cells.OrderBy(c => c.Row).ThenBy(c => c.Column))
        {
            builder.Place(cell.Row, cell.Column, cell.LastRow - cell.Row + 1, cell.ColumnSpan, cell.Text);
        }

        return builder.Build();
    }

    private int RepeatedHeaderRows(PdfTablePart part)
    {
        var rows = 0;
        while (rows < Math.Min(MaxRepeatedHeaderRows, part.RowCount - 1) && rows < rowCount && SameRow(part, rows))
        {
            rows++;
        }

        return rows;
    }

    private bool SameRow(PdfTablePart part, int row)
    {
        var filled = 0;
        for (var c = 0; c < columnEdges.Count - 1; c++)
        {
            var text = Normalize(part.TextAt(row, c));
            var own = Normalize(cells.FirstOrDefault(x => x.Row == row && c >= x.Column && c < x.Column + x.ColumnSpan)?.Text ?? "");
            if (text != own)
            {
                return false;
            }

            filled += text.Length > 0 ? 1 : 0;
        }

        return filled > 1;
    }

    private static string Normalize(string text) => new(text.Where(c => !char.IsWhiteSpace(c)).ToArray());

    private sealed class JoinedCell(int row, int lastRow, int column, int columnSpan, string text, bool endsAtRightEdge)
    {
        public int Row { get; } = row;

        public int LastRow { get; private set; } = lastRow;

        public int Column { get; } = column;

        public int ColumnSpan { get; } = columnSpan;

        public string Text { get; private set; } = text;

        private bool EndsAtRightEdge { get; set; } = endsAtRightEdge;

        /// <summary>The rest of a cell the page break cut: a line that ran to the cell's side wraps on, otherwise a new paragraph starts.</summary>
        public void Continue(string more, bool moreEndsAtRightEdge, int lastRow)
        {
            LastRow = Math.Max(LastRow, lastRow);
            if (more.Length == 0)
            {
                return;
            }

            Text = Text.Length == 0 ? more
                : EndsAtRightEdge ? PlanText.JoinPhrases([Text, more])
                : Text + "\n" + more;
            EndsAtRightEdge = moreEndsAtRightEdge;
        }
    }
}

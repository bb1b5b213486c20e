namespace WorkPlanTracker.Features.Import.Documents;

/// <summary>
/// One slot of a table after merged cells have been spread out. Every slot a merged cell covers
/// holds its text and the same <see cref="SourceId"/>, which is how a row can tell "one cell spans
/// the whole row" from "several cells happen to say the same thing".
/// </summary>
internal readonly record struct GridCell(string Text, int SourceId, bool HasNestedTable)
{
    public static GridCell Empty { get; } = new("", -1, false);

    public bool IsEmpty => Text.Length == 0;
}

/// <summary>A rectangular table whose merged cells are already copied into each slot they cover.</summary>
internal sealed class TableGrid
{
    public TableGrid(IReadOnlyList<GridCell[]> rows, int columnCount)
    {
        Rows = rows;
        ColumnCount = columnCount;
    }

    public IReadOnlyList<GridCell[]> Rows { get; }

    public int ColumnCount { get; }
}

/// <summary>
/// Collects cells from HTML (rowspan/colspan), Word (gridSpan/vMerge) or Excel (merged ranges)
/// into a <see cref="TableGrid"/>.
/// </summary>
internal sealed class TableGridBuilder
{
    // A hostile colspan="1000" on every cell must not turn a small file into millions of slots.
    private const int MaxColumns = 200;

    private readonly List<List<GridCell?>> rows = [];
    private int nextSourceId;

    public int RowCount => rows.Count;

    /// <summary>The first slot at or right of <paramref name="column"/> not already covered by a cell spanning down from above.</summary>
    public int NextFreeColumn(int row, int column)
    {
        var cells = Row(row);
        while (column < cells.Count && cells[column] is not null)
        {
            column++;
        }

        return column;
    }

    public void Place(int row, int column, int rowSpan, int columnSpan, string text, bool hasNestedTable = false)
    {
        var cell = new GridCell(text, nextSourceId++, hasNestedTable);
        var lastColumn = Math.Min(column + Math.Max(columnSpan, 1), MaxColumns);
        for (var r = row; r < row + Math.Max(rowSpan, 1); r++)
        {
            var cells = Row(r);
            for (var c = column; c < lastColumn; c++)
            {
                while (cells.Count <= c)
                {
                    cells.Add(null);
                }

                cells[c] ??= cell;
            }
        }
    }

    /// <summary>Word's vMerge="continue": the slot belongs to the cell above it.</summary>
    public void ContinueFromAbove(int row, int column, int columnSpan)
    {
        if (row == 0)
        {
            Place(row, column, 1, columnSpan, "");
            return;
        }

        var above = Row(row - 1);
        var cells = Row(row);
        var lastColumn = Math.Min(column + Math.Max(columnSpan, 1), MaxColumns);
        for (var c = column; c < lastColumn; c++)
        {
            while (cells.Count <= c)
            {
                cells.Add(null);
            }

            cells[c] ??= c < above.Count && above[c] is { } cell ? cell : GridCell.Empty;
        }
    }

    public TableGrid Build()
    {
        var columnCount = rows.Count == 0 ? 0 : rows.Max(r => r.Count);
        var built = rows
            .Select(r => Enumerable.Range(0, columnCount).Select(c => c < r.Count && r[c] is { } cell ? cell : GridCell.Empty).ToArray())
            .ToList();
        return new TableGrid(built, columnCount);
    }

    private List<GridCell?> Row(int row)
    {
        while (rows.Count <= row)
        {
            rows.Add([]);
        }

        return rows[row];
    }
}

using WorkPlanTracker.Features.Import.Documents;

namespace WorkPlanTracker.Tests.Features.Import.Documents;

/// <summary>Tables read from ruling lines and glyph positions as a page gives them, without a PDF file.</summary>
public sealed class PdfTableGeometryTests
{
    private const double Size = 10;
    private static readonly double[] Columns = [0, 30, 150, 250];
    private static readonly double[] Rows = [300, 280, 240, 200];

    [Fact]
    public void Cells_come_from_the_ruling_lines_with_wrapped_lines_joined_and_a_missing_border_merging_two_rows()
    {
        // No border under the 牵头单位 cell of row 1: the cell covers rows 1 and 2, like Word's vertical merge.
        var rules = Grid(skipBorder: (row: 1, column: 2));
        var glyphs = new List<PdfGlyph>();
        glyphs.AddRange(Text("序号", 2, 286));
        glyphs.AddRange(Text("工作任务", 32, 286));
        glyphs.AddRange(Text("牵头单位", 152, 286));
        glyphs.AddRange(Text("1", 2, 266));
        glyphs.AddRange(Text("推进政务公开标准化规范", 32, 266));
        glyphs.AddRange(Text("化建设工作", 32, 252));
        glyphs.AddRange(Text("省发改委", 152, 266));
        glyphs.AddRange(Text("省财政厅", 152, 252));
        glyphs.AddRange(Text("2", 2, 226));
        glyphs.AddRange(Text("做好政策解读", 32, 226));

        var (tables, outside) = PdfTableFinder.Find(rules, glyphs);

        Assert.Empty(outside);
        var table = Assert.Single(tables);
        Assert.Equal(3, table.RowCount);
        Assert.Equal("推进政务公开标准化规范化建设工作", table.TextAt(1, 1));
        var lead = Assert.Single(table.Cells, c => c.Column == 2 && c.Row == 1);
        Assert.Equal((2, "省发改委\n省财政厅"), (lead.RowSpan, lead.Text));
        Assert.Equal(
            ["1. 推进政务公开标准化规范化建设工作(牵头单位:省发改委、省财政厅)", "2. 做好政策解读(牵头单位:省发改委、省财政厅)"],
            TableLineFormatter.Format(new PdfJoinedTable(table).ToGrid()));
    }

    [Fact]
    public void Rows_a_table_leaves_unruled_start_at_their_numbers()
    {
        // Only the frame, the columns and the rule under the header: rows 1 and 2 share one ruled band.
        var rules = Columns.Select(x => new PdfRule(false, x, Rows[^1], Rows[0])).ToList();
        rules.AddRange(new[] { Rows[0], Rows[1], Rows[^1] }.Select(y => new PdfRule(true, y, Columns[0], Columns[^1])));
        var glyphs = Text("序号", 2, 286).Concat(Text("工作任务", 32, 286)).Concat(Text("牵头单位", 152, 286))
            .Concat(Text("1", 2, 266)).Concat(Text("推进政务公开标准化规范", 32, 266)).Concat(Text("化建设工作", 32, 252)).Concat(Text("省发改委", 152, 266))
            .Concat(Text("2", 2, 232)).Concat(Text("做好政策解读", 32, 232)).Concat(Text("省财政厅", 152, 232))
            .ToList();

        var table = Assert.Single(PdfTableFinder.Find(rules, glyphs).Tables);

        Assert.Equal(
            ["1. 推进政务公开标准化规范化建设工作(牵头单位:省发改委)", "2. 做好政策解读(牵头单位:省财政厅)"],
            TableLineFormatter.Format(new PdfJoinedTable(table).ToGrid()));
    }

    [Fact]
    public void A_table_with_open_sides_ends_where_its_rows_rules_end()
    {
        // Borders between the columns and across the rows, none on the outer left and right.
        var rules = Grid(skipBorder: (-1, -1)).Where(r => r.IsHorizontal || (r.At > Columns[0] && r.At < Columns[^1])).ToList();
        var glyphs = Text("序号", 2, 286).Concat(Text("工作任务", 32, 286)).Concat(Text("牵头单位", 152, 286))
            .Concat(Text("1", 2, 266)).Concat(Text("建立标准目录", 32, 266)).Concat(Text("省发改委", 152, 266))
            .ToList();

        var (tables, outside) = PdfTableFinder.Find(rules, glyphs);

        Assert.Empty(outside);
        Assert.Equal(["1. 建立标准目录(牵头单位:省发改委)"], TableLineFormatter.Format(new PdfJoinedTable(Assert.Single(tables)).ToGrid()));
    }

    [Fact]
    public void A_framed_paragraph_is_prose_not_a_table()
    {
        PdfRule[] box = [new(true, 300, 0, 250), new(true, 260, 0, 250), new(false, 0, 260, 300), new(false, 250, 260, 300)];
        var glyphs = Text("注：各单位于每月5日前报送进展", 4, 280).ToList();

        var (tables, outside) = PdfTableFinder.Find(box, glyphs);

        Assert.Empty(tables);
        Assert.Equal(glyphs.Count, outside.Count);
    }

    [Fact]
    public void A_table_continued_on_the_next_page_drops_the_repeated_header_and_joins_the_row_the_break_cut()
    {
        var table = new PdfJoinedTable(Part(Header, Row("1", "建立政务公开事项标准目录并", "省发改委", taskRunsOn: true)));

        table.Append(Part(Header, Row("", "动态更新", "省财政厅"), Row("2", "做好政策解读", "省政府办公厅")));

        Assert.Equal(
            ["1. 建立政务公开事项标准目录并动态更新(牵头单位:省发改委、省财政厅)", "2. 做好政策解读(牵头单位:省政府办公厅)"],
            TableLineFormatter.Format(table.ToGrid()));
    }

    [Fact]
    public void A_row_with_its_number_on_the_new_page_is_a_new_row()
    {
        var table = new PdfJoinedTable(Part(Header, Row("1", "建立标准目录", "省发改委")));

        table.Append(Part(Header, Row("2", "做好政策解读", "")));

        Assert.Equal(
            ["1. 建立标准目录(牵头单位:省发改委)", "2. 做好政策解读"],
            TableLineFormatter.Format(table.ToGrid()));
    }

    [Fact]
    public void A_row_without_a_number_after_a_heading_across_the_table_is_not_taken_for_the_rest_of_the_heading()
    {
        var table = new PdfJoinedTable(Part(Header, row => [new PdfTableCell(row, 1, 0, 3, "二、强化政策解读", false)]));

        table.Append(Part(Header, Row("", "做好政策解读", "省政府办公厅")));

        Assert.Equal(["二、强化政策解读", "做好政策解读(牵头单位:省政府办公厅)"], TableLineFormatter.Format(table.ToGrid()));
    }

    [Fact]
    public void A_merged_unit_cell_running_over_the_page_break_keeps_covering_the_rows_on_the_new_page()
    {
        var table = new PdfJoinedTable(Part(Header, Row("1", "建立标准目录", "省发改委")));
        var continued = new PdfTablePart(300, 200, Columns, 3,
        [
            .. Header(0),
            new PdfTableCell(1, 1, 0, 1, "2", false), new PdfTableCell(1, 1, 1, 1, "做好政策解读", false), new PdfTableCell(1, 2, 2, 1, "", false),
            new PdfTableCell(2, 1, 0, 1, "3", false), new PdfTableCell(2, 1, 1, 1, "回应社会关切", false),
        ]);

        // The first row on the new page is not cut (its number is there); the empty merged cell is the rest of the one above.
        table.Append(continued);

        Assert.Equal(
            ["1. 建立标准目录(牵头单位:省发改委)", "2. 做好政策解读(牵头单位:省发改委)", "3. 回应社会关切(牵头单位:省发改委)"],
            TableLineFormatter.Format(table.ToGrid()));
    }

    [Fact]
    public void A_glyph_printed_twice_a_hair_apart_for_bold_reads_once_while_double_letters_stay()
    {
        var fakeBold = Text("牵头单位", 0, 100).Concat(Text("牵头单位", 0.4, 100));

        Assert.Equal("牵头单位", Assert.Single(PdfTextLines.Group(fakeBold)).Text);
        Assert.Equal("office 2016年", Assert.Single(PdfTextLines.Group(Text("office", 0, 100).Concat(Text("2016年", 40, 100)))).Text);
    }

    private static IEnumerable<PdfTableCell> Header(int row) =>
        [new(row, 1, 0, 1, "序号", false), new(row, 1, 1, 1, "工作任务", false), new(row, 1, 2, 1, "牵头单位", false)];

    private static Func<int, IEnumerable<PdfTableCell>> Row(string number, string task, string lead, bool taskRunsOn = false) =>
        row => [new(row, 1, 0, 1, number, false), new(row, 1, 1, 1, task, taskRunsOn), new(row, 1, 2, 1, lead, false)];

    private static PdfTablePart Part(params Func<int, IEnumerable<PdfTableCell>>[] rows) =>
        new(300, 200, Columns, rows.Length, rows.SelectMany((row, r) => row(r)).ToList());

    private static List<PdfRule> Grid((int row, int column) skipBorder)
    {
        var rules = Columns.Select(x => new PdfRule(false, x, Rows[^1], Rows[0])).ToList();
        for (var r = 0; r < Rows.Length; r++)
        {
            for (var c = 0; c + 1 < Columns.Length; c++)
            {
                if ((r - 1, c) != skipBorder)
                {
                    rules.Add(new PdfRule(true, Rows[r], Columns[c], Columns[c + 1]));
                }
            }
        }

        return rules;
    }

    /// <summary>Glyphs of a line starting at <paramref name="x"/>: a Chinese character is one em wide, a digit half.</summary>
    private static IEnumerable<PdfGlyph> Text(string text, double x, double baseline)
    {
        foreach (var c in text)
        {
            var width = PlanText.IsWide(c) ? Size : Size / 2;
            yield return new PdfGlyph(c.ToString(), x, x + width, baseline - 2, baseline + 8, baseline, Size);
            x += width;
        }
    }
}

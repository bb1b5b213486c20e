using System.Text;

namespace WorkPlanTracker.Features.Import.Documents;

/// <summary>
/// Turns a table into text lines. Task tables become one canonical line per task,
/// <c>{序号}. {工作任务}(牵头单位:{牵头};责任单位:{责任};完成时限:{时限})</c>, which the text parser
/// reads like a numbered paragraph; other tables keep their cells side by side.
/// </summary>
internal static class TableLineFormatter
{
    // Past these a table is page layout (old government sites put the whole article in one) rather than data.
    private const int LayoutCellLines = 3;
    private const int LayoutCellLength = 300;

    public static IEnumerable<string> Format(TableGrid grid)
    {
        if (grid.Rows.Count == 0)
        {
            return [];
        }

        var layout = TaskTableLayout.Detect(grid);
        if (layout is not null)
        {
            return FormatTaskTable(grid, layout);
        }

        return IsPageLayout(grid) ? FormatLayoutTable(grid) : FormatPlainTable(grid);
    }

    public static string FormatTaskLine(string number, string task, string lead, string support, string deadline)
    {
        var builder = new StringBuilder();
        if (number.Length > 0)
        {
            builder.Append(number);
            // "1" becomes "1. "; numbers that carry their own punctuation ("(1)", "一、") keep it.
            if (number.All(c => char.IsAsciiDigit(c) || c == '.'))
            {
                builder.Append(". ");
            }
            else if (!number.EndsWith(')') && !number.EndsWith('）') && !number.EndsWith('、'))
            {
                builder.Append(' ');
            }
        }

        builder.Append(task);
        var parts = new List<string>(3);
        if (lead.Length > 0)
        {
            parts.Add("牵头单位:" + lead);
        }

        if (support.Length > 0)
        {
            parts.Add("责任单位:" + support);
        }

        if (deadline.Length > 0)
        {
            parts.Add("完成时限:" + deadline);
        }

        if (parts.Count > 0)
        {
            builder.Append('(').Append(string.Join(';', parts)).Append(')');
        }

        return builder.ToString();
    }

    private static IEnumerable<string> FormatTaskTable(TableGrid grid, TaskTableLayout layout)
    {
        var lines = new List<string>();
        var emitted = new HashSet<int>();
        for (var r = 0; r < layout.HeaderRow; r++)
        {
            foreach (var cell in grid.Rows[r].Where(c => !c.IsEmpty && emitted.Add(c.SourceId)))
            {
                lines.Add(PlanText.JoinPhrases(PlanText.SplitLines(cell.Text)));
            }
        }

        var numberColumn = layout.ColumnsOf(TaskColumnRole.Number).Cast<int?>().FirstOrDefault();
        var taskColumns = layout.ColumnsOf(TaskColumnRole.Task)
            .OrderBy(c => layout.Labels[c].Contains("任务", StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(c => c)
            .ToList();
        var leadColumns = layout.ColumnsOf(TaskColumnRole.Lead).ToList();
        var supportColumns = layout.ColumnsOf(TaskColumnRole.Support).ToList();
        var deadlineColumns = layout.ColumnsOf(TaskColumnRole.Deadline).ToList();
        var sectionColumns = layout.ColumnsOf(TaskColumnRole.Section).ToList();
        string? lastSection = null;

        for (var r = layout.FirstDataRow; r < grid.Rows.Count; r++)
        {
            var row = grid.Rows[r];
            var sources = row.Where(c => !c.IsEmpty).DistinctBy(c => c.SourceId).ToList();
            if (sources.Count == 0 || layout.IsRepeatedHeader(grid, row))
            {
                continue;
            }

            if (sources.Count == 1)
            {
                // A single cell across the row is a section heading or a note ("注：…"), never a task.
                var only = sources[0];
                var text = PlanText.JoinPhrases(PlanText.SplitLines(only.Text));
                var span = row.Count(c => c.SourceId == only.SourceId);
                if (span > 1 || SectionHeading.IsHeading(text))
                {
                    if (text != lastSection)
                    {
                        lines.Add(text);
                    }

                    lastSection = SectionHeading.IsHeading(text) ? text : lastSection;
                    continue;
                }
            }

            foreach (var c in sectionColumns)
            {
                var section = PlanText.JoinPhrases(PlanText.SplitLines(row[c].Text));
                if (section.Length > 0 && section != lastSection)
                {
                    lines.Add(section);
                    lastSection = section;
                }
            }

            var number = numberColumn is { } n ? PlanText.JoinPhrases(PlanText.SplitLines(row[n].Text)).TrimEnd('.', '．', '、', ' ') : "";
            var task = JoinTask(row, taskColumns);
            var lead = JoinUnits(row, leadColumns);
            var support = JoinUnits(row, supportColumns);
            var deadline = PlanText.JoinPhrases(deadlineColumns.DistinctBy(c => row[c].SourceId).SelectMany(c => PlanText.SplitLines(row[c].Text)));

            if (task.Length == 0)
            {
                continue;
            }

            if (numberColumn is { } nc && SectionHeading.IsChineseNumber(row[nc].Text) && lead.Length == 0 && support.Length == 0 && deadline.Length == 0)
            {
                var heading = SectionHeading.Compose(row[nc].Text, task);
                lines.Add(heading);
                lastSection = heading;
                continue;
            }

            lines.Add(FormatTaskLine(number, task, lead, support, deadline));
        }

        return lines;
    }

    private static string JoinTask(GridCell[] row, List<int> taskColumns)
    {
        var builder = new StringBuilder();
        foreach (var c in taskColumns.DistinctBy(c => row[c].SourceId))
        {
            var part = PlanText.JoinPhrases(PlanText.SplitLines(row[c].Text));
            if (part.Length == 0)
            {
                continue;
            }

            if (builder.Length > 0)
            {
                // "主要任务" + "具体措施": read as a title followed by its detail.
                if (builder[^1] is not ('。' or '：' or ':' or '；' or ';' or '，'))
                {
                    builder.Append('：');
                }
            }

            builder.Append(part);
        }

        return builder.ToString();
    }

    private static string JoinUnits(GridCell[] row, List<int> columns) =>
        PlanText.JoinUnits(columns.DistinctBy(c => row[c].SourceId).SelectMany(c => PlanText.SplitLines(row[c].Text)));

    private static bool IsPageLayout(TableGrid grid) =>
        grid.Rows.SelectMany(r => r).Any(c => c.HasNestedTable || c.Text.Length > LayoutCellLength || c.Text.Count(ch => ch == '\n') >= LayoutCellLines - 1);

    private static IEnumerable<string> FormatLayoutTable(TableGrid grid)
    {
        var emitted = new HashSet<int>();
        foreach (var row in grid.Rows)
        {
            foreach (var cell in row.Where(c => !c.IsEmpty && emitted.Add(c.SourceId)))
            {
                foreach (var line in PlanText.SplitLines(cell.Text))
                {
                    yield return line;
                }
            }
        }
    }

    private static IEnumerable<string> FormatPlainTable(TableGrid grid)
    {
        // A merged cell is read once, where it starts, as a person reading the table would.
        var emitted = new HashSet<int>();
        foreach (var row in grid.Rows)
        {
            var cells = row.Where(c => !c.IsEmpty && emitted.Add(c.SourceId))
                .Select(c => string.Join(' ', PlanText.SplitLines(c.Text)))
                .ToList();
            if (cells.Count > 0)
            {
                yield return string.Join(' ', cells);
            }
        }
    }
}

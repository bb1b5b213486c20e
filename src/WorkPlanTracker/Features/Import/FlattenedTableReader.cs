using System.Text;
using System.Text.RegularExpressions;

namespace WorkPlanTracker.Features.Import;

/// <summary>
/// Rewrites the rows of a plan table that was flattened to text (tab-separated with a 序号/工作任务/牵头单位 header,
/// or space-separated "1 任务 牵头 责任 时限") into the canonical line the rest of the parser reads:
/// <c>1. 任务(牵头单位：A；责任单位：B；完成时限：…)</c>.
/// </summary>
internal static partial class FlattenedTableReader
{
    private enum Column
    {
        Other,
        Number,
        Task,
        Lead,
        Responsible,
        Supporting,
        Deadline,
    }

    public static List<string> ToCanonicalLines(IReadOnlyList<string> lines)
    {
        var result = new List<string>(lines.Count);
        List<Column>? columns = null;
        var tableHeaderSeen = false;
        foreach (var line in lines)
        {
            tableHeaderSeen = tableHeaderSeen || TableRowUnits.HasTableHeader(line);
            if (tableHeaderSeen && FromNumberedSpacedRow(line) is { } row)
            {
                result.Add(row);
                continue;
            }

            if (TryReadHeader(line, out var header))
            {
                columns = header;

                // "(八)…培训。附件 任务分解表 序号重点工作任务责任单位": the header closes the text before it, which stays.
                var headerStart = line.IndexOf("序号", StringComparison.Ordinal);
                if (headerStart > 0)
                {
                    result.Add(line[..headerStart].TrimEnd());
                }

                continue;
            }

            string? canonical = null;
            if (line.Contains('\t', StringComparison.Ordinal) && columns is not null)
            {
                canonical = FromTabbedRow(line, columns);
            }
            else if (SpacedRow().IsMatch(line))
            {
                canonical = FromSpacedRow(line, columns);
            }

            result.Add(canonical ?? line);
        }

        return result;
    }

    private static bool TryReadHeader(string line, out List<Column> columns)
    {
        columns = [];
        if (!line.Contains("序号", StringComparison.Ordinal) || !HeaderWord().IsMatch(line))
        {
            return false;
        }

        foreach (var cell in SplitCells(line))
        {
            columns.Add(ClassifyHeader(cell));
        }

        return columns.Contains(Column.Task) || columns.Contains(Column.Lead);
    }

    private static Column ClassifyHeader(string cell) => cell switch
    {
        _ when cell.Contains("序号", StringComparison.Ordinal) => Column.Number,
        _ when cell.Contains("牵头", StringComparison.Ordinal) || cell.Contains("主办", StringComparison.Ordinal) => Column.Lead,
        _ when cell.Contains("配合", StringComparison.Ordinal) || cell.Contains("协办", StringComparison.Ordinal) || cell.Contains("参与", StringComparison.Ordinal)
            || cell.Contains("协同", StringComparison.Ordinal) || cell.Contains("指导", StringComparison.Ordinal) => Column.Supporting,
        _ when cell.Contains("责任", StringComparison.Ordinal) || cell.Contains("负责", StringComparison.Ordinal) || cell.Contains("承办", StringComparison.Ordinal) => Column.Responsible,
        _ when cell.Contains("时限", StringComparison.Ordinal) || cell.Contains("时间", StringComparison.Ordinal) || cell.Contains("期限", StringComparison.Ordinal)
            || cell.Contains("时间节点", StringComparison.Ordinal) || cell.Contains("进度", StringComparison.Ordinal) => Column.Deadline,
        _ when cell.Contains("任务", StringComparison.Ordinal) || cell.Contains("内容", StringComparison.Ordinal) || cell.Contains("事项", StringComparison.Ordinal) || cell.Contains("措施", StringComparison.Ordinal) => Column.Task,
        _ => Column.Other,
    };

    private static string? FromTabbedRow(string line, List<Column> columns)
    {
        var cells = line.Split('\t');
        string? number = null, task = null, lead = null, responsible = null, supporting = null, deadline = null;
        for (var i = 0; i < cells.Length && i < columns.Count; i++)
        {
            var cell = cells[i].Trim();
            switch (columns[i])
            {
                case Column.Number: number = cell; break;
                case Column.Task: task = Join(task, cell); break;
                case Column.Lead: lead = Join(lead, cell); break;
                case Column.Responsible: responsible = Join(responsible, cell); break;
                case Column.Supporting: supporting = Join(supporting, cell); break;
                case Column.Deadline: deadline = cell; break;
            }
        }

        if (number is null || !RowNumber().IsMatch(number) || string.IsNullOrEmpty(task))
        {
            return null;
        }

        return Canonical(number, task, lead, responsible, supporting, deadline);
    }

    private static string? FromSpacedRow(string line, List<Column>? columns)
    {
        var tokens = line.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (tokens.Length < 3)
        {
            return null;
        }

        var end = tokens.Length;
        string? deadline = null;
        if (DeadlineParser.LooksLikeDeadline(tokens[^1]))
        {
            deadline = tokens[^1];
            end--;
        }

        // Unit cells are the run of unit-like tokens before the deadline; the task keeps at least one token.
        var unitStart = end;
        while (unitStart > 2 && IsUnitCell(tokens[unitStart - 1]))
        {
            unitStart--;
        }

        if (unitStart == end && deadline is null)
        {
            return null;
        }

        var task = string.Concat(tokens[1..unitStart]);
        var units = tokens[unitStart..end];
        var leadColumn = columns is null || columns.Contains(Column.Lead);
        string? lead = null, responsible = null;
        if (units.Length > 0)
        {
            if (leadColumn)
            {
                lead = units[0];
                responsible = units.Length > 1 ? string.Join("、", units[1..]) : null;
            }
            else
            {
                responsible = string.Join("、", units);
            }
        }

        return Canonical(tokens[0], task, lead, responsible, null, deadline);
    }

    // After a table header, "1.任务 区行政审批局 综合处牵头，各处、单位配合落实 要求": cells separated by spaces.
    private static string? FromNumberedSpacedRow(string line)
    {
        var marker = NumberedRow().Match(line);
        if (!marker.Success || TableRowUnits.FindSpacedCells(line[marker.Length..]) is not { } cells)
        {
            return null;
        }

        var task = cells.Title + (cells.Rest.Length > 0 ? " " + cells.Rest : "");
        var supporting = cells.Supporting.Count > 0 ? string.Join("、", cells.Supporting) : null;
        return Canonical(marker.Groups[1].Value, task, string.Join("、", cells.Leads), null, supporting, null);
    }

    private static bool IsUnitCell(string token)
    {
        var names = UnitNoteParser.SplitUnitNames(token);
        return names.Count > 0 && names.TrueForAll(UnitNoteParser.LooksLikeUnitName);
    }

    private static string Canonical(string number, string task, string? lead, string? responsible, string? supporting, string? deadline)
    {
        var note = new List<string>(4);
        if (!string.IsNullOrWhiteSpace(lead))
        {
            note.Add("牵头单位：" + lead);
        }

        if (!string.IsNullOrWhiteSpace(responsible))
        {
            note.Add("责任单位：" + responsible);
        }

        if (!string.IsNullOrWhiteSpace(supporting))
        {
            note.Add("配合单位：" + supporting);
        }

        if (!string.IsNullOrWhiteSpace(deadline))
        {
            note.Add("完成时限：" + deadline);
        }

        var builder = new StringBuilder().Append(number).Append(". ").Append(task.TrimEnd('。'));
        if (note.Count > 0)
        {
            builder.Append('(').AppendJoin('；', note).Append(')');
        }

        return builder.ToString();
    }

    private static string Join(string? existing, string cell) =>
        string.IsNullOrEmpty(existing) ? cell : cell.Length == 0 ? existing : existing + "、" + cell;

    private static string[] SplitCells(string line) =>
        line.Contains('\t', StringComparison.Ordinal)
            ? line.Split('\t', StringSplitOptions.TrimEntries)
            : line.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [GeneratedRegex("牵头|责任|完成时限|工作任务|任务内容")]
    private static partial Regex HeaderWord();

    [GeneratedRegex(@"^(\d{1,3})[.．、](?=\S)")]
    private static partial Regex NumberedRow();

    [GeneratedRegex(@"^\d{1,3}$")]
    private static partial Regex RowNumber();

    [GeneratedRegex(@"^\d{1,3} [^ .、，]")]
    private static partial Regex SpacedRow();
}

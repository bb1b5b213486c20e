namespace WorkPlanTracker.Features.Import.Documents;

internal enum TaskColumnRole
{
    None,
    Number,
    Task,
    Lead,
    Support,
    Deadline,
    Section,
}

/// <summary>
/// Where a task-breakdown table (任务分解表) keeps what. Found by the meaning of its header cells,
/// because every office orders and words the columns differently ("重点任务", "工作内容",
/// "责任单位", "完成时限", "时间节点" ...).
/// </summary>
internal sealed class TaskTableLayout
{
    // Header cells are labels; anything longer is a data cell that happens to contain a keyword.
    private const int MaxHeaderCellLength = 20;

    private TaskTableLayout(int headerRow, int firstDataRow, TaskColumnRole[] roles, string[] labels)
    {
        HeaderRow = headerRow;
        FirstDataRow = firstDataRow;
        Roles = roles;
        Labels = labels;
    }

    /// <summary>Rows above this one are titles ("2024年XX市政务公开重点工作任务分解表").</summary>
    public int HeaderRow { get; }

    public int FirstDataRow { get; }

    public IReadOnlyList<TaskColumnRole> Roles { get; }

    /// <summary>Header text of each column, white space removed.</summary>
    public IReadOnlyList<string> Labels { get; }

    public IEnumerable<int> ColumnsOf(TaskColumnRole role) =>
        Enumerable.Range(0, Roles.Count).Where(c => Roles[c] == role);

    /// <summary>Looks for the header in the first <paramref name="maxHeaderRow"/> rows; null when the table is not a task table.</summary>
    public static TaskTableLayout? Detect(TableGrid grid, int maxHeaderRow = 15)
    {
        for (var r = 0; r < Math.Min(maxHeaderRow, grid.Rows.Count); r++)
        {
            var labels = grid.Rows[r].Select(c => Normalize(c.Text)).ToArray();
            if (!LooksLikeHeader(labels))
            {
                continue;
            }

            var firstDataRow = r + 1;
            if (r + 1 < grid.Rows.Count && IsSubHeader(grid.Rows[r], grid.Rows[r + 1]))
            {
                // Two-level header, e.g. 责任单位 spanning 牵头单位 | 配合单位: read each column's label as both levels together.
                labels = labels
                    .Select((label, c) => grid.Rows[r + 1][c].SourceId == grid.Rows[r][c].SourceId ? label : label + Normalize(grid.Rows[r + 1][c].Text))
                    .ToArray();
                firstDataRow = r + 2;
            }

            var roles = AssignRoles(labels);
            MarkSectionColumns(grid, firstDataRow, roles);
            return new TaskTableLayout(r, firstDataRow, roles, labels);
        }

        return null;
    }

    /// <summary>Whether a data row is a repetition of the header (Word repeats it on each page; pasted tables keep it).</summary>
    public bool IsRepeatedHeader(TableGrid grid, GridCell[] row)
    {
        var header = grid.Rows[HeaderRow];
        var same = 0;
        var filled = 0;
        for (var c = 0; c < row.Length; c++)
        {
            if (row[c].IsEmpty)
            {
                continue;
            }

            filled++;
            if (Normalize(row[c].Text) == Normalize(header[c].Text))
            {
                same++;
            }
        }

        return filled > 1 && same == filled;
    }

    private static bool LooksLikeHeader(string[] labels)
    {
        var hasTask = labels.Any(l => Classify(l) == TaskColumnRole.Task);
        var hasUnit = labels.Any(l => Classify(l) is TaskColumnRole.Lead or TaskColumnRole.Support || (l.Length <= MaxHeaderCellLength && l.Contains("单位", StringComparison.Ordinal)));
        return hasTask && hasUnit;
    }

    private static bool IsSubHeader(GridCell[] header, GridCell[] next)
    {
        // A second header level splits a label into at least two (牵头单位 | 配合单位); a single cell
        // under the header is a section row such as "一、责任落实", not a label.
        var ownCells = next.Where((cell, c) => !cell.IsEmpty && cell.SourceId != header[c].SourceId).DistinctBy(c => c.SourceId).ToList();
        return ownCells.Count >= 2
            && ownCells.All(c => Normalize(c.Text).Length <= MaxHeaderCellLength && !c.Text.Any(char.IsDigit) && !SectionHeading.IsHeading(c.Text))
            && ownCells.Any(c => Classify(Normalize(c.Text)) is TaskColumnRole.Lead or TaskColumnRole.Support or TaskColumnRole.Deadline);
    }

    private static TaskColumnRole[] AssignRoles(string[] labels)
    {
        var roles = labels.Select(Classify).ToArray();

        // A bare "单位"/"责任单位" column is the lead unit when the table names no 牵头 column;
        // otherwise the brief's convention holds: 责任单位 are the supporting units.
        if (!roles.Contains(TaskColumnRole.Lead))
        {
            for (var c = 0; c < roles.Length; c++)
            {
                if (roles[c] == TaskColumnRole.None && labels[c].Length <= MaxHeaderCellLength
                    && (labels[c].Contains("单位", StringComparison.Ordinal) || labels[c].Contains("部门", StringComparison.Ordinal)))
                {
                    roles[c] = TaskColumnRole.Lead;
                    break;
                }
            }
        }

        for (var c = 0; c < roles.Length; c++)
        {
            if (roles[c] == TaskColumnRole.None && labels[c].Length <= MaxHeaderCellLength
                && (labels[c].Contains("单位", StringComparison.Ordinal) || labels[c].Contains("部门", StringComparison.Ordinal)))
            {
                roles[c] = TaskColumnRole.Support;
            }
        }

        KeepFirst(roles, TaskColumnRole.Number);
        KeepFirst(roles, TaskColumnRole.Lead);
        KeepFirst(roles, TaskColumnRole.Deadline);
        return roles;
    }

    private static void KeepFirst(TaskColumnRole[] roles, TaskColumnRole role)
    {
        var seen = false;
        for (var c = 0; c < roles.Length; c++)
        {
            if (roles[c] != role)
            {
                continue;
            }

            if (seen)
            {
                roles[c] = TaskColumnRole.None;
            }

            seen = true;
        }
    }

    /// <summary>An unlabelled or "类别" column whose values are numbered headings groups the tasks into sections.</summary>
    private static void MarkSectionColumns(TableGrid grid, int firstDataRow, TaskColumnRole[] roles)
    {
        for (var c = 0; c < roles.Length; c++)
        {
            if (roles[c] != TaskColumnRole.None)
            {
                continue;
            }

            var values = grid.Rows.Skip(firstDataRow)
                .Select(row => row[c])
                .Where(cell => !cell.IsEmpty)
                .DistinctBy(cell => cell.SourceId)
                .ToList();
            if (values.Count > 0 && values.Count(v => SectionHeading.IsHeading(v.Text)) * 2 > values.Count)
            {
                roles[c] = TaskColumnRole.Section;
            }
        }
    }

    private static TaskColumnRole Classify(string label)
    {
        if (label.Length == 0 || label.Length > MaxHeaderCellLength)
        {
            return TaskColumnRole.None;
        }

        // Leaders and contact people are not units; their columns would otherwise match 牵头/责任.
        if (ContainsAny(label, "领导", "责任人", "联系人", "备注"))
        {
            return TaskColumnRole.None;
        }

        if (label.Contains("牵头", StringComparison.Ordinal))
        {
            return TaskColumnRole.Lead;
        }

        if (ContainsAny(label, "责任", "配合", "参与", "协办", "协同", "协助"))
        {
            return TaskColumnRole.Support;
        }

        if (ContainsAny(label, "时限", "期限", "时间", "截止", "进度安排"))
        {
            return TaskColumnRole.Deadline;
        }

        if (ContainsAny(label, "序号", "编号") || label == "号")
        {
            return TaskColumnRole.Number;
        }

        if (ContainsAny(label, "任务", "内容", "事项", "措施", "要点"))
        {
            return TaskColumnRole.Task;
        }

        if (ContainsAny(label, "类别", "分类", "领域", "板块", "方面", "类型"))
        {
            return TaskColumnRole.Section;
        }

        return TaskColumnRole.None;
    }

    private static bool ContainsAny(string text, params string[] words) =>
        words.Any(w => text.Contains(w, StringComparison.Ordinal));

    private static string Normalize(string text) =>
        new(text.Where(c => !char.IsWhiteSpace(c) && c is not ('\u3000' or '*' or '＊')).ToArray());
}

using System.Text.RegularExpressions;

namespace WorkPlanTracker.Features.Import;

/// <summary>
/// Reads the unit cells of a plan table that was flattened to text with no delimiter between cells, when the
/// unit columns sit between the task and its requirement (header 工作任务 牵头单位 责任单位 工作要求):
/// "12.做好…公开工作省发改委省商务厅各设区市、平潭综合实验区公开市场准入…". The units are the longest run of
/// unit names (glued or separated by 、，) in the row; a name ends at a unit ending (厅, 委, 局, 办…).
/// </summary>
/// <summary>A space-separated table row read into its title, the text after the unit cells, and the units.</summary>
internal sealed record SpacedRowCells(string Title, string Rest, List<string> Leads, List<string> Supporting);

internal static partial class TableRowUnits
{
    private const int LongestName = 16;

    private static readonly string[] Endings =
        ["管委会", "实验区", "设区市", "部门", "机构", "中心", "政府", "公司", "厅", "委", "局", "办", "组", "室", "处", "队", "会", "行", "市", "区"];

    // What may follow an ending and still belong to the same name: 省政府|各部门, 各设区市|政府, 省编办|(省审改办).
    private static readonly string[] Continuations =
        ["各部门", "各直属机构", "各相关部门", "各有关部门", "直属机构", "管委会", "管理委员会", "人民政府", "政府", "办公室", "管理局", "等相关部门", "等有关部门"];

    /// <summary>True when the document's table header puts a unit column before the requirement column.</summary>
    public static bool HeaderPutsUnitsBeforeText(string text)
    {
        var header = UnitsThenRequirementHeader().Match(text.Replace(" ", "", StringComparison.Ordinal).Replace("\u3000", "", StringComparison.Ordinal));
        return header.Success;
    }

    /// <summary>Where the table header starts in a text without spaces, or -1.</summary>
    public static int HeaderIndex(string compactText) => TableHeader().Match(compactText) is { Success: true } m ? m.Index : -1;

    /// <summary>True when a flattened plan table is present (a header of glued column titles).</summary>
    public static bool HasTableHeader(string text) =>
        TableHeader().IsMatch(text.Replace(" ", "", StringComparison.Ordinal).Replace("\u3000", "", StringComparison.Ordinal));

    /// <summary>
    /// Reads the unit cells of a row whose cells are separated by spaces ("任务 区行政审批局 综合处牵头，各处、单位配合落实
    /// 要求"): after the title, each cell that is a list of unit names leads the task, and a cell that states roles
    /// ("X牵头，Y配合落实") is read by its own words. Null when the row has no such cell.
    /// </summary>
    public static SpacedRowCells? FindSpacedCells(string row)
    {
        var tokens = row.Split([' ', '\u3000'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        // A title that already ends in a sentence or a unit name is a row whose cells are glued, not spaced.
        if (tokens.Length < 2 || tokens[0][^1] is '。' or '，' or '、' or '；' or ')' or '局' or '委' or '办' or '厅' or '处' or '室' or '门' or '位' or '府' or '心' or '组' or '队' or '所' or '站')
        {
            return null;
        }

        var cells = new List<string>();
        var i = 1;
        for (; i < tokens.Length; i++)
        {
            var token = tokens[i];

            // "水利处、海洋与渔业处 牵头落实": a role word cut off from its units by a stray space; "区党工委管委会办公室
            // （政策法规处）": the office inside the unit, printed on its own line of the cell.
            if (cells.Count > 0 && (RoleWordOnly().IsMatch(token) || (token[0] is '(' or '（' && token[^1] is ')' or '）' && IsUnitCell(cells[^1]))))
            {
                cells[^1] += token;
                continue;
            }

            if (!IsUnitCell(token) && !IsRoleCell(token))
            {
                break;
            }

            cells.Add(token);
        }

        if (cells.Count == 0)
        {
            return null;
        }

        List<string> leads = [], supporting = [];
        foreach (var cell in cells)
        {
            if (IsUnitCell(cell))
            {
                leads.AddRange(UnitNoteParser.SplitUnitNames(cell));
                continue;
            }

            var note = UnitNoteParser.Parse(cell);
            leads.AddRange(note.LeadUnits);
            supporting.AddRange(note.SupportingUnits);
        }

        leads = [.. leads.Distinct()];
        supporting = [.. supporting.Distinct().Where(u => !leads.Contains(u))];
        return leads.Count + supporting.Count > 0
            ? new SpacedRowCells(tokens.Length > 0 ? tokens[0] : "", string.Concat(tokens[i..]), leads, supporting)
            : null;
    }

    private static bool IsUnitCell(string cell)
    {
        var names = UnitNoteParser.SplitUnitNames(cell);
        return names.Count > 0 && names.TrueForAll(UnitNoteParser.LooksLikeUnitName);
    }

    // "综合处牵头，各处、单位配合落实" / "各处、单位分别牵头落实": units followed by their role, nothing else.
    private static bool IsRoleCell(string cell)
    {
        if (!RoleCell().IsMatch(cell))
        {
            return false;
        }

        var note = UnitNoteParser.Parse(cell);
        return note.LeadUnits.Count + note.SupportingUnits.Count > 0
            && note.LeadUnits.Concat(note.SupportingUnits).All(UnitNoteParser.LooksLikeUnitName);
    }

    public static List<string> Find(string row)
    {
        List<string> best = [];
        for (var i = 1; i < row.Length; i++)
        {
            // "《平潭综合实验区消防专项规划》": a name inside a title of a document is no unit cell; nor is 全省….
            if (!IsUnitStart(row, i) || row[i - 1] is '《' or '全')
            {
                continue;
            }

            var (names, end, cellStarts) = ReadRun(row, i);

            // The unit cells come right after the task's title: the first run of several names is the cells,
            // a later one is a list inside the requirement text.
            if (names.Count >= 2)
            {
                if (OpensRequirement(row, end, names, cellStarts[^1]))
                {
                    names.RemoveRange(cellStarts[^1], names.Count - cellStarts[^1]);
                }

                return names;
            }

            if (names.Count > best.Count)
            {
                best = names;
            }

            if (names.Count > 0)
            {
                i = end - 1;
            }
        }

        return best;
    }

    // "…平潭综合实验区管委会各设区市、平潭综合实验区管委会要按照…": the requirement may open with its own subject,
    // glued to the last cell. The names from the last glue on are that subject when a verb follows them and they read
    // as a sentence's subject (joined by 和, closed by 等…部门), name no one (各级各部门) or repeat the cells before;
    // otherwise ("省人社厅省直各部门，各设区市要围绕…") they are the responsible cell and the requirement has no subject.
    private static bool OpensRequirement(string row, int end, List<string> names, int lastCell)
    {
        // "…平潭综合实验区各级各部门的权责清单": a cell of 各级… names no one, whatever follows.
        if (lastCell > 0 && names.Skip(lastCell).All(n => n.StartsWith("各级", StringComparison.Ordinal)))
        {
            return true;
        }

        var verb = RequirementVerb().Match(row, end);
        if (!verb.Success || verb.Index != end || lastCell == 0)
        {
            return false;
        }

        var cells = names[..lastCell];
        return verb.Groups["sentence"].Success
            || names.Skip(lastCell).All(n => n.StartsWith("各级", StringComparison.Ordinal) || cells.Exists(c => c.StartsWith(n, StringComparison.Ordinal)));
    }

    // The names, where the run ends, and the index of each name that is glued to the one before it (a new cell).
    private static (List<string> Names, int End, List<int> CellStarts) ReadRun(string row, int start)
    {
        var names = new List<string>();
        var cellStarts = new List<int> { 0 };
        var position = start;
        var joined = false;
        while (position < row.Length)
        {
            var afterSeparator = names.Count > 0 && (IsSeparator(row[position - 1]) || joined);
            joined = false;
            var end = ReadName(row, position, afterSeparator);
            if (end < 0)
            {
                break;
            }

            if (names.Count > 0 && !afterSeparator)
            {
                cellStarts.Add(names.Count);
            }

            names.Add(row[position..end]);
            position = end;
            if (position < row.Length && IsSeparator(row[position]))
            {
                position++;
                continue;
            }

            // "省公安厅会同省人社厅、卫计委…": the cell states who works with the lead; the run goes on.
            if (string.CompareOrdinal(row, position, "会同", 0, 2) == 0 && position + 2 < row.Length && IsUnitStart(row, position + 2))
            {
                position += 2;
                joined = true;
                continue;
            }

            if (position >= row.Length || !IsUnitStart(row, position))
            {
                break;
            }
        }

        return (names, position, cellStarts);
    }

    private static int ReadName(string row, int start, bool afterSeparator)
    {
        if (!afterSeparator && !IsUnitStart(row, start))
        {
            return -1;
        }

        // A name set off by a separator or by the next glued name is taken whole when it ends like a unit.
        var stop = start;
        while (stop < row.Length && stop - start < LongestName && !IsSeparator(row[stop]) && !IsSentenceMark(row[stop]) && (stop == start || !IsUnitStart(row, stop)))
        {
            stop++;
        }

        if (stop < row.Length && stop - start < LongestName && (IsSeparator(row[stop]) || IsUnitStart(row, stop)) && EndsLikeUnit(row[start..stop]))
        {
            return Continue(row, stop);
        }

        // Otherwise the name runs into the requirement text: it ends at its first unit ending.
        for (var end = start + 2; end <= Math.Min(row.Length, start + LongestName); end++)
        {
            if (IsSentenceMark(row[end - 1]) || IsSeparator(row[end - 1]))
            {
                return -1;
            }

            if (EndsLikeUnit(row[start..end]))
            {
                // "各设区|市": an ending that one more character completes is the longer name ("…实验区|办好" is a verb).
                if (end < row.Length && EndsLikeUnit(row[start..(end + 1)]) && !VerbAfterName().IsMatch(row.AsSpan(end)))
                {
                    end++;
                }

                return Continue(row, end);
            }
        }

        return -1;
    }

    private static int Continue(string row, int end)
    {
        if (end < row.Length && row[end] == '(')
        {
            var close = row.IndexOf(')', end);
            if (close > end && close - end <= 12)
            {
                return close + 1;
            }
        }

        foreach (var continuation in Continuations)
        {
            if (string.CompareOrdinal(row, end, continuation, 0, continuation.Length) == 0)
            {
                return Continue(row, end + continuation.Length);
            }
        }

        return end;
    }

    private static bool EndsLikeUnit(string name) =>
        name.Length >= 2 && !name.Contains('的', StringComparison.Ordinal) && !VerbInName().IsMatch(name) && Endings.Any(e => name.EndsWith(e, StringComparison.Ordinal) && name.Length > e.Length)
        && UnitNoteParser.LooksLikeUnitName(name);

    private static bool IsUnitStart(string row, int i) =>
        row[i] is '省' or '各' || string.CompareOrdinal(row, i, "中央", 0, 2) == 0 || string.CompareOrdinal(row, i, "平潭", 0, 2) == 0;

    private static bool IsSeparator(char c) => c is '、' or '，' or ',';

    private static bool IsSentenceMark(char c) => c is '。' or '；' or ';' or '：' or ':' or '！' or '？';

    // What follows the subject of a sentence: "…各设区市、平潭综合实验区管委会要", "…民政厅等行业主管部门要", "省政府和各设区市应".
    [GeneratedRegex(@"(?<sentence>(?:和|及|与)[^，,。；;、]{2,16}?|等[^，,。；;、]{0,8}?)?(?:要|应当?|须|必须)")]
    private static partial Regex RequirementVerb();

    // "平潭综合实验区通过新闻发布会…": the requirement text, not a longer name.
    [GeneratedRegex("通过|按照|围绕|做好|办好|加强|及时|主动|集中")]
    private static partial Regex VerbInName();

    [GeneratedRegex("^(?:办好|办理|办结|处理|处置|会同)")]
    private static partial Regex VerbAfterName();

    // A unit column may name its level first: "工作任务 党工委管委会牵头部门 本局责任处（单位） 工作要求".
    [GeneratedRegex("^(?:分别)?(?:牵头|配合|负责)(?:落实|负责)?$")]
    private static partial Regex RoleWordOnly();

    [GeneratedRegex(@"^(?:[^，,。；;：:]{2,20}?(?:分别)?(?:牵头|配合|负责|协助)(?:落实|负责)?[，,、]?)+$")]
    private static partial Regex RoleCell();

    [GeneratedRegex("(?:工作任务|主要任务|重点任务|任务内容|具体任务)(?:[^的和及由要求任务，。、：:；;\\s]{2,6}?)?(?:牵头单位|牵头部门|责任单位|责任部门|指导部门|配合单位)")]
    private static partial Regex UnitsThenRequirementHeader();

    [GeneratedRegex("(?:工作任务|主要任务|重点任务|任务内容|具体任务|工作要求|具体内容|工作内容|序号)(?:[^的和及由要求任务，。、：:；;\\s]{2,6}?(?=牵头|责任))?(?:工作要求|牵头单位|牵头部门|责任单位|责任部门|指导部门|配合/责任单位|配合单位)")]
    private static partial Regex TableHeader();
}

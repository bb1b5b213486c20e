using System.Text.RegularExpressions;

namespace WorkPlanTracker.Features.Import;

/// <summary>The responsibility note of one task: who leads, who supports, and the 完成时限 as written.</summary>
internal sealed record UnitNote(List<string> LeadUnits, List<string> SupportingUnits, string? DeadlinePhrase)
{
    /// <summary>Units a carry-over rule (以下均需各片区配合落实，不再列出) adds as supporting units to every later task.</summary>
    public List<string> CarriedSupportingUnits { get; init; } = [];

    /// <summary>True when the note says who leads (牵头…); false when its units only answer for the work (负责, 责任单位).</summary>
    public bool NamesLead { get; init; }

    public bool HasUnits => LeadUnits.Count > 0 || SupportingUnits.Count > 0;
}

/// <summary>
/// Finds and reads the unit note that ends a task paragraph, in all the shapes the plans use:
/// <c>(区编委办牵头)</c>, <c>(牵头单位：…；责任单位：…)</c>, <c>(县区政府负责落实，完成时限：…)</c>, a lost opening
/// or closing parenthesis, or no parentheses at all.
/// </summary>
internal static partial class UnitNoteParser
{
    private enum Role
    {
        Lead,
        Responsible,
        Supporting,
    }

    /// <summary>Splits a paragraph into its body and the trailing note (without parentheses).</summary>
    public static bool TrySplitTrailingNote(string paragraph, out string body, out string note)
    {
        if (!TrySplitLastNote(paragraph, out body, out note))
        {
            return false;
        }

        // "…公开。(县政务服务中心牵头)(2024年9月底前)": notes in brackets one after another are one note.
        var rest = body.AsSpan().TrimEnd().ToString();
        if (rest.Length > 0 && rest[^1] == ')' && FindMatchingOpen(rest, rest.Length - 1) is var open and >= 0
            && rest[(open + 1)..^1] is var earlier && IsNoteContent(earlier))
        {
            body = rest[..open].TrimEnd();
            note = earlier.Trim() + "；" + note;
        }

        return true;
    }

    /// <summary>"1.(市政府办公室牵头)加强政策解读…": a role note standing before the task's text.</summary>
    public static bool TrySplitLeadingNote(string paragraph, out string body, out string note)
    {
        body = paragraph;
        note = "";
        var text = paragraph.TrimStart();
        if (text.Length < 4 || text[0] != '(')
        {
            return false;
        }

        // The bracket that closes the first one: names inside may have their own (各县(市、区)人民政府牵头).
        var close = -1;
        for (int i = 0, depth = 0; i < text.Length && close < 0; i++)
        {
            depth += text[i] == '(' ? 1 : text[i] == ')' ? -1 : 0;
            close = depth == 0 ? i : -1;
        }

        if (close < 0 || close + 1 >= text.Length || !IsRoleNote(text[1..close]))
        {
            return false;
        }

        body = text[(close + 1)..].TrimStart();
        note = text[1..close].Trim();
        return true;
    }

    private static bool TrySplitLastNote(string paragraph, out string body, out string note)
    {
        var text = paragraph.AsSpan().TrimEnd("。.；，, ").ToString();
        body = paragraph;
        note = "";
        if (text.Length == 0)
        {
            return false;
        }

        if (text[^1] == ')')
        {
            var open = FindMatchingOpen(text, text.Length - 1);
            if (open >= 0)
            {
                // "…环境。区直各有关单位，各乡镇人民政府(街道办事处)": the parentheses belong to the last unit name.
                if (TrySplitTrailingUnitList(text, out body, out note))
                {
                    return true;
                }

                var content = text[(open + 1)..^1];
                if (IsNoteContent(content) || DeadlineParser.LooksLikeDeadline(content))
                {
                    body = text[..open].TrimEnd();
                    note = content.Trim();
                    return true;
                }

                // "责任单位：危化处(60日)": a labelled note whose last name carries an aside.
                return TrySplitLabelledSentence(text, out body, out note);
            }

            // The opening parenthesis was lost: "…便捷市数据资源局牵头，…完成时限：20247月底前)".
            return TrySplitUnmarkedNote(text[..^1], out body, out note);
        }

        var unclosed = FindUnclosedOpen(text);
        if (unclosed >= 0)
        {
            var content = text[(unclosed + 1)..];
            if (IsNoteContent(content))
            {
                body = text[..unclosed].TrimEnd();
                note = content.Trim();
                return true;
            }
        }

        if (TrySplitLabelledSentence(text, out body, out note) || TrySplitTrailingUnitList(text, out body, out note))
        {
            return true;
        }

        // No parentheses at all ("…目录。县区政府，市财政局(国资委)…负责落实，完成时限：20247月底前"):
        // only trusted when the note names a 完成时限, so ordinary sentences ending in "…负责" stay text.
        return text.Contains("完成时限", StringComparison.Ordinal) && TrySplitUnmarkedNote(text, out body, out note);
    }

    /// <summary>True when a parenthesised text is a responsibility note rather than an aside like (辽政办〔2018〕12号).</summary>
    public static bool IsNoteContent(string content)
    {
        var trimmed = content.Trim();
        if (trimmed.Length < 2 || trimmed.Contains('。', StringComparison.Ordinal) || trimmed.Contains('〔', StringComparison.Ordinal))
        {
            return false;
        }

        if (NoteKeyword().IsMatch(trimmed))
        {
            return true;
        }

        var names = SplitUnitNames(trimmed);
        return names.Count > 0 && names.TrueForAll(LooksLikeUnitName);
    }

    /// <summary>
    /// True for a line that opens with a role or deadline label (牵头单位：…, 配合部门：…, 完成时限：…): in a plan written
    /// in Word the labels of a task often stand on lines of their own under its text.
    /// </summary>
    public static bool StartsWithLabel(string line) =>
        LabelledRole().Match(line) is { Success: true, Index: 0 } || DeadlineLabel().Match(line) is { Success: true, Index: 0, Length: > 4 };

    /// <summary>True for a note that states roles in words (牵头, 负责, 责任单位…), not a bare list that could be an aside.</summary>
    public static bool IsRoleNote(string content) => IsNoteContent(content) && NoteKeyword().IsMatch(content);

    public static UnitNote Parse(string note)
    {
        var carried = new List<string>();
        var carryOver = CarryOverRule().Match(note);
        if (carryOver.Success)
        {
            carried = SplitUnitNames(carryOver.Groups["units"].Value);
            note = note.Remove(carryOver.Index, carryOver.Length);
        }

        // "危化处(60日)，基础处(104日)" / "法规处30日": work-day counts, not part of the names; they may be the only separator.
        note = WorkDayCount().Replace(note, "、");
        // "县委网信办(牵头)、县政府办公室": the role in brackets after a name, read like "县委网信办牵头，县政府办公室".
        note = BracketedLead().Replace(note, "牵头，");
        var (units, deadline) = SeparateDeadline(note.Trim());
        var assignments = LabelledRole().IsMatch(units) ? ReadLabelledRoles(units) : ReadRoleVerbs(units);

        var leads = Distinct(assignments.Where(a => a.Role == Role.Lead).Select(a => a.Unit));
        List<string> supporting;
        if (leads.Count == 0)
        {
            // With no 牵头 named, the units that answer for the work (负责/责任单位/bare list) lead it.
            leads = Distinct(assignments.Where(a => a.Role == Role.Responsible).Select(a => a.Unit));
            supporting = Distinct(assignments.Where(a => a.Role == Role.Supporting).Select(a => a.Unit));
        }
        else
        {
            supporting = Distinct(assignments.Where(a => a.Role != Role.Lead).Select(a => a.Unit));
        }

        supporting.RemoveAll(leads.Contains);
        return new UnitNote(leads, supporting, deadline)
        {
            CarriedSupportingUnits = carried,
            NamesLead = assignments.Exists(a => a.Role == Role.Lead),
        };
    }

    /// <summary>Splits a list of unit names on 、，；and on 和/及 between names, keeping parentheses inside names.</summary>
    public static List<string> SplitUnitNames(string list)
    {
        var result = new List<string>();
        foreach (var group in SplitAtDepthZero(list, "，,；; \t"))
        {
            var names = new List<string>();
            foreach (var piece in SplitAtDepthZero(group, "、"))
            {
                foreach (var part in SplitGluedUnits(piece))
                {
                    var name = CleanUnitName(part);
                    if (name.Length > 0)
                    {
                        names.Add(name);
                    }
                }
            }

            DistributeSharedSuffix(names);
            RestoreElidedLevels(names);
            result.AddRange(names);
        }

        return result;
    }

    /// <summary>True for text that names an organisation (ends in 局, 委, 办, 政府, 部门, 中心…), not a phrase.</summary>
    public static bool LooksLikeUnitName(string name)
    {
        var core = TrailingParenthesis().Replace(name, "");
        // "…督导室（联系人：薛玉婷，联系电话：…）": a contact in brackets ends a sentence, not a unit name.
        if (core.Length is < 2 or > 30 || NotInUnitName().IsMatch(core) || name[core.Length..].Contains('：', StringComparison.Ordinal))
        {
            return false;
        }

        return UnitSuffix().IsMatch(core);
    }

    /// <summary>
    /// Cells of a flattened table run together: "区财政金融局区农业农村局" is two units. A name is cut where a unit
    /// ending (局, 办, 厅…) meets the start of another unit (区, 省, 市, 各…) and both halves look like unit names.
    /// </summary>
    private static IEnumerable<string> SplitGluedUnits(string piece)
    {
        foreach (var part in UnitConjunction().Split(piece))
        {
            var rest = part;
            var cut = FindGlue(rest);
            while (cut > 0)
            {
                yield return rest[..cut];
                rest = rest[cut..];
                cut = FindGlue(rest);
            }

            yield return rest;
        }
    }

    private static int FindGlue(string text)
    {
        foreach (Match glue in GluedUnitBoundary().Matches(text))
        {
            var cut = glue.Index + 1;
            if (LooksLikeUnitName(CleanUnitName(text[..cut])) && LooksLikeUnitName(CleanUnitName(text[cut..])) && !InsideParentheses(text, cut))
            {
                return cut;
            }
        }

        return -1;
    }

    private static bool InsideParentheses(string text, int index)
    {
        var depth = 0;
        for (var i = 0; i < index; i++)
        {
            depth += text[i] == '(' ? 1 : text[i] == ')' && depth > 0 ? -1 : 0;
        }

        return depth > 0;
    }

    // "…进行监督检查。责任单位：危化处(60日)": a labelled note as the last sentence, with no parentheses.
    private static bool TrySplitLabelledSentence(string text, out string body, out string note)
    {
        body = text;
        note = "";
        var sentenceStart = text.LastIndexOf('。') + 1;
        var label = LabelledRole().Match(text, sentenceStart);
        if (!label.Success)
        {
            return false;
        }

        var content = text[label.Index..];
        if (!IsNoteContent(content) || label.Index == 0)
        {
            return false;
        }

        body = text[..label.Index].TrimEnd();
        note = content.Trim();
        return true;
    }

    // A table row flattened to text: "…营商环境。区直各有关单位，各区属事业单位": the unit cells follow the last sentence.
    private static bool TrySplitTrailingUnitList(string text, out string body, out string note)
    {
        body = text;
        note = "";
        var sentenceStart = text.LastIndexOf('。') + 1;
        if (sentenceStart == 0)
        {
            return false;
        }

        var tail = text[sentenceStart..].Trim();
        // "…整治。交通与建设处、农业农村处负责": the unit cell of a flattened row may say 负责 after its names.
        var names = SplitUnitNames(TrailingResponsibleWord().Replace(tail, ""));
        if (tail.Length == 0 || names.Count == 0 || !names.TrueForAll(LooksLikeUnitName))
        {
            return false;
        }

        body = text[..sentenceStart];
        note = tail;
        return true;
    }

    /// <summary>
    /// A table cell whose units run together with no separator and without a place prefix
    /// ("政法综治处交通与建设处社会事业处", "各处室(中心)各行政村(社区)"): cut after a unit ending or a closing
    /// parenthesis where what follows is itself a unit name of at least four characters (so 区委|办公室 stays whole).
    /// </summary>
    public static IEnumerable<string> SplitGluedCell(string name)
    {
        var depth = 0;
        for (var i = 1; i < name.Length - 3; i++)
        {
            depth += name[i - 1] == '(' ? 1 : name[i - 1] == ')' ? -1 : 0;
            if (depth != 0 || name[i] == '(' || !CellNameEnding().IsMatch(name[..i]))
            {
                continue;
            }

            var left = name[..i];
            var right = name[i..];
            var rightCore = right.IndexOf('(', StringComparison.Ordinal) is var open and >= 0 ? right[..open] : right;
            if (left.Length >= 3 && rightCore.Length >= 3 && !NameContinuation().IsMatch(right) && LooksLikeUnitName(left) && LooksLikeUnitName(right) && !PartyCommitteePrefix().IsMatch(left))
            {
                return [left, .. SplitGluedCell(right)];
            }
        }

        return [name];
    }

    private static (string Units, string? Deadline) SeparateDeadline(string note)
    {
        var label = DeadlineLabel().Match(note);
        if (label.Success)
        {
            var rest = note[(label.Index + label.Length)..];
            var end = rest.IndexOfAny(['；', ';']);
            var phrase = (end < 0 ? rest : rest[..end]).Trim().TrimEnd('，', '。', ')');
            var remaining = note[..label.Index] + (end < 0 ? "" : rest[(end + 1)..]);
            return (remaining.Trim().TrimEnd('，', '；', ','), phrase.Length == 0 ? null : phrase);
        }

        // "(2024年9月底前)": a note that is only the deadline.
        if (DeadlineParser.LooksLikeDeadline(note))
        {
            return ("", note.Trim());
        }

        // "…负责落实，20246月底前": an unlabelled deadline after the last comma.
        var separator = LastIndexAtDepthZero(note, "，；,;");
        if (separator >= 0 && DeadlineParser.LooksLikeDeadline(DeadlineParser.RepairGarbledDates(note[(separator + 1)..])))
        {
            return (note[..separator].Trim(), note[(separator + 1)..].Trim());
        }

        return (note, null);
    }

    private static List<(Role Role, string Unit)> ReadLabelledRoles(string note)
    {
        var result = new List<(Role, string)>();
        var matches = LabelledRole().Matches(note);
        for (var i = 0; i < matches.Count; i++)
        {
            var start = matches[i].Index + matches[i].Length;
            var end = i + 1 < matches.Count ? matches[i + 1].Index : note.Length;
            var role = matches[i].Groups[1].Value switch
            {
                "牵头单位" or "主办单位" or "牵头部门" or "牵头处室" or "牵头科室" => Role.Lead,
                "配合单位" or "协办单位" or "参与单位" or "配合部门" or "配合处室" or "配合科室" or "协同处室" or "试点单位" => Role.Supporting,
                _ => Role.Responsible,
            };

            // "责任处室：办公室牵头，各相关处室配合": the label's list states the roles itself.
            var segment = note[start..end];
            if (role == Role.Responsible && RoleVerb().Match(segment) is { Success: true } verb
                && (verb.Groups["verb"].Value.StartsWith("牵头", StringComparison.Ordinal) || verb.Groups["verb"].Value == "会同"))
            {
                result.AddRange(ReadRoleVerbs(segment));
                continue;
            }

            // "试点单位：第一批：A、B，2017年12月底前完成；第二批：C": a batch's date is no unit.
            foreach (var unit in SplitUnitNames(segment).Where(u => !DeadlineParser.LooksLikeDeadline(u)))
            {
                result.Add((role, unit));
            }
        }

        return result;
    }

    private static List<(Role Role, string Unit)> ReadRoleVerbs(string note)
    {
        var result = new List<(Role, string)>();
        var position = 0;
        foreach (Match verb in RoleVerb().Matches(note))
        {
            var role = verb.Groups["verb"].Value switch
            {
                // "省公安厅会同省人社厅、省教育厅": the unit before 会同 leads, the ones it works with follow.
                var v when v.StartsWith("牵头", StringComparison.Ordinal) || v == "会同" => Role.Lead,
                "配合" or "协助" or "协办" or "参与" => Role.Supporting,
                _ => Role.Responsible,
            };
            foreach (var unit in SplitUnitNames(note[position..verb.Index]))
            {
                result.Add((role, unit));
            }

            position = verb.Index + verb.Length;
        }

        // Whatever follows the last verb (or a note with no verb at all: "(区政府各部门)") answers for the work.
        foreach (var unit in SplitUnitNames(note[position..]))
        {
            if (LooksLikeUnitName(unit))
            {
                result.Add((Role.Responsible, unit));
            }
        }

        return result;
    }

    private static bool TrySplitUnmarkedNote(string text, out string body, out string note)
    {
        body = text;
        note = "";
        var sentenceStart = text.LastIndexOf('。') + 1;
        var sentence = text[sentenceStart..].TrimStart();
        var start = -1;
        if (sentence.Length > 0 && UnitStart().IsMatch(sentence[..1]) && NoteKeyword().IsMatch(sentence))
        {
            start = text.Length - sentence.Length;
        }
        else
        {
            var verb = RoleVerb().Match(text, sentenceStart);
            if (!verb.Success)
            {
                return false;
            }

            // The note starts inside the clause that holds the first role verb, at the first unit-like prefix (市/县/区…).
            var clauseStart = text.LastIndexOfAny(['，', ',', '；'], Math.Max(verb.Index - 1, 0)) + 1;
            clauseStart = Math.Max(clauseStart, sentenceStart);
            var prefix = UnitStart().Match(text, clauseStart, verb.Index - clauseStart);
            if (!prefix.Success)
            {
                return false;
            }

            start = prefix.Index;
        }

        var content = text[start..];
        if (!IsNoteContent(content))
        {
            return false;
        }

        body = text[..start].TrimEnd();
        note = content.Trim();
        return true;
    }

    private static int FindMatchingOpen(string text, int close)
    {
        var depth = 0;
        for (var i = close; i >= 0; i--)
        {
            if (text[i] == ')')
            {
                depth++;
            }
            else if (text[i] == '(' && --depth == 0)
            {
                return i;
            }
        }

        return -1;
    }

    private static int FindUnclosedOpen(string text)
    {
        var depth = 0;
        for (var i = text.Length - 1; i >= 0; i--)
        {
            if (text[i] == ')')
            {
                depth++;
            }
            else if (text[i] == '(')
            {
                if (depth == 0)
                {
                    return i;
                }

                depth--;
            }
        }

        return -1;
    }

    private static List<string> SplitAtDepthZero(string text, string separators)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '(')
            {
                depth++;
            }
            else if (c == ')' && depth > 0)
            {
                depth--;
            }
            else if (depth == 0 && separators.Contains(c, StringComparison.Ordinal))
            {
                parts.Add(text[start..i]);
                start = i + 1;
            }
        }

        parts.Add(text[start..]);
        return parts;
    }

    private static int LastIndexAtDepthZero(string text, string separators)
    {
        var depth = 0;
        for (var i = text.Length - 1; i >= 0; i--)
        {
            var c = text[i];
            if (c == ')')
            {
                depth++;
            }
            else if (c == '(' && depth > 0)
            {
                depth--;
            }
            else if (depth == 0 && separators.Contains(c, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static string CleanUnitName(string piece)
    {
        var name = Batch().Replace(piece.Trim().TrimStart('由', '请').Trim(), "");
        name = TrailingEtc().Replace(name, "");
        return name.Trim('，', '、', '；', ':', '：', ' ');
    }

    /// <summary>
    /// "金井、澳前片区开发管理局": a short place name before a full name shares that name's ending
    /// (金井片区开发管理局). Only a piece that is no unit name by itself and is as long as the full name's place part.
    /// </summary>
    public static void RestoreElidedSuffixes(List<string> names)
    {
        for (var i = 0; i + 1 < names.Count; i++)
        {
            var piece = names[i];
            var full = names[^1];
            if (piece.Length is >= 2 and <= 4 && !LooksLikeUnitName(piece) && LooksLikeUnitName(full)
                && PlaceTypeWord().Match(full, 1) is { Success: true } type && type.Index <= 4)
            {
                names[i] = piece + full[type.Index..];
            }
        }
    }

    /// <summary>
    /// "省工信厅、财政厅": a list names the level once, on its first department; a department after it written without
    /// any level or place (财政厅, 卫计委) is of the same level (省财政厅). A name with its own place or level
    /// (福州市财政局, 各设区市), or that is no department (平潭综合实验区), stays as written.
    /// </summary>
    private static void RestoreElidedLevels(List<string> names)
    {
        for (var i = 1; i < names.Count; i++)
        {
            var previous = names[i - 1];
            if (previous.Length >= 3 && "省市区县".Contains(previous[0], StringComparison.Ordinal) && !"场辖级直属委".Contains(previous[1], StringComparison.Ordinal)
                && ElidedDepartment().IsMatch(names[i]))
            {
                names[i] = previous[0] + names[i];
            }
        }
    }

    // "高新区、循环化工园区、综合保税区管委会" names three 管委会, not two districts and one committee.
    private static void DistributeSharedSuffix(List<string> names)
    {
        if (names.Count < 2)
        {
            return;
        }

        var last = names[^1];
        var suffix = SharedSuffix().Match(last);
        if (!suffix.Success)
        {
            return;
        }

        for (var i = names.Count - 2; i >= 0 && names[i].EndsWith('区') && !LooksLikeUnitNameWithoutPlace(names[i]); i--)
        {
            names[i] += suffix.Groups[1].Value;
        }
    }

    private static bool LooksLikeUnitNameWithoutPlace(string name) => UnitSuffix().IsMatch(name) && !name.EndsWith('区');

    private static List<string> Distinct(IEnumerable<string> units)
    {
        var result = new List<string>();
        foreach (var unit in units)
        {
            if (!result.Contains(unit))
            {
                result.Add(unit);
            }
        }

        return result;
    }

    [GeneratedRegex("(?:[局委办厅处室队]|中心|\\))$")]
    private static partial Regex CellNameEnding();

    // 区管委|会办公室, 区委|办公室: what follows continues the name before it.
    [GeneratedRegex("^(?:[会员办室处局厅委部门等及和]|管委会|管理委员会|人民政府|政府)")]
    private static partial Regex NameContinuation();

    [GeneratedRegex("片区|新区|园区|开发区|街道|镇|乡|县|市|区")]
    private static partial Regex PlaceTypeWord();

    [GeneratedRegex("^[省市区县]委$")]
    private static partial Regex PartyCommitteePrefix();

    [GeneratedRegex("牵头|配合|负责|责任单位|责任制单位|责任部门|责任处室|责任科室|完成时限|协办|主办单位|试点单位")]
    private static partial Regex NoteKeyword();

    [GeneratedRegex(@"[，,;；]?\s*以下均?需?(?<units>[^，,;；()]+?)(?:配合|协助)?(?:落实|负责)?[，,]?不再(?:一一)?列出")]
    private static partial Regex CarryOverRule();

    [GeneratedRegex(@"(?<=[\u4e00-\u9fff])\(牵头(?:单位|部门|负责)?\)[、，,]?")]
    private static partial Regex BracketedLead();

    [GeneratedRegex(@"\(\d+(?:个工作)?日\)|(?<=[处队室科局委办])\d+(?:个工作)?日")]
    private static partial Regex WorkDayCount();

    [GeneratedRegex("[局委办厅处队室心组司站所社](?=[区省市县各])")]
    private static partial Regex GluedUnitBoundary();

    [GeneratedRegex("(牵头单位|主办单位|牵头部门|牵头处室|牵头科室|责任单位|责任部门|责任处室|责任科室|负责单位|配合单位|配合部门|配合处室|配合科室|协同处室|协办单位|参与单位|试点单位|责任制单位|指导部门)[:：]")]
    private static partial Regex LabelledRole();

    [GeneratedRegex("(?:完成时限|完成时间|时限要求|时间要求|完成期限|时间节点|完成节点|办结时限)[:：]?")]
    private static partial Regex DeadlineLabel();

    [GeneratedRegex(@"(?:等(?:相关|有关|其他|各)?(?:部门|单位)?)?(?:按照?(?:各自)?(?:职能|职责)(?:分工)?)?(?:分别)?(?<verb>牵头(?:负责)?|负责落实|具体负责|负责|配合|协助|协办|参与|落实|会同)")]
    private static partial Regex RoleVerb();

    // A department name with no level or place in it: 财政厅, 卫计委, 教育局, 人社局 (not 市场监管局: 市场 is no level).
    [GeneratedRegex("^(?!.*[省县州]|.*[市区](?!场))[\\u4e00-\\u9fff]{1,10}(?:厅|局|委|办)$")]
    private static partial Regex ElidedDepartment();

    [GeneratedRegex("(?<=[局委办府室会院心门厅处所站队组])(?:按职责分工|分别)?负责(?:落实)?$")]
    private static partial Regex TrailingResponsibleWord();

    [GeneratedRegex("(?<=[局委办府室会院心门厅处所站队])(?:以及|和|及|与)(?=[市区县省各镇乡])")]
    private static partial Regex UnitConjunction();

    [GeneratedRegex("等(?:相关|有关|其他|各)?(?:部门|单位|处室|科室|机构)?$")]
    private static partial Regex TrailingEtc();

    [GeneratedRegex(@"\([^()]*\)$")]
    private static partial Regex TrailingParenthesis();

    // "第一批：区管委会办公室": the batch a unit belongs to, not part of its name.
    [GeneratedRegex(@"^第[一二三四五六七八九十\d]{1,3}批次?[:：]\s*")]
    private static partial Regex Batch();

    [GeneratedRegex("[。：:；！？“”\"《》]|\\d{4}")]
    private static partial Regex NotInUnitName();

    // 行 ends a bank (人民银行平潭支行, 农行), never 进行/执行/运行: "年终全面考核按以下程序进行" is a sentence.
    [GeneratedRegex("(?:局|委|办|府|室|会|院|厅|处|所|站|队|部|门|心|组|银行|[支分总农工建中交]行|社|馆|司|科|台|团|署|镇|乡|道|村|区|县|市|省|位|构)$")]
    private static partial Regex UnitSuffix();

    [GeneratedRegex("[市区县省各镇乡]")]
    private static partial Regex UnitStart();

    [GeneratedRegex("区(管委会|管理委员会)$")]
    private static partial Regex SharedSuffix();
}

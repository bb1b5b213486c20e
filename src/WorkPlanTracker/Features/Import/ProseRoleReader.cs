using System.Text.RegularExpressions;

namespace WorkPlanTracker.Features.Import;

/// <summary>
/// Reads the roles a task states in its own prose when it has no note: a 责任分工 sentence
/// ("责任分工：区规划局负责开展规划编制工作，所在乡镇人民政府组织实施,区直有关责任部门配合,区交通与建设局业务检查指导。"),
/// "由X牵头，会同Y…" or "配合X做好…". Every clause names its unit first and its role by the verb that follows. (Bodies named
/// only as the subjects of sentences are no roles: <see cref="SentenceSubjectReader"/> proposes them to the reviewer.)
/// </summary>
internal static partial class ProseRoleReader
{
    public static bool TryRead(string text, List<string> leads, List<string> supporting)
    {
        var label = DutySentence().Match(text);
        if (label.Success)
        {
            ReadDutyClauses(label.Groups["sentence"].Value, leads, supporting);
        }
        else
        {
            ReadLeadWithPartners(text, leads, supporting);
        }

        if (leads.Count + supporting.Count == 0)
        {
            ReadWorkedWith(text, leads);
        }

        supporting.RemoveAll(leads.Contains);
        return leads.Count + supporting.Count > 0;
    }

    // "配合区政法工作部做好…" in a task that names no unit otherwise: the unit the plan's own office works with leads
    // that joint work. (Beside a note's units it is context: "配合省厅开展…" does not add the province.)
    private static void ReadWorkedWith(string text, List<string> leads)
    {
        foreach (Match with in WorkedWith().Matches(text))
        {
            if (TryReadList(with.Groups["list"].Value, out var names))
            {
                leads.AddRange(names.Where(n => !leads.Contains(n)));
            }
        }
    }

    private static void ReadDutyClauses(string sentence, List<string> leads, List<string> supporting)
    {
        string? pending = null;
        foreach (var clause in sentence.Split(['，', ',', '；', ';']))
        {
            var verb = RoleVerb().Match(clause);
            if (!verb.Success)
            {
                // "区直各部门各司其职，协同配合": the unit of a clause with no role verb takes the next clause's role.
                pending = clause;
                continue;
            }

            var subject = clause[..verb.Index];
            var by = subject.LastIndexOf('由');
            subject = by >= 0 ? subject[(by + 1)..] : subject;
            if (subject.Trim().Length == 0 && pending is not null)
            {
                subject = CleanSubject().Replace(pending, "");
            }

            pending = null;
            AddNames(subject, verb.Groups["lead"].Success ? leads : supporting);
        }
    }

    // "由X牵头，会同Y…", "由X牵头完成…，Y配合", "由各联合党委负责牵头部署", and without 由 "X牵头，…" opening a clause:
    // the first 由…牵头 whose list is nothing but unit names leads, however long
    // the list ("由所涉及的A、B、…、O等省级主管部门（单位）牵头"); partners are read in the rest of its sentence.
    private static void ReadLeadWithPartners(string text, List<string> leads, List<string> supporting)
    {
        foreach (Match lead in LeadClause().Matches(text).Concat(OpeningLeadClause().Matches(text)))
        {
            if (!TryReadList(lead.Groups["list"].Value, out var names))
            {
                continue;
            }

            leads.AddRange(names);
            var rest = text[(lead.Index + lead.Length)..];
            var end = rest.AsSpan().IndexOfAny("。；;");
            rest = end < 0 ? rest : rest[..end];
            foreach (Match partners in Partners().Matches(rest))
            {
                if (TryReadList(partners.Groups["list"].Value, out var helpers))
                {
                    supporting.AddRange(helpers.Where(h => !supporting.Contains(h)));
                    break;
                }
            }

            return;
        }
    }

    // A role list holds unit names only: a piece that is none ("由市委统一领导、政府牵头") makes it a sentence.
    private static bool TryReadList(string list, out List<string> names)
    {
        var pieces = UnitNoteParser.SplitUnitNames(UnitListWording.StripQualifiers(Alias().Replace(list.Trim(), "")))
            .SelectMany(SplitJoinedPair).ToList();
        UnitNoteParser.RestoreElidedSuffixes(pieces);
        names = [.. pieces.Where(p => !UnitListWording.IsCatchAll(p)).Distinct()];
        return names.Count > 0 && names.TrueForAll(UnitNoteParser.LooksLikeUnitName);
    }

    // "政法综治处和农业农村处", "资源生态处和相关单位": two bodies joined by 和/及/与 in prose, cut where both sides are
    // names (or a catch-all); "和平街道办" or "区科技和工信局" stay whole because their halves are no names.
    private static IEnumerable<string> SplitJoinedPair(string piece)
    {
        foreach (Match join in Conjunction().Matches(piece))
        {
            var left = piece[..join.Index];
            var right = piece[(join.Index + join.Length)..];
            if (UnitNoteParser.LooksLikeUnitName(left) && (UnitNoteParser.LooksLikeUnitName(right) || UnitListWording.IsCatchAll(right)))
            {
                return [left, right];
            }
        }

        return [piece];
    }

    private static void AddNames(string list, List<string> target)
    {
        var names = UnitNoteParser.SplitUnitNames(Alias().Replace(list.Trim(), ""));
        UnitNoteParser.RestoreElidedSuffixes(names);
        foreach (var name in names.Where(UnitNoteParser.LooksLikeUnitName))
        {
            if (!target.Contains(name))
            {
                target.Add(name);
            }
        }
    }

    [GeneratedRegex(@"(?:责任分工|职责分工|任务分工)[:：](?<sentence>[^。]+)")]
    private static partial Regex DutySentence();

    // 由 as "by" (not 由于, 理由, 自由, 经由); the list runs to 牵头 within one clause.
    // "由社会事业处组织相关人员开展…" names who leads the work too; 组织部 is a name, not the verb.
    [GeneratedRegex(@"(?<![理自经缘因])由(?!于|此)(?<list>[^，,。；;:：由]{2,300}?)(?:(?:共同|分别|联合|各自|统一|自行|负责)?牵头(?:负责)?|组织(?=相关|有关|人员|力量|干部))")]
    private static partial Regex LeadClause();

    // "政法综治处牵头，委托移动公司…": a clause that is nothing but its lead, without 由. Not a principle ("坚持政府牵头，
    // 部门协同") nor "X牵头组织制定…" running on, which safeguards say of the office steering the whole plan.
    [GeneratedRegex(@"(?:^|(?<=[。；;，,]))(?!坚持|实行|建立|形成|推行|健全|完善|构建|强化|加强)(?<list>[^，,。；;:：由、“”]{2,60}?)牵头(?:负责)?(?=[，,])")]
    private static partial Regex OpeningLeadClause();

    // "会同Y研究…", "联合Y开展…", "组织Y形成…" and a clause "Y配合": Y supports ("其他相关部门配合" names nobody).
    [GeneratedRegex(@"(?:会同|联合|组织(?!实施|开展|相关|有关|部))(?<list>[^，,。；;]{2,300}?)(?=等|共同|联合|负责|研究|制定|推进|开展|组织|做好|落实|实施|[，,。；;]|$)|(?:^|[，,、])\s*(?!会同)(?<list>[^，,。；;由]{2,300}?)(?:配合|协助|参与)")]
    private static partial Regex Partners();

    [GeneratedRegex(@"(?:^|(?<=[。；;，,]))配合(?<list>[^，,。；;“”《》]{2,40}?)(?=开展|做好|抓好|组织|完成|推进|落实|实施|[，,])")]
    private static partial Regex WorkedWith();

    // The first role verb of a clause; 负责/组织实施/作为业主单位 lead, 配合/协助/指导 support.
    [GeneratedRegex(@"(?:等[^，,；;]{0,6}?)?(?:(?<lead>具体负责|负责实施|负责|组织实施|作为业主单位|牵头)|(?<support>全力配合|协同配合|配合|协助|业务检查指导|检查指导|业务指导|指导))")]
    private static partial Regex RoleVerb();

    // "各片区开发管理局（或业主单位）", "区森林园林局（区森林园林公司）": an alternative or an alias in brackets is no part of the name.
    [GeneratedRegex(@"\((?:或[^()]*|[^()]{2,16}公司)\)")]
    private static partial Regex Alias();

    [GeneratedRegex("(?<=[局委办府室会院心门厅处所站队])(?:以及|和|及|与)")]
    private static partial Regex Conjunction();

    [GeneratedRegex("各司其职.*$")]
    private static partial Regex CleanSubject();
}

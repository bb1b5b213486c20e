using System.Text.RegularExpressions;

namespace WorkPlanTracker.Features.Import;

/// <summary>
/// The units of a task named only as the subjects of its sentences ("各县（区）人民政府要…", "市教育局、市人社局要…",
/// "由区社会事业局起草…", "税务总局以…为标识，研究制定…"). A clause counts when it opens with unit names and then
/// a verb; "Y配合" makes Y a supporting unit, "X会同Y…" too. A list printed over several clauses of one sentence
/// ("A、B，C，D要…") counts whole. Catch-alls (相关部门, 省级部门, 各级各部门) name nobody; "各有关单位" counts only in a
/// task that names no one more specific.
/// </summary>
internal static partial class SentenceSubjectReader
{
    private const int MaximumSubjectLength = 160;

    public static void Read(string text, List<string> leads, List<string> supporting)
    {
        var collectives = new List<string>();
        var pending = new List<string>();
        var listOpen = false;
        var request = false;
        foreach (var (clause, startsSentence) in Clauses(text))
        {
            var opening = Opening().Replace(clause, "");
            // "请A，B，C分别明确一名联络人": a closing request to the addressees, no part of the task.
            request = startsSentence ? opening.StartsWith('请') : request;
            if (request)
            {
                continue;
            }

            if (TryReadSubject(opening, out var subject))
            {
                AddAll(subject.Supports ? supporting : leads, pending.Concat(subject.Names));
                AddAll(supporting, subject.Partners);
                AddAll(collectives, subject.Collectives);
                pending.Clear();
                listOpen = false;
            }
            else if ((startsSentence || listOpen) && ReadNames(opening, out var listed) && listed.Names.Count > 0
                && !listed.Names.Exists(n => Verb().IsMatch(n)))
            {
                // "…交通运输厅（局、委），交通运输部相关直属海事管理机构，…要加强…": a list broken by commas.
                pending.AddRange(listed.Names);
                listOpen = true;
            }
            else
            {
                pending.Clear();
                listOpen = false;
            }
        }

        if (leads.Count == 0)
        {
            // "…各业务处室负责提供…，省人防信息保障中心配合开展工作": with no one named to lead, the plan's own
            // office leads and who helps it is its business; a helper alone is not the task's unit.
            var namesSomeone = supporting.Count > 0;
            supporting.Clear();
            if (!namesSomeone)
            {
                AddAll(leads, collectives);
            }
        }

        // "县(区)人民政府要…由属地县(区)政府按规定…": one body under its full and its short name.
        leads.RemoveAll(n => n.EndsWith("政府", StringComparison.Ordinal) && !n.EndsWith("人民政府", StringComparison.Ordinal)
            && leads.Contains(n[..^2] + "人民政府"));
    }

    private static bool TryReadSubject(string opening, out Subject subject)
    {
        foreach (Match verb in Verb().Matches(opening))
        {
            if (verb.Index > MaximumSubjectLength)
            {
                break;
            }

            if (verb.Index < 2 || !ReadNames(opening[..verb.Index], out var names))
            {
                continue;
            }

            if (verb.Groups["partners"].Success && TryReadSubject(opening[(verb.Index + verb.Length)..], out var with))
            {
                // "X会同Y研究制定…": Y works with X.
                names.Partners.AddRange(with.Names);
            }

            subject = names with { Supports = verb.Groups["support"].Success };
            return true;
        }

        subject = Subject.None();
        return false;
    }

    // True when the text is nothing but unit names (catch-alls aside); the names that count come back.
    private static bool ReadNames(string text, out Subject names)
    {
        names = Subject.None();
        if (LeadingVerb().IsMatch(text))
        {
            return false;
        }

        text = UnitListWording.StripQualifiers(text);
        text = Alternative().Replace(text, "、");
        var pieces = UnitNoteParser.SplitUnitNames(text);
        if (pieces.Count == 0)
        {
            return false;
        }

        foreach (var name in pieces)
        {
            if (UnitListWording.IsCatchAll(name))
            {
                if (name.Contains('各', StringComparison.Ordinal) && !name.StartsWith("各级", StringComparison.Ordinal))
                {
                    names.Collectives.Add(name);
                }
            }
            else if (IsSubjectName(name))
            {
                names.Names.Add(name);
            }
            else
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsSubjectName(string name)
    {
        var core = TrailingParenthesis().Replace(name, "");
        if (core.Length == 0 || NotInName().IsMatch(name) || NotAUnit().IsMatch(core))
        {
            return false;
        }

        // "县（市、区）", "各市（州）", "各地区", "各试点地区": the places a notice addresses.
        if ((core.Length == 1 && core != name && PlaceLevel().IsMatch(core)) || AllPlaces().IsMatch(core))
        {
            return true;
        }

        return (core.Length >= 3 || ShortName().IsMatch(core)) && core.Length <= 30 && SubjectSuffix().IsMatch(core);
    }

    // Clauses at the top level ("（联系人：…，联系电话：…）" is one), each with whether it opens its sentence.
    private static IEnumerable<(string Clause, bool StartsSentence)> Clauses(string text)
    {
        var depth = 0;
        var start = 0;
        var startsSentence = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            depth += c == '(' ? 1 : c == ')' && depth > 0 ? -1 : 0;
            if (depth == 0 && c is '，' or ',' or '。' or '；' or ';' or '！' or '？' or '\n')
            {
                yield return (text[start..i].Trim(), startsSentence);
                start = i + 1;
                startsSentence = c is not ('，' or ',');
            }
        }

        yield return (text[start..].Trim(), startsSentence);
    }

    private static void AddAll(List<string> target, IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            if (!target.Contains(name))
            {
                target.Add(name);
            }
        }
    }

    private sealed record Subject(List<string> Names, List<string> Collectives, List<string> Partners, bool Supports)
    {
        public static Subject None() => new([], [], [], false);
    }

    // What may stand before the subject: a date ("2022年北港村…"), 由 ("统一由区迎评工作领导小组办公室按要求上传"), 属地.
    [GeneratedRegex(@"^(?:\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?(?:底|末|内)?(?:前|起)?)?(?:(?:统一|并|再|均|同时|具体)?由)?(?:属地)?")]
    private static partial Regex Opening();

    // The verb after the subject; the earliest one after a list of unit names ends the subject. 在 is no verb in
    // "各县(区)在运营的乡镇敬老院…".
    [GeneratedRegex("(?<support>配合|协助|参与)|(?<partners>会同)|要(?!求|点|素)|应当?|必须|务必|须|需要?|将|负责|牵头|对|与|在(?![^，。]{0,4}的)|以|按照?|根据|依照|依据|依法|依规|依托|结合|加强|加大|做好|起草|制定|成立|适时|及时|统筹|作为|进行|开展|积极|切实|认真|抓紧|定期|建立|健全|完善|推进|推动|落实|选择|组织(?!部)|全面|主动|进一步|研究|督促|指导|协调|共同|联合|分别")]
    private static partial Regex Verb();

    // A clause that opens with a verb or an adverb has no subject: "鼓励行政管理部门…", "请各试点地区…", "全面落实企业党委…".
    [GeneratedRegex("^(?:[(（]|明确|确定|指定|安排|发挥|让|使|鼓励|支持|引导|推动|推进|督促|指导|要求|请|组织|建立|加强|完善|对|在|把|将|按照|根据|依托|通过|围绕|结合|落实|做好|开展|实施|促进|提升|强化|健全|深化|探索|确保|争取|力争|协调|配合|会同|及时|积极|全面|持续|不断|进一步|认真|切实|加快|深入|大力|以|向|为|从|经|由于|对于)")]
    private static partial Regex LeadingVerb();

    // "县(区)民政部门或乡镇人民政府要…": either one is responsible, both are units.
    [GeneratedRegex("(?<=[局委办府室会厅处部门心组村])或(?=.)")]
    private static partial Regex Alternative();

    // Digits, quotes and the verbs of a report ("由局综合处汇总后上报区党工委") are no part of a name.
    [GeneratedRegex(@"[\d的“”《》:：""]|上报|报送|汇总|提交|反馈|便于")]
    private static partial Regex NotInName();

    // Words ending like a unit that are no unit: 干部, 全部, 农村, 部署, 格局; a bare 办公室 or 领导小组 refers back
    // to a body named before ("办公室依托在区社会事业中心…").
    [GeneratedRegex("^(?:办公室|领导小组|小组|中心|部门|单位)$|(?:干部|全部|内部|外部|局部|农村|乡村|部署|格局|布局|结局|当局|大局|全局|开局)$")]
    private static partial Regex NotAUnit();

    [GeneratedRegex("^[省市县区州]$")]
    private static partial Regex PlaceLevel();

    [GeneratedRegex("^各[^各]{1,4}(?:地区|市|县|区|州|省|乡镇|村|部门|单位|处室|科室)$|^各(?:地区|市|县|区|州|省|乡镇|村|部门|单位|处室|科室)$")]
    private static partial Regex AllPlaces();

    // 区委, 市委: a two-character name is a level and its body.
    [GeneratedRegex("^[省市县区]委$")]
    private static partial Regex ShortName();

    [GeneratedRegex("(?:人民政府|政府|委员会|管委会|协会|工会|联合会|委|办|办公室|局|厅|部|部门|署|中心|公司|集团|小组|机关|海关|管理机构|处|处室|村|法院|检察院)$")]
    private static partial Regex SubjectSuffix();

    [GeneratedRegex(@"\([^()]*\)$")]
    private static partial Regex TrailingParenthesis();
}

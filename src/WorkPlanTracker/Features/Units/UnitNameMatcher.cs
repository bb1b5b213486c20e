using System.Text;

namespace WorkPlanTracker.Features.Units;

/// <summary>How a name written in a plan was tied to a known unit.</summary>
public enum UnitMatchKind
{
    /// <summary>The name is the unit's name, character for character.</summary>
    Exact,

    /// <summary>The name is the unit's name once spaces, the width of brackets and a trailing 等 are set aside.</summary>
    Normalised,

    /// <summary>The name is one of the unit's recorded aliases (a merge the office confirmed before).</summary>
    Alias,

    /// <summary>
    /// The name is similar to the unit's name or an alias (an abbreviation, 和 or 人民政府 left out, or a fuzzy
    /// likeness): see <see cref="UnitMatch.Score"/>. Never taken without a person's confirmation.
    /// </summary>
    Close,
}

/// <summary>A known unit as the matcher sees it.</summary>
public sealed record UnitCandidate(int Id, string Name, IReadOnlyCollection<string> Aliases);

/// <summary>One proposed unit for a name, with how sure the matcher is and why (shown to the reviewer).</summary>
public sealed record UnitMatch(int UnitId, string UnitName, UnitMatchKind Kind, double Score, string Reason)
{
    /// <summary>
    /// Whether the name is the unit's without a person deciding: the same name as written or normalised, or an alias
    /// the office confirmed before. A match by similarity, however sure, is a proposal (区市场监管局 is not 区市场局).
    /// </summary>
    public bool IsSameName => Kind != UnitMatchKind.Close;
}

/// <summary>
/// Ties unit names as plans write them (市发改委, 区人民政府办公室, 市委编办) to known units.
/// Pure and thread-safe after construction; the units' canonical forms are computed once.
/// </summary>
/// <remarks>
/// <para>Rules, in order:</para>
/// <list type="number">
/// <item><b>Exact</b> (1.0): the name is a unit's name as written; <b>Normalised</b> (1.0): it is after removing
/// whitespace, a trailing 等/等单位/等部门 and making brackets half-width.</item>
/// <item><b>Alias</b> (1.0): the same, against a unit's aliases. A unit whose name matches beats one whose alias matches.</item>
/// <item><b>Close</b>: both names are reduced to a canonical form: a leading level (省/市/区/县/州, optionally after a
/// place name such as 石家庄市), and a body in which 人民政府 → 政府, 和/及 are dropped, well-known abbreviations are
/// expanded (发改 → 发展改革, 人社 → 人力资源社会保障, 编委办 → 机构编制委员会办公室 …) and 委员会 → 委, 办公室 → 办.
/// A trailing parenthesised second name (市财政局(国资委)) is kept apart.
/// <list type="bullet">
/// <item>Levels that differ (市 vs 区) or places that differ never match. The final type character of the body
/// (局, 委, 办, 中心 → 心, 政府 → 府 …) must be the same, so 区卫计委 and 区卫计局 are different units: after the 2018
/// reform both names exist and may be different bodies; an alias settles it.</item>
/// <item>Equal canonical forms score <see cref="AutoAcceptScore"/>: the most likely proposal, still for a person to confirm.</item>
/// <item>Otherwise the score is 0.9 × the LCS ratio of the bodies without the type character.</item>
/// <item>Each doubt (a level, a place or a parenthesised name written on one side only) costs 0.1, so such
/// matches are never accepted automatically. Scores below <see cref="MinimumScore"/> are not proposed.</item>
/// <item>When two units tie at or above <see cref="AutoAcceptScore"/>, both drop just below it.</item>
/// </list></item>
/// </list>
/// </remarks>
public sealed class UnitNameMatcher
{
    /// <summary>Close matches at or above this score are the same name up to abbreviations (still proposals, see <see cref="UnitMatch.IsSameName"/>).</summary>
    public const double AutoAcceptScore = 0.95;

    /// <summary>Close matches below this score are not proposed at all.</summary>
    public const double MinimumScore = 0.55;

    private const double SimilarityWeight = 0.9;
    private const double DoubtPenalty = 0.1;
    private const double TieScore = AutoAcceptScore - 0.01;

    private const string LevelChars = "省市区县州";

    /// <summary>Characters before a level character that make it part of a word, not a level (城市, 社区, 园区).</summary>
    private const string NotPlaceEndings = "城社园";

    private static readonly string[] TrailingEtc = ["等单位", "等部门", "等"];

    /// <summary>Abbreviation → full form. Full forms are written as published; they are canonicalised on load.</summary>
    private static readonly (string Short, string Full)[] Abbreviations =
    [
        ("发改", "发展改革"),
        ("人社", "人力资源社会保障"),
        ("住建", "住房城乡建设"),
        ("卫健", "卫生健康"),
        ("卫计", "卫生计划生育"),
        ("委编办", "机构编制委员会办公室"),
        ("编委办", "机构编制委员会办公室"),
        ("编办", "机构编制委员会办公室"),
        ("委机构编制", "机构编制"),
        ("委网信办", "网络安全和信息化委员会办公室"),
        ("网信办", "网络安全和信息化委员会办公室"),
        ("委网络安全", "网络安全"),
        ("市监局", "市场监督管理局"),
        ("市场局", "市场监督管理局"),
        ("监管", "监督管理"),
        ("自规局", "自然资源和规划局"),
        ("资规局", "自然资源和规划局"),
        ("国资委", "国有资产监督管理委员会"),
        ("科技局", "科学技术局"),
        ("工信", "工业和信息化"),
        ("城管执法", "城市管理综合行政执法"),
        ("城管", "城市管理"),
        ("环保", "环境保护"),
        ("应急局", "应急管理局"),
        ("医保局", "医疗保障局"),
        ("退役军人局", "退役军人事务局"),
        ("文旅", "文化旅游"),
        ("文广旅", "文化广电旅游"),
        ("交通局", "交通运输局"),
        ("人防办", "人民防空办公室"),
        ("外办", "外事办公室"),
        ("金融办", "金融工作办公室"),
        ("机关事务局", "机关事务管理局"),
        ("管委会", "管理委员会"),
        ("政府办", "政府办公室"),
    ];

    private static readonly Dictionary<char, (string Short, string Full)[]> AbbreviationsByFirstChar =
        Abbreviations
            .Select(a => (a.Short, Full: Compress(StripConjunctions(a.Full))))
            .GroupBy(a => a.Short[0])
            .ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.Short.Length).ToArray());

    private readonly Dictionary<string, UnitCandidate> byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (UnitCandidate Unit, string Alias)> byAlias = new(StringComparer.Ordinal);
    private readonly Dictionary<char, List<Form>> formsByType = [];

    public UnitNameMatcher(IEnumerable<UnitCandidate> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        foreach (var unit in units)
        {
            byName.TryAdd(Clean(unit.Name), unit);
            AddForm(unit, unit.Name, isAlias: false);
            foreach (var alias in unit.Aliases ?? [])
            {
                byAlias.TryAdd(Clean(alias), (unit, alias));
                AddForm(unit, alias, isAlias: true);
            }
        }
    }

    /// <summary>The best match for a name, or null when no unit is close enough. Exact and alias matches score 1.0.</summary>
    public UnitMatch? Match(string name)
    {
        var ranked = Suggest(name, 1);
        return ranked.Count > 0 ? ranked[0] : null;
    }

    /// <summary>
    /// Up to <paramref name="max"/> units for a name, best first (an exact or alias match first, then close ones by
    /// score), each unit once: what a review screen offers a person to pick from.
    /// </summary>
    public IReadOnlyList<UnitMatch> Suggest(string name, int max = 3)
    {
        if (string.IsNullOrWhiteSpace(name) || max <= 0)
        {
            return [];
        }

        var cleaned = Clean(name);
        var best = new Dictionary<int, UnitMatch>();
        if (byName.TryGetValue(cleaned, out var exact))
        {
            best[exact.Id] = string.Equals(name.Trim(), exact.Name.Trim(), StringComparison.Ordinal)
                ? new UnitMatch(exact.Id, exact.Name, UnitMatchKind.Exact, 1.0, "名称一致")
                : new UnitMatch(exact.Id, exact.Name, UnitMatchKind.Normalised, 1.0, "去掉空格、“等”字或统一括号后名称一致");
        }

        if (byAlias.TryGetValue(cleaned, out var alias) && !best.ContainsKey(alias.Unit.Id))
        {
            best[alias.Unit.Id] = new UnitMatch(alias.Unit.Id, alias.Unit.Name, UnitMatchKind.Alias, 1.0, $"与别名“{alias.Alias}”一致");
        }

        var query = Form.Parse(cleaned, null!, "", isAlias: false);
        if (query.Body.Length > 0 && formsByType.TryGetValue(query.Body[^1], out var forms))
        {
            foreach (var form in forms)
            {
                if (best.TryGetValue(form.Unit.Id, out var known) && known.Kind != UnitMatchKind.Close)
                {
                    continue;
                }

                var score = Math.Round(Compare(query, form, out var doubts, out var ratio), 3);
                if (score >= MinimumScore && (known is null || score > known.Score))
                {
                    best[form.Unit.Id] = new UnitMatch(form.Unit.Id, form.Unit.Name, UnitMatchKind.Close, score, Explain(form, doubts, ratio));
                }
            }
        }

        var ranked = best.Values
            .OrderByDescending(m => m.Score)
            .ThenBy(m => m.Kind)
            .ThenBy(m => Math.Abs(m.UnitName.Length - cleaned.Length))
            .ThenBy(m => m.UnitId)
            .ToList();

        // Two different units equally sure of the same name: neither may be taken without a person.
        if (ranked.Count > 1 && ranked[0].Kind == UnitMatchKind.Close && ranked[1].Kind == UnitMatchKind.Close
            && ranked[0].Score >= AutoAcceptScore && ranked[1].Score >= AutoAcceptScore)
        {
            for (var i = 0; i < ranked.Count && ranked[i].Score >= AutoAcceptScore; i++)
            {
                ranked[i] = ranked[i] with { Score = TieScore, Reason = ranked[i].Reason + "；另有单位同样接近，需人工确认" };
            }
        }

        return ranked.Count > max ? ranked.GetRange(0, max) : ranked;
    }

    private void AddForm(UnitCandidate unit, string text, bool isAlias)
    {
        var form = Form.Parse(Clean(text), unit, text, isAlias);
        if (form.Body.Length == 0)
        {
            return;
        }

        var type = form.Body[^1];
        if (!formsByType.TryGetValue(type, out var list))
        {
            formsByType[type] = list = [];
        }

        list.Add(form);
    }

    [Flags]
    private enum Doubts
    {
        None = 0,
        Level = 1,
        Place = 2,
        Note = 4,
    }

    /// <summary>The score of a unit's form for the query, or 0 when they can never be the same unit.</summary>
    private static double Compare(Form query, Form form, out Doubts doubts, out double ratio)
    {
        doubts = Doubts.None;
        ratio = 0;
        if (query.Level != form.Level)
        {
            if (query.Level.Length > 0 && form.Level.Length > 0)
            {
                return 0;
            }

            doubts |= Doubts.Level;
        }

        if (query.Place != form.Place)
        {
            if (query.Place.Length > 0 && form.Place.Length > 0)
            {
                return 0;
            }

            doubts |= Doubts.Place;
        }

        if (query.Note != form.Note)
        {
            doubts |= Doubts.Note;
        }

        var penalty = DoubtPenalty * System.Numerics.BitOperations.PopCount((uint)doubts);
        if (query.Body == form.Body)
        {
            ratio = 1;
            return AutoAcceptScore - penalty;
        }

        // Bodies without their common type character; skip the LCS when even a full overlap could not qualify.
        int la = query.Body.Length - 1, lb = form.Body.Length - 1;
        if (SimilarityWeight * 2.0 * Math.Min(la, lb) / Math.Max(1, la + lb) - penalty < MinimumScore)
        {
            return 0;
        }

        ratio = LcsRatio(query.Body.AsSpan(0, la), form.Body.AsSpan(0, lb));
        return SimilarityWeight * ratio - penalty;
    }

    private static string Explain(Form form, Doubts doubts, double ratio)
    {
        var target = form.IsAlias ? $"别名“{form.Text}”" : $"“{form.Text}”";
        var reason = ratio >= 1 ? $"展开简称后与{target}一致" : $"与{target}相似（{ratio:0.00}）";
        if (doubts.HasFlag(Doubts.Level))
        {
            reason += "；层级只在一方写明";
        }

        if (doubts.HasFlag(Doubts.Place))
        {
            reason += "；地名只在一方写明";
        }

        if (doubts.HasFlag(Doubts.Note))
        {
            reason += "；括号内名称不同";
        }

        return reason;
    }

    /// <summary>2 × LCS / (|a| + |b|): 1 for equal strings, 0 when nothing is shared.</summary>
    private static double LcsRatio(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        Span<int> row = b.Length <= 128 ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        row.Clear();
        for (var i = 0; i < a.Length; i++)
        {
            var diagonal = 0;
            for (var j = 0; j < b.Length; j++)
            {
                var above = row[j + 1];
                row[j + 1] = a[i] == b[j] ? diagonal + 1 : Math.Max(above, row[j]);
                diagonal = above;
            }
        }

        return 2.0 * row[b.Length] / (a.Length + b.Length);
    }

    /// <summary>Whitespace gone, brackets half-width, a trailing 等 gone: what Exact and Alias compare.</summary>
    private static string Clean(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            sb.Append(c switch
            {
                '（' => '(',
                '）' => ')',
                _ => c,
            });
        }

        var s = sb.ToString();
        foreach (var etc in TrailingEtc)
        {
            if (s.Length > etc.Length && s.EndsWith(etc, StringComparison.Ordinal))
            {
                return s[..^etc.Length];
            }
        }

        return s;
    }

    private static string StripConjunctions(string s) =>
        s.Replace("人民政府", "政府", StringComparison.Ordinal)
         .Replace("和", "", StringComparison.Ordinal)
         .Replace("及", "", StringComparison.Ordinal);

    private static string Compress(string s) =>
        s.Replace("委员会", "委", StringComparison.Ordinal)
         .Replace("办公室", "办", StringComparison.Ordinal);

    private static string ExpandAbbreviations(string s)
    {
        StringBuilder? sb = null;
        var i = 0;
        while (i < s.Length)
        {
            if (AbbreviationsByFirstChar.TryGetValue(s[i], out var entries))
            {
                var replaced = false;
                foreach (var (abbr, full) in entries)
                {
                    if (string.CompareOrdinal(s, i, abbr, 0, abbr.Length) == 0)
                    {
                        sb ??= new StringBuilder(s.Length * 2).Append(s, 0, i);
                        sb.Append(full);
                        i += abbr.Length;
                        replaced = true;
                        break;
                    }
                }

                if (replaced)
                {
                    continue;
                }
            }

            sb?.Append(s[i]);
            i++;
        }

        return sb?.ToString() ?? s;
    }

    /// <summary>A name split into level, place, canonical body and a trailing parenthesised note.</summary>
    private sealed record Form(UnitCandidate Unit, string Text, bool IsAlias, string Place, string Level, string Body, string Note)
    {
        public static Form Parse(string cleaned, UnitCandidate unit, string text, bool isAlias)
        {
            var s = cleaned.StartsWith("中共", StringComparison.Ordinal) ? cleaned[2..] : cleaned;

            var note = "";
            if (s.EndsWith(')') && s.LastIndexOf('(') is var open and > 0)
            {
                note = Canonical(s[(open + 1)..^1]);
                s = s[..open];
            }

            var (place, level, rest) = SplitLevel(s);
            return new Form(unit, text, isAlias, place, level, Canonical(rest), note);
        }

        private static string Canonical(string s) =>
            Compress(ExpandAbbreviations(StripConjunctions(s.Replace("(", "", StringComparison.Ordinal).Replace(")", "", StringComparison.Ordinal))));

        private static (string Place, string Level, string Remainder) SplitLevel(string s)
        {
            if (s.Length < 2)
            {
                return ("", "", s);
            }

            if (LevelChars.Contains(s[0], StringComparison.Ordinal))
            {
                // 市场监管局, 市监局: 市 is part of the name, not the level.
                var marketWord = s[0] == '市' && (s[1] == '场' || s.StartsWith("市监局", StringComparison.Ordinal));
                return marketWord ? ("", "", s) : ("", s[..1], s[1..]);
            }

            // A place name of two to four characters before the level: 石家庄市, 湖北省, 高新区.
            for (var i = 2; i <= 4 && i < s.Length - 1; i++)
            {
                if (LevelChars.Contains(s[i], StringComparison.Ordinal) && !NotPlaceEndings.Contains(s[i - 1], StringComparison.Ordinal))
                {
                    return (s[..i], s.Substring(i, 1), s[(i + 1)..]);
                }
            }

            return ("", "", s);
        }
    }
}

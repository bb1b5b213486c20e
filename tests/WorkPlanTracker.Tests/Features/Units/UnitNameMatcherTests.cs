using WorkPlanTracker.Features.Units;

namespace WorkPlanTracker.Tests.Features.Units;

public class UnitNameMatcherTests
{
    private static UnitCandidate Unit(int id, string name, params string[] aliases) => new(id, name, aliases);

    private static UnitNameMatcher MatcherFor(params string[] names) =>
        new(names.Select((n, i) => Unit(i + 1, n)));

    [Theory]
    // Abbreviations and the full names they stand for, in both directions.
    [InlineData("市发改委", "市发展改革委")]
    [InlineData("市发改委", "市发展和改革委员会")]
    [InlineData("市发展改革委", "市发展和改革委员会")]
    [InlineData("区政府办", "区政府办公室")]
    [InlineData("区政府办", "区人民政府办公室")]
    [InlineData("区政府办公室", "区人民政府办公室")]
    [InlineData("市委编办", "市编委办")]
    [InlineData("市委编办", "市委机构编制委员会办公室")]
    [InlineData("市编委办", "市委机构编制委员会办公室")]
    [InlineData("市编办", "市编委办")]
    [InlineData("市人社局", "市人力资源社会保障局")]
    [InlineData("市人社局", "市人力资源和社会保障局")]
    [InlineData("市人力资源社会保障局", "市人力资源和社会保障局")]
    [InlineData("市住建局", "市住房城乡建设局")]
    [InlineData("市住建局", "市住房和城乡建设局")]
    [InlineData("市住房城乡建设局", "市住房和城乡建设局")]
    [InlineData("市卫健委", "市卫生健康委")]
    [InlineData("市卫健委", "市卫生健康委员会")]
    [InlineData("市市场监管局", "市市场监督管理局")]
    [InlineData("市市监局", "市市场监督管理局")]
    [InlineData("区市场局", "区市场监督管理局")]
    [InlineData("市网信办", "市委网络安全和信息化委员会办公室")]
    [InlineData("市自然资源和规划局", "市自然资源规划局")]
    [InlineData("市国资委", "市国有资产监督管理委员会")]
    [InlineData("省人防办", "省人民防空办公室")]
    [InlineData("区市场监管局", "区市场局")]
    [InlineData("市文化和旅游局", "市文化旅游局")]
    [InlineData("区人民政府办公室", "区政府办公室")]
    public void An_abbreviation_is_the_likeliest_proposal_but_never_the_same_name(string written, string known)
    {
        var match = MatcherFor("市财政局", known, "区财政局", "市教育局").Match(written);

        Assert.NotNull(match);
        Assert.Equal(known, match.UnitName);
        Assert.Equal(UnitMatchKind.Close, match.Kind);
        Assert.False(match.IsSameName, $"{written} → {known} must wait for a person");
        Assert.True(match.Score >= UnitNameMatcher.AutoAcceptScore, $"{written} → {known}: {match.Score} {match.Reason}");
    }

    [Theory]
    [InlineData("市数据资源局", UnitMatchKind.Exact)]
    [InlineData(" 市数据资源局 ", UnitMatchKind.Exact)]
    [InlineData("市数据 资源局", UnitMatchKind.Normalised)]
    [InlineData("市数据资源局等", UnitMatchKind.Normalised)]
    [InlineData("市财政局（国资委）", UnitMatchKind.Normalised)]
    [InlineData("市大数据局", UnitMatchKind.Alias)]
    [InlineData("市数据局", UnitMatchKind.Close)]
    [InlineData("市财政局", UnitMatchKind.Close)]
    public void Each_match_is_classified_and_only_a_similar_one_waits_for_a_person(string written, UnitMatchKind kind)
    {
        var matcher = new UnitNameMatcher([Unit(1, "市财政局(国资委)"), Unit(2, "市数据资源局", "市大数据局")]);

        var match = matcher.Match(written)!;

        Assert.Equal(kind, match.Kind);
        Assert.Equal(kind != UnitMatchKind.Close, match.IsSameName);
        Assert.True(match.IsSameName ? match.Score == 1.0 : match.Score < 1.0, $"{match.Kind} {match.Score}");
    }

    [Theory]
    [InlineData("市财政局", "区财政局")]
    [InlineData("区财政局", "市财政局")]
    [InlineData("县财政局", "省财政局")]
    [InlineData("市发改委", "区发展改革委")]
    [InlineData("市财政局", "市税务局")]
    [InlineData("市发改委", "市教育局")]
    [InlineData("市政府办公室", "市政务公开办公室")]
    [InlineData("市政府办", "市政务公开办")]
    [InlineData("区卫计委", "区卫计局")]
    [InlineData("市卫健委", "市卫健局")]
    [InlineData("市政府", "市政府办公室")]
    [InlineData("市生态环境局", "市环境保护局")]
    [InlineData("石家庄市财政局", "保定市财政局")]
    public void Different_units_are_not_matched_at_all(string written, string known)
    {
        var matcher = MatcherFor(known);

        Assert.Null(matcher.Match(written));
        Assert.Empty(matcher.Suggest(written));
    }

    [Fact]
    public void Similar_names_are_suggested_but_not_accepted()
    {
        var matcher = MatcherFor("市城管执法局", "市财政局");

        var match = matcher.Match("市城市管理综合执法局");

        Assert.NotNull(match);
        Assert.Equal("市城管执法局", match.UnitName);
        Assert.Equal(UnitMatchKind.Close, match.Kind);
        Assert.InRange(match.Score, UnitNameMatcher.MinimumScore, UnitNameMatcher.AutoAcceptScore - 0.001);
    }

    [Theory]
    [InlineData("财政局", "市财政局")]                  // level written on one side only
    [InlineData("石家庄市人民政府办公室", "市政府办公室")] // place written on one side only
    [InlineData("市财政局(国资委)", "市财政局")]         // a second name in brackets
    [InlineData("市场监管局", "市市场监督管理局")]        // 市 of 市场 is not a level
    public void Names_with_one_doubt_are_suggestions_below_auto_accept(string written, string known)
    {
        var match = MatcherFor(known, "市教育局").Match(written);

        Assert.NotNull(match);
        Assert.Equal(known, match.UnitName);
        Assert.Equal(UnitMatchKind.Close, match.Kind);
        Assert.True(match.Score < UnitNameMatcher.AutoAcceptScore, $"{match.Score} {match.Reason}");
    }

    [Fact]
    public void Suggestions_are_ranked_by_closeness_and_capped()
    {
        var matcher = MatcherFor("市财政局", "市城市管理局", "市城管执法局", "区城管执法局", "市城市综合执法局", "市城市管理委");

        var suggestions = matcher.Suggest("市城市管理综合执法局", max: 5);

        Assert.Equal(["市城管执法局", "市城市综合执法局", "市城市管理局"], suggestions.Select(s => s.UnitName));
        Assert.True(suggestions[0].Score > suggestions[1].Score && suggestions[1].Score > suggestions[2].Score);
        Assert.All(suggestions, s => Assert.Equal(UnitMatchKind.Close, s.Kind));
        Assert.Single(matcher.Suggest("市城市管理综合执法局", max: 1));
    }

    [Fact]
    public void Exact_beats_alias_beats_close()
    {
        var matcher = new UnitNameMatcher(
        [
            Unit(1, "市发展改革委"),                  // close to 市发改委 (abbreviation)
            Unit(2, "市物价局", "市发改委"),           // alias 市发改委
            Unit(3, "市发改委"),                      // exact
        ]);

        var ranked = matcher.Suggest("市发改委");
        Assert.Equal([3, 2, 1], ranked.Select(m => m.UnitId));
        Assert.Equal([UnitMatchKind.Exact, UnitMatchKind.Alias, UnitMatchKind.Close], ranked.Select(m => m.Kind));
        Assert.Equal([true, true, false], ranked.Select(m => m.IsSameName));

        var withoutExact = new UnitNameMatcher([Unit(1, "市发展改革委"), Unit(2, "市物价局", "市发改委")]);
        var alias = withoutExact.Match("市发改委")!;
        Assert.Equal((2, UnitMatchKind.Alias, 1.0), (alias.UnitId, alias.Kind, alias.Score));
    }

    [Fact]
    public void An_alias_is_also_matched_closely()
    {
        var matcher = new UnitNameMatcher([Unit(7, "石家庄市发展和改革委员会", "市发展改革委")]);

        var match = matcher.Match("市发改委")!;

        Assert.Equal((7, UnitMatchKind.Close), (match.UnitId, match.Kind));
        Assert.True(match.Score >= UnitNameMatcher.AutoAcceptScore);
        Assert.Contains("别名", match.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_units_equally_close_are_left_to_a_person()
    {
        var matcher = MatcherFor("市发展改革委", "市发展和改革委员会");

        var match = matcher.Match("市发改委")!;

        Assert.Equal(UnitMatchKind.Close, match.Kind);
        Assert.True(match.Score < UnitNameMatcher.AutoAcceptScore);
        Assert.Equal(2, matcher.Suggest("市发改委").Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("局")]
    [InlineData("各县(市、区)政府")]
    public void Odd_input_finds_nothing_and_does_not_throw(string written)
    {
        var matcher = MatcherFor("市财政局", "市政府办公室");

        Assert.Null(matcher.Match(written));
    }

    [Fact]
    public void Abbreviated_names_find_their_own_unit_among_hundreds_of_similar_ones()
    {
        string[] levels = ["市", "区", "县"];
        string[] bodies = ["发展改革委", "财政局", "教育局", "人力资源社会保障局", "住房城乡建设局", "卫生健康委", "政府办公室", "生态环境局", "数据资源局", "市场监督管理局"];
        var units = Enumerable.Range(0, 500)
            .Select(i => Unit(i + 1, $"{(char)('甲' + i / 30)}{(char)('乙' + i % 30)}{levels[i % 3]}{bodies[i % bodies.Length]}"))
            .ToList();
        var matcher = new UnitNameMatcher(units);

        // Speed is measured by UnitMatchingBenchmarks, not here.
        foreach (var unit in units.Where((_, i) => i % 2 == 0).Take(200))
        {
            var written = unit.Name.Replace("发展改革", "发改", StringComparison.Ordinal) + "等";
            Assert.Equal(unit.Id, matcher.Match(written)?.UnitId);
        }
    }
}

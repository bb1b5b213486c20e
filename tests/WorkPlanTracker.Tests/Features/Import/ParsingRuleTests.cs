using WorkPlanTracker.Features.Import;

namespace WorkPlanTracker.Tests.Features.Import;

public sealed class ChineseTextNormalizerTests
{
    [Theory]
    [InlineData("政務(wù)公開", "政务公开")]
    [InlineData("號(hào)", "号")]
    [InlineData("縣區政府、市政府部門負責落實", "县区政府、市政府部门负责落实")]
    [InlineData("ＡＢＣ１２３", "ABC123")]
    [InlineData("市财政局（国资委）", "市财政局(国资委)")]
    [InlineData("完成时限:2024年", "完成时限：2024年")]
    [InlineData("时间10:56:28", "时间10:56:28")]
    [InlineData("政务\u3000公开\u00a0 工作", "政务 公开 工作")]
    public void Normalizes(string input, string expected) => Assert.Equal(expected, ChineseTextNormalizer.Normalize(input));

    [Fact]
    public void Leaves_simplified_text_and_english_parentheses_alone()
    {
        const string text = "显著提升政务公开质量(APP)和(a)项";

        Assert.Equal(text, ChineseTextNormalizer.Normalize(text));
    }

    // Written with code points: the radicals look exactly like the ideographs they stand for.
    [Theory]
    [InlineData("\u2F00\u3001\u2F2F\u4F5C\u4EFB\u52A1", "一、工作任务")] // Kangxi ⼀ and ⼯
    [InlineData("\u7701\u2F08\u2EA0\u653F\u5E9C", "省人民政府")] // Kangxi ⼈, supplement ⺠
    [InlineData("\u2EDA\u2EE2\u2ED4\u2EC5\u2ED3", "页马门见长")] // supplement forms of simplified characters
    [InlineData("\uF90A\u5E74", "金年")] // a CJK compatibility ideograph
    public void Radicals_and_compatibility_ideographs_from_a_pdf_become_the_ideographs_they_stand_for(string input, string expected)
    {
        Assert.Equal(expected, ChineseTextNormalizer.FoldRadicals(input));
        Assert.Equal(expected, ChineseTextNormalizer.Normalize(input));
    }

    [Fact]
    public void Text_without_radicals_is_returned_as_it_is()
    {
        const string text = "一、工作任务（省人民政府办公厅牵头）";

        Assert.Same(text, ChineseTextNormalizer.FoldRadicals(text));
    }

    [Fact]
    public void A_plan_whose_text_layer_spells_numbers_and_units_with_radicals_reads_as_the_plain_one()
    {
        var parser = new PlanTextParser();
        const string plain = "一、工作任务\n（一）推进政务公开。（省人民政府办公厅牵头，省工信厅配合，2024年6月底前）\n";
        var radicals = plain.Replace('一', '\u2F00').Replace('人', '\u2F08').Replace('民', '\u2EA0').Replace('工', '\u2F2F');

        var read = parser.Parse(radicals);

        var task = Assert.Single(read.Tasks);
        Assert.Equal(("一.(一)", "推进政务公开。"), (task.Path, task.Text));
        Assert.Equal(["省人民政府办公厅"], task.LeadUnits);
        Assert.Equal(["省工信厅"], task.SupportingUnits);
        Assert.Equal(new DateOnly(2024, 6, 30), task.Deadline);
    }
}

public sealed class PlanNumberingTests
{
    [Theory]
    [InlineData("一、工作任务", "一")]
    [InlineData("二 、保障措施", "二")]
    [InlineData("十一、围绕机制完善", "十一")]
    [InlineData("(一)履职行权公开", "(一)")]
    [InlineData("（二）决策实施公开", "(二)")]
    [InlineData("l .加强行政权力事项公开", "1")]
    [InlineData("l.加强决策预公开", "1")]
    [InlineData("2,加大重点领域信息公开力度", "2")]
    [InlineData("3 ·推进市场监管信息公开", "3")]
    [InlineData("27.各县区", "27")]
    [InlineData("1聚焦经济发展", "1")]
    [InlineData("(3)细化任务", "(3)")]
    [InlineData("②细化任务", "②")]
    public void Reads_item_numbers(string line, string label)
    {
        var normalized = ChineseTextNormalizer.Normalize(line);

        Assert.True(PlanNumbering.TryRead(normalized, out var marker));
        Assert.Equal(label, marker.Label);
    }

    [Theory]
    [InlineData("2020年，全市政务公开工作")]
    [InlineData("12月底前完成")]
    [InlineData("2.5亿元")]
    [InlineData("(此件公开发布)")]
    public void Does_not_read_numbers_that_are_not_item_numbers(string line) =>
        Assert.False(PlanNumbering.TryRead(ChineseTextNormalizer.Normalize(line), out _));
}

public sealed class UnitNoteParserTests
{
    private static ParsedTask Single(string plan) => Assert.Single(new PlanTextParser().Parse(plan).Tasks);

    [Theory]
    [InlineData("(区编委办牵头)", "区编委办", "")]
    [InlineData("(区发展改革委牵头;区财政局、区城建局、区国资委等配合)", "区发展改革委", "区财政局/区城建局/区国资委")]
    [InlineData("(区政府办公室牵头,相关各部门配合)", "区政府办公室", "相关各部门")]
    [InlineData("(牵头单位:市政府办公室,市司法局;责任单位:市政府各部门,各县(市、区)政府)", "市政府办公室/市司法局", "市政府各部门/各县(市、区)政府")]
    [InlineData("(责任单位:市发改委、市自然资源和规划局等部门)", "市发改委/市自然资源和规划局", "")]
    [InlineData("(县区政府、市政府部门负责落实,完成时限:2024年12月底前)", "县区政府/市政府部门", "")]
    [InlineData("(区政府各部门)", "区政府各部门", "")]
    [InlineData("(区政府各部门负责)", "区政府各部门", "")]
    [InlineData("(区教文体局、区民政局等按职责分工分别牵头)", "区教文体局/区民政局", "")]
    [InlineData("(区政府办公室、区行政审批局按照各自职能分别牵头;相关各部门配合)", "区政府办公室/区行政审批局", "相关各部门")]
    [InlineData("(市财政局和市审计局牵头)", "市财政局/市审计局", "")]
    [InlineData("(市政府办公室牵头,高新区、经开区管委会配合)", "市政府办公室", "高新区管委会/经开区管委会")]
    [InlineData("(省公安厅会同省人社厅、卫计委、教育厅等相关部门)", "省公安厅", "省人社厅/省卫计委/省教育厅")]
    [InlineData("(省工信厅、财政厅、市场监管局负责)", "省工信厅/省财政厅/省市场监管局", "")]
    [InlineData("(区政府办、发改委牵头,福州市财政局、各设区市、平潭综合实验区配合)", "区政府办/区发改委", "福州市财政局/各设区市/平潭综合实验区")]
    [InlineData("(省委宣传部、网信办、团省委)", "省委宣传部/网信办/团省委", "")]
    [InlineData("(责任单位:省公安厅会同省人社厅、省教育厅等相关部门,各设区市)", "省公安厅", "省人社厅/省教育厅/各设区市")]
    public void Reads_note_shapes(string note, string leads, string supporting)
    {
        var task = Single("一、工作任务\n1.做好公开工作。" + note);

        Assert.Equal(Split(leads), task.LeadUnits);
        Assert.Equal(Split(supporting), task.SupportingUnits);
        Assert.Equal("做好公开工作。", task.Text);
    }

    [Fact]
    public void Keeps_parentheses_inside_unit_names()
    {
        var task = Single("1.做好公开。(縣區政府，市財政局（國資委）、市農業農村局等有關部門負責落實，完成時限：2024年7月底前)");

        Assert.Equal(["县区政府", "市财政局(国资委)", "市农业农村局"], task.LeadUnits);
    }

    [Fact]
    public void Reads_a_note_whose_opening_parenthesis_was_lost()
    {
        var task = Single("1助力优化政务服务，让政务服务像网购一样便捷市数据资源局牵头，县区政府、市政府部门负责落实，完成时限：20247月底前)");

        Assert.Equal(["市数据资源局"], task.LeadUnits);
        Assert.Equal(["县区政府", "市政府部门"], task.SupportingUnits);
        Assert.Equal("助力优化政务服务，让政务服务像网购一样便捷", task.Text);
        Assert.Equal("2024年7月底前", task.DeadlineText);
    }

    [Fact]
    public void Reads_a_note_whose_closing_parenthesis_was_lost()
    {
        var task = Single("1提升解读材料质量。(县区政府、市政府部门负责落实，完成时限：持续推进");

        Assert.Equal(["县区政府", "市政府部门"], task.LeadUnits);
        Assert.True(task.Ongoing);
    }

    [Fact]
    public void Reads_a_note_without_parentheses_after_the_last_sentence()
    {
        var task = Single("1加强公开。县区政府，市财政局(国资委)负责落实，完成时限：20247月底前");

        Assert.Equal(["县区政府", "市财政局(国资委)"], task.LeadUnits);
        Assert.Equal(new DateOnly(2024, 7, 31), task.Deadline);
        Assert.Equal("加强公开。", task.Text);
    }

    [Fact]
    public void Does_not_read_a_cited_document_number_as_a_note()
    {
        var task = Single("1.认真落实《方案》(辽政办〔2018〕12号)");

        Assert.Empty(task.LeadUnits);
        Assert.EndsWith("(辽政办〔2018〕12号)", task.Text);
    }

    private static string[] Split(string units) => units.Split('/', StringSplitOptions.RemoveEmptyEntries);
}

public sealed class DeadlineParserTests
{
    private static ParsedTask Single(string plan) => Assert.Single(new PlanTextParser().Parse(plan).Tasks);

    [Theory]
    [InlineData("完成时限：2024年7月底前", "2024-07-31", "2024年7月底前")]
    [InlineData("完成时限：20247月底前", "2024-07-31", "2024年7月底前")]
    [InlineData("完成时限：202412月底前", "2024-12-31", "2024年12月底前")]
    [InlineData("完成时限：2月底前", "2024-02-29", "2月底前")]
    [InlineData("完成时限：年底前", "2024-12-31", "年底前")]
    [InlineData("完成时限：2024年10月15日前", "2024-10-15", "2024年10月15日前")]
    [InlineData("20246月底前", "2024-06-30", "2024年6月底前")]
    public void Reads_deadline_shapes(string deadline, string iso, string text)
    {
        var task = Single($"2024年某市政务公开工作要点\n1.做好公开。(市政府办公室牵头，{deadline})");

        Assert.Equal(DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture), task.Deadline);
        Assert.Equal(text, task.DeadlineText);
        Assert.False(task.Ongoing);
    }

    [Theory]
    [InlineData("持续推进")]
    [InlineData("长期坚持")]
    [InlineData("常态化")]
    [InlineData("长期")]
    public void Ongoing_comes_from_the_deadline_of_the_note(string phrase)
    {
        var task = Single($"1.做好公开。(市政府办公室牵头，完成时限：{phrase})");

        Assert.True(task.Ongoing);
        Assert.Null(task.Deadline);
        Assert.Equal(phrase, task.DeadlineText);
    }

    [Fact]
    public void Ongoing_words_in_the_body_do_not_make_a_task_ongoing()
    {
        var task = Single("1.持续优化政务服务，常态化开展评估，长期坚持。(市政府办公室牵头)");

        Assert.False(task.Ongoing);
        Assert.Null(task.Deadline);
    }

    [Fact]
    public void Dates_in_the_text_become_milestones_and_the_last_one_is_the_deadline()
    {
        var task = Single("2020年某市政务公开工作要点\n(三)编制目录，2020年9月底前完成汇总，12月底前向社会公开。(牵头单位：市政府办公室)");

        Assert.Equal([new DateOnly(2020, 9, 30), new DateOnly(2020, 12, 31)], task.Milestones.Select(m => m.Date));
        Assert.Equal(new DateOnly(2020, 12, 31), task.Deadline);
    }

    [Fact]
    public void A_start_date_is_not_a_deadline()
    {
        var task = Single("2020年某市政务公开工作要点\n1.自2020年1月1日起实施。(市政府办公室牵头)");

        Assert.Empty(task.Milestones);
        Assert.Null(task.Deadline);
    }

    [Fact]
    public void Counts_days_after_issue_from_the_signature_date()
    {
        var task = Single("某市2024年政务公开工作要点\n2024年3月1日\n1.在本方案印发后30日内制定台账。(县区政府负责落实)");

        Assert.Equal(new DateOnly(2024, 3, 31), task.Deadline);
        Assert.Equal("印发后30日内", task.DeadlineText);
    }

    [Fact]
    public void Year_option_applies_only_when_the_document_names_no_year()
    {
        var parser = new PlanTextParser();
        const string undated = "某局政务公开工作要点\n1.做好公开。(办公室牵头，完成时限：6月底前)";

        var plan = parser.Parse(undated, new PlanParseOptions { Year = 2025 });
        Assert.Equal(2025, plan.Year);
        Assert.Equal(new DateOnly(2025, 6, 30), plan.Tasks[0].Deadline);

        var dated = parser.Parse("某市2024年政务公开工作要点\n" + undated, new PlanParseOptions { Year = 2025 });
        Assert.Equal(2024, dated.Year);
    }
}

using WorkPlanTracker.Features.Import;

namespace WorkPlanTracker.Tests.Features.Import;

/// <summary>
/// A prose plan with its 任务分解表 attached after it, both on one line: the table's header closes the prose, its rows
/// are numbered with bare digits glued to the text, and its unit cells run together with no separator.
/// </summary>
public sealed class AttachedTableTests
{
    private static readonly PlanTextParser Parser = new();

    private static readonly string Padding = string.Concat(Enumerable.Repeat("坚持人民至上、生命至上理念，", 20));

    private const string Prose =
        "一、总体目标确保消防安全形势持续稳定。二、落实消防安全责任制（一）每年至少组织辖区内各社区、村开展消防宣传培训1次。"
        + "（二）每半年组织各处室（中心）专兼职消防管理人员开展1次消防安全培训。 附件：2023年消防工作任务分解表 ";

    private const string Table =
        "序号重点工作任务责任单位工作落实情况一、健全消防安全责任1认真学习贯彻消防工作的决策部署，研究贯彻落实措施。各处室（中心）各行政村（社区） "
        + "2进一步健全完善基层消防工作组织，于6月30日前成立片区消防安全委员会。政法综治处各行政村（社区） "
        + "二、实施全链条消防治理3督促场所落实消防安全主体责任，提高安全设防等级。政法综治处交通与建设处社会事业处经济发展处 "
        + "4加强鲍鱼笼堆垛消防安全管理。农业农村处各行政村 来源：君山片区管理局";

    private static ParsedPlan Parse() => Parser.Parse("2023年度消防工作主要责任目标 " + Padding + "。 " + Prose + Table);

    [Fact]
    public void Bare_row_numbers_after_the_table_header_are_rows_and_the_prose_item_before_the_header_stays()
    {
        var plan = Parse();

        Assert.Equal(["二.(一)", "二.(二)", "一.1", "一.2", "二.3", "二.4"], plan.Tasks.Select(t => t.Path));
        Assert.StartsWith("每半年组织", plan.Tasks[1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("序号", plan.Tasks[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Prose_items_before_the_table_are_not_read_as_table_rows()
    {
        var plan = Parse();

        Assert.Empty(plan.Tasks[0].LeadUnits);
        Assert.Empty(plan.Tasks[1].LeadUnits);
    }

    [Fact]
    public void Units_glued_in_one_cell_are_split_where_each_name_ends()
    {
        var plan = Parse();

        Assert.Equal(["各处室(中心)", "各行政村(社区)"], plan.Tasks[2].LeadUnits.Concat(plan.Tasks[2].SupportingUnits));
        Assert.Equal(["政法综治处", "交通与建设处", "社会事业处", "经济发展处"], plan.Tasks[4].LeadUnits.Concat(plan.Tasks[4].SupportingUnits));
        Assert.Equal(new DateOnly(2023, 6, 30), plan.Tasks[3].Deadline);
    }

    [Theory]
    [InlineData("区管委会办公室")]
    [InlineData("区党工委管委会办公室")]
    [InlineData("省教育厅等相关部门")]
    [InlineData("区委办公室")]
    [InlineData("东庠办事处")]
    public void A_single_name_is_not_cut_inside(string name)
    {
        Assert.Equal([name], UnitNoteParser.SplitGluedCell(name));
    }

    [Fact]
    public void A_table_headed_juti_neirong_zeren_bumen_is_read_and_a_unit_cell_may_end_in_fuze()
    {
        var plan = Parser.Parse("2023年安全生产工作要点 " + Padding + "。 一、健全机制（一）深刻领会迅速部署。迅速形成落实合力。（各处室按职责分工负责） "
            + "附件：重点任务清单 序号名称类型（机制、任务等）具体内容责任部门1水上交通安全议事协调机制机制配合区直相关部门健全议事协调机制。交通与建设处、农业农村处负责"
            + "2建筑施工安全专项整治任务加强建筑现场和施工现场监管。交通与建设处负责3消防安全网格化管理机制完善基层消防安全体系。政法综治处 来源：君山片区管理局");

        Assert.Equal(4, plan.Tasks.Count);
        Assert.Equal(["交通与建设处", "农业农村处"], plan.Tasks[1].LeadUnits);
        Assert.Equal(["交通与建设处"], plan.Tasks[2].LeadUnits);
        Assert.Equal(["政法综治处"], plan.Tasks[3].LeadUnits);
    }

    [Fact]
    public void A_sentence_ending_in_fuze_after_more_than_unit_names_stays_text()
    {
        var task = Assert.Single(Parser.Parse("2023年某区工作要点\n1.加强资金保障。加强督查，区财政局负责").Tasks);

        Assert.Empty(task.LeadUnits);
        Assert.EndsWith("区财政局负责", task.Text, StringComparison.Ordinal);
    }
}

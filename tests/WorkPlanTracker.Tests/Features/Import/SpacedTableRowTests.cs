using WorkPlanTracker.Features.Import;

namespace WorkPlanTracker.Tests.Features.Import;

/// <summary>A plan table flattened to text whose cells are separated only by spaces, read under its header.</summary>
public sealed class SpacedTableRowTests
{
    private static readonly PlanTextParser Parser = new();

    private static readonly string Padding = string.Concat(Enumerable.Repeat("坚持以人民为中心的发展思想，", 20));

    private static ParsedPlan ParseOneLine(string body) =>
        Parser.Parse("2016年政务公开工作任务分解表 " + Padding + "。 " + body);

    [Fact]
    public void Reads_a_level_named_lead_column_and_a_cell_that_states_roles()
    {
        var plan = ParseOneLine(
            "工 作 任 务 党工委管委会牵头部门 本局责任处（单位） 工　作　要　求 一、推进公开 "
            + "1.全面公开权力清单 区行政审批局 综合处牵头，各处、单位配合落实 通过门户网站集中展示。 "
            + "2.推进企业信用信息公示 区市场监督管理局 区经济发展局 农业处牵头落实 公示行政许可信息。 "
            + "3.督导检查建设单位公开环评信息 水利处、海洋与渔业处 牵头落实");

        Assert.Equal(["区行政审批局", "综合处"], plan.Tasks[0].LeadUnits);
        Assert.Equal(["各处", "单位"], plan.Tasks[0].SupportingUnits);
        Assert.Equal(["区市场监督管理局", "区经济发展局", "农业处"], plan.Tasks[1].LeadUnits);
        Assert.Equal(["水利处", "海洋与渔业处"], plan.Tasks[2].LeadUnits);
    }

    [Fact]
    public void An_office_in_brackets_printed_apart_belongs_to_the_unit_before_it()
    {
        var plan = ParseOneLine(
            "工 作 任 务 党工委管委会牵头部门 本局责任处（单位） 工　作　要　求 一、提高水平 "
            + "1.做好法律法规发布 区党工委管委会办公室 （政策法规处） 综合处牵头落实 着力提升规章的发布质量。 "
            + "2.增进与公众互动交流 区党工委管委会办公室 综合处牵头落实 加强政府热线电话管理。");

        Assert.Equal(["区党工委管委会办公室(政策法规处)", "综合处"], plan.Tasks[0].LeadUnits);
        Assert.Equal(["区党工委管委会办公室", "综合处"], plan.Tasks[1].LeadUnits);
    }

    [Fact]
    public void A_row_printing_no_unit_cell_sits_in_a_merged_cell_and_takes_the_units_above()
    {
        var plan = ParseOneLine(
            "工作任务 牵头部门 责任处 工作要求 一、推进公开 "
            + "1.全面公开权力清单 区行政审批局 综合处牵头 通过门户网站集中展示。 "
            + "2.公开取消下放的审批事项 重点公开保留的许可事项清单。");

        Assert.Equal(["区行政审批局", "综合处"], plan.Tasks[1].LeadUnits);
    }

    [Fact]
    public void A_name_inside_the_title_of_a_document_is_no_unit_cell()
    {
        Assert.Empty(TableRowUnits.Find("严格按照《平潭综合实验区消防专项规划》要求，推动建设。"));
        Assert.Equal(["省发改委", "省商务厅"], TableRowUnits.Find("做好公开工作省发改委省商务厅公开市场准入。"));
    }

    [Fact]
    public void A_row_whose_title_already_ends_in_a_unit_is_not_read_as_spaced_cells()
    {
        var cells = TableRowUnits.FindSpacedCells("主动公开规划纲要。区经济发展局 区直有关单位，各片区管理局");

        Assert.Null(cells);
    }
}

/// <summary>A table with tab-separated cells in another column order, with 指导部门 and 时间节点 columns.</summary>
public sealed class TabbedTableColumnTests
{
    [Fact]
    public void A_guiding_department_column_supports_and_a_time_node_column_is_the_deadline()
    {
        var plan = new PlanTextParser().Parse(
            "2024年某市工作任务分解表\n序号\t重点任务\t时间节点\t指导部门\t责任部门\n"
            + "1\t推进高效办成一件事\t2024年9月底前\t市政府办公室\t市数据资源局\n"
            + "2\t规范事项清单\t11月-12月\t市委编办\t市司法局、市财政局\n");

        Assert.Equal(["市数据资源局"], plan.Tasks[0].LeadUnits);
        Assert.Equal(["市政府办公室"], plan.Tasks[0].SupportingUnits);
        Assert.Equal(new DateOnly(2024, 9, 30), plan.Tasks[0].Deadline);
        Assert.Equal(["市司法局", "市财政局"], plan.Tasks[1].LeadUnits);
        Assert.Equal(["市委编办"], plan.Tasks[1].SupportingUnits);
        Assert.Equal(new DateOnly(2024, 12, 31), plan.Tasks[1].Deadline);
    }
}

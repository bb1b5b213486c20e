using WorkPlanTracker.Features.Import;

namespace WorkPlanTracker.Tests.Features.Import;

/// <summary>Plans whose page lost its line breaks, with the note and table shapes real published plans use.</summary>
public sealed class OneLinePageTests
{
    private static readonly PlanTextParser Parser = new();

    // Long enough to be read as a body that lost its breaks, as a crawler stores a page.
    private static readonly string Padding = string.Concat(Enumerable.Repeat("坚持以人民为中心的发展思想，", 20));

    private static ParsedPlan ParseOneLine(string body) =>
        Parser.Parse("2024年政务公开工作要点 " + Padding + "。 " + body);

    [Fact]
    public void A_short_plan_on_one_line_is_cut_at_its_numbers_like_a_long_one()
    {
        // Under the long-line length: before, the title swallowed 一、 and the first task.
        var plan = Parser.Parse("2024年宿州市政务公开重点工作任务分工方案 一、工作任务 1.加强政策解读。（市政府办公室牵头，2024年6月底前完成） 2.做好依申请公开。（市数据资源局负责，持续推进）");

        Assert.Equal("2024年宿州市政务公开重点工作任务分工方案", plan.Title);
        Assert.Equal([("一.1", "加强政策解读。"), ("一.2", "做好依申请公开。")], plan.Tasks.Select(t => (t.Path, t.Text)));
        Assert.Equal(["市政府办公室"], plan.Tasks[0].LeadUnits);
    }

    [Fact]
    public void A_short_sentence_with_a_list_in_a_document_of_several_lines_stays_one_line()
    {
        var plan = Parser.Parse("""
            2024年政务公开工作要点
            一、工作任务
            1.做好三件事：1.公开预算；2.解读政策；3.回应关切。（县政府办公室牵头）
            """);

        var task = Assert.Single(plan.Tasks);
        Assert.Equal("做好三件事：1.公开预算；2.解读政策；3.回应关切。", task.Text);
    }

    [Fact]
    public void Finds_the_numbers_inside_running_text_and_not_amounts_quarters_or_dates()
    {
        var plan = ParseOneLine(
            "一、加强公开 1.推进预算公开。全年安排1.5亿元，第1季度完成，2024年3月1日前上报。 2.推进决策公开。做好解读。 二、强化保障 1.加强领导。明确分工。");

        Assert.Equal(["一.1", "一.2", "二.1"], plan.Tasks.Select(t => t.Path));
        Assert.Contains("1.5亿元", plan.Tasks[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Running_text_cut_at_a_few_numbers_reads_as_the_whole_line_does()
    {
        // As a PDF gives a page of running text: a visual line that happens to start at "(2)" or "(1)" breaks there.
        const string body = "三、主要任务 (一)国企改革效率提高 1.法人治理结构得到改进 (1)加快制度建设。厘清职责定位。 (2)推行任期制管理。"
            + "签订契约。 2.国有经济布局得到优化 (1)推进业务整合。做强主业。 (2)清理低效资产。 (二)国企改革效能提升 1.合规管理 "
            + "(1)提升合规管理水平。加强制度建设。 (2)强化风险防控。 2.融资机制 (1)加强资产负债匹配管理。 (2)拓宽融资渠道。";
        var whole = ParseOneLine(body);

        var cut = ParseOneLine(body.Replace(" (2)推行任期制", "\n(2)推行任期制", StringComparison.Ordinal)
            .Replace(" (1)提升合规", "\n(1)提升合规", StringComparison.Ordinal));

        Assert.Equal(8, whole.Tasks.Count);
        Assert.Equal(whole.Tasks.Select(t => t.Path), cut.Tasks.Select(t => t.Path));
    }

    [Fact]
    public void A_number_that_breaks_the_sequence_stays_in_the_sentence()
    {
        var plan = ParseOneLine("一、加强公开 1.推进预算公开，重点做好3.项工作。 2.推进决策公开。 二、强化保障。");

        Assert.Equal(["一.1", "一.2", "二"], plan.Tasks.Select(t => t.Path));
        Assert.Contains("3.项工作", plan.Tasks[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_number_missing_from_the_sequence_does_not_lose_the_items_after_it()
    {
        var plan = ParseOneLine("一、加强公开 1.推进预算公开。 2.推进决策公开。 4.推进结果公开。 5.推进执行公开。 二、强化保障 6.加强领导。");

        Assert.Equal(["一.1", "一.2", "一.4", "一.5", "二.6"], plan.Tasks.Select(t => t.Path));
    }

    [Fact]
    public void Numbering_levels_follow_the_official_order_even_when_a_short_list_comes_first()
    {
        var plan = ParseOneLine(
            "一、工作日测算 1.全年总天数365日； 2.双休日104日。 二、重点任务 (一)重点检查 1.检查加油站。责任单位：危化处。 2.检查商户。责任单位：基础处。 (二)其他工作 1.综合监管。责任单位：协调处。");

        Assert.Contains("二.(二).1", plan.Tasks.Select(t => t.Path));
        Assert.Equal(["协调处"], plan.Tasks.Single(t => t.Path == "二.(二).1").LeadUnits);
    }

    [Fact]
    public void A_guiding_principles_heading_without_units_is_a_section_not_a_task()
    {
        var plan = ParseOneLine("一、指导思想 坚持以习近平新时代中国特色社会主义思想为指导。 二、重点任务 1.推进公开。（区政府办牵头）");

        Assert.Equal(["二.1"], plan.Tasks.Select(t => t.Path));
        Assert.Contains(plan.Sections, s => s.Path == "一");
    }

    [Fact]
    public void Page_furniture_after_the_body_is_not_part_of_the_last_task()
    {
        var plan = ParseOneLine("一、加强公开。做好解读。（区财政局牵头） 来源：区政府办 附件下载 工作方案.pdf");

        var task = Assert.Single(plan.Tasks);
        Assert.DoesNotContain("来源", task.Text, StringComparison.Ordinal);
        Assert.Equal(["区财政局"], task.LeadUnits);
    }

    [Fact]
    public void A_labelled_note_sentence_without_parentheses_ends_the_task()
    {
        var plan = ParseOneLine("一、加强公开。做好政策解读。责任单位：省工信厅、财政厅，各设区市人民政府。 二、优化服务。推进一网通办。责任单位：省数据局。");

        Assert.Equal(["省工信厅", "省财政厅", "各设区市人民政府"], plan.Tasks[0].LeadUnits);
        Assert.Equal(["省数据局"], plan.Tasks[1].LeadUnits);
        Assert.DoesNotContain("责任单位", plan.Tasks[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Work_day_counts_after_units_are_not_part_of_the_names()
    {
        var plan = ParseOneLine("一、重点检查。对8家企业进行监督检查。责任单位：危化处（60日），基础处（40日）安劳支队（10日） 二、一般检查。抽查企业。责任制单位：法规处30日，协调处（5日）");

        Assert.Equal(["危化处", "基础处", "安劳支队"], plan.Tasks[0].LeadUnits);
        Assert.Equal(["法规处", "协调处"], plan.Tasks[1].LeadUnits);
    }

    [Fact]
    public void A_carry_over_rule_adds_its_unit_to_every_later_task_and_is_no_unit_itself()
    {
        var plan = ParseOneLine(
            "一、重点任务 1.开展调查。摸清底数。（区生态局牵头负责;各片区负责配合落实，以下均需各片区配合落实，不再列出） 2.开展监测。建立网络。（区生态局牵头） 二、保障措施 1.加强领导。（区生态局牵头，有关部门按职责分工负责）");

        Assert.All(plan.Tasks, t => Assert.Contains("各片区", t.SupportingUnits));
        Assert.DoesNotContain(plan.Tasks, t => t.SupportingUnits.Concat(t.LeadUnits).Any(u => u.Contains("以下", StringComparison.Ordinal)));
        Assert.Equal(["区生态局"], plan.Tasks[1].LeadUnits);
    }
}

/// <summary>Plan tables flattened to text: cells run together with no delimiter.</summary>
public sealed class FlattenedTableRowTests
{
    private static readonly PlanTextParser Parser = new();

    // The cover letter in front of the table, on the same line, as a crawler stores the page.
    private static readonly string CoverLetter = "各片区管理局，区直各单位：现将任务分解表印发给你们，" + string.Concat(Enumerable.Repeat("请认真组织实施，", 40)) + "。";

    [Fact]
    public void Unit_cells_after_the_requirement_are_split_even_when_glued()
    {
        var plan = Parser.Parse(CoverLetter
            + "2022年政务公开工作主要任务分解表工作任务工作要求牵头单位配合/责任单位一、加强信息公开1.增强政策透明度。区财政金融局区农业农村局区直有关单位，各乡镇人民政府（街道办事处）2.加强舆情回应。 区直各单位，各片区管理局");

        Assert.Equal(["区财政金融局", "区农业农村局", "区直有关单位", "各乡镇人民政府(街道办事处)"], plan.Tasks[0].LeadUnits);
        Assert.Equal(["区直各单位", "各片区管理局"], plan.Tasks[1].LeadUnits);
    }

    [Fact]
    public void Unit_cells_between_the_task_and_its_requirement_are_read_and_a_merged_row_takes_the_units_above()
    {
        var plan = Parser.Parse(CoverLetter
            + "2018年政务公开工作主要任务分解表工 作 任 务牵头单位责 任 单 位工 作 要 求一、加强公开解读"
            + "1.推进预决算公开省财政厅省审改办省政府各部门、各直属机构，各设区市政府、平潭综合实验区管委会推动市县级政府全面公开预算。"
            + "2.推进重大项目公开 3.做好清单公开省编办（省审改办）省直各部门，各设区市公开权责清单。");

        var tasks = plan.Tasks.ToDictionary(t => t.Path);
        Assert.Equal(["省财政厅", "省审改办", "省政府各部门", "各直属机构", "各设区市政府", "平潭综合实验区管委会"], tasks["一.1"].LeadUnits.Concat(tasks["一.1"].SupportingUnits));
        Assert.Equal(tasks["一.1"].LeadUnits.Concat(tasks["一.1"].SupportingUnits), tasks["一.2"].LeadUnits.Concat(tasks["一.2"].SupportingUnits));
        Assert.Equal(["省编办(省审改办)", "省直各部门", "各设区市"], tasks["一.3"].LeadUnits.Concat(tasks["一.3"].SupportingUnits));
    }

    [Fact]
    public void A_requirement_opening_with_its_own_subject_glued_to_the_last_cell_keeps_that_subject_out_of_the_units()
    {
        var plan = Parser.Parse(CoverLetter
            + "2018年政务公开工作主要任务分解表工 作 任 务牵头单位责 任 单 位工 作 要 求一、加强公开解读"
            + "1.推动实施双随机监管省工商局省政府各部门、各直属机构，各设区市政府、平潭综合实验区管委会各级各部门要制定并公布随机抽查事项清单。"
            + "2.清理整合政务热线省效能办省政府各部门，各设区市政府、平潭综合实验区管委会各设区市、平潭综合实验区管委会要按照清单整合专线电话。"
            + "3.完善政府公报机制省直各有关部门，各设区市省政府和各设区市应办好本级政府公报。"
            + "4.建立公开制度省直各有关部门，各设区市政府省教育厅、环保厅、民政厅等行业主管部门要组织开展制度制定工作。"
            + "5.轮训政务公开工作人员省人社厅省直各部门，各设区市、平潭综合实验区要围绕轮训要求制定培训计划。");

        string[] Units(int i) => [.. plan.Tasks[i].LeadUnits.Concat(plan.Tasks[i].SupportingUnits)];
        Assert.Equal(["省工商局", "省政府各部门", "各直属机构", "各设区市政府", "平潭综合实验区管委会"], Units(0));
        Assert.Equal(["省效能办", "省政府各部门", "各设区市政府", "平潭综合实验区管委会"], Units(1));
        Assert.Equal(["省直各有关部门", "各设区市"], Units(2));
        Assert.Equal(["省直各有关部门", "各设区市政府"], Units(3));
        Assert.Equal(["省人社厅", "省直各部门", "各设区市", "平潭综合实验区"], Units(4));
    }

    [Fact]
    public void A_cell_name_does_not_run_into_the_requirement_nor_start_inside_quan_sheng()
    {
        var plan = Parser.Parse(CoverLetter
            + "2017年政务公开工作主要任务分解表工作任务牵头单位责任单位工作要求一、推进公开"
            + "1.深入解读政策省直各部门，各设区市，平潭综合实验区通过新闻发布会、在线访谈等方式传递政策意图。"
            + "2.按月公开全省财政收支情况省财政厅各设区市，平潭综合实验区在门户网站集中公开财政收支信息。"
            + "3.做好农产品价格信息公开省农业厅各设区市，平潭综合实验区办好农业信息服务网。"
            + "4.权责清单及时公开省审改办省直各部门，各设区市，平潭综合实验区各级各部门的权责清单要及时向社会公开。");

        string[] Units(int i) => [.. plan.Tasks[i].LeadUnits.Concat(plan.Tasks[i].SupportingUnits)];
        Assert.Equal(["省直各部门", "各设区市", "平潭综合实验区"], Units(0));
        Assert.Equal(["省财政厅", "各设区市", "平潭综合实验区"], Units(1));
        Assert.Equal(["省农业厅", "各设区市", "平潭综合实验区"], Units(2));
        Assert.Equal(["省审改办", "省直各部门", "各设区市", "平潭综合实验区"], Units(3));
    }

    [Fact]
    public void A_lead_cell_stating_huitong_keeps_the_lead_and_its_partners()
    {
        var plan = Parser.Parse(CoverLetter
            + "2016年政务公开工作主要任务分解表工作任务牵头单位责任单位工作要求一、推进公开"
            + "1.推进面向转移落户人员的服务公开省公安厅会同省人社厅、卫计委、教育厅等相关部门，各设区市、平潭综合实验区及时公开户口迁移政策。");

        var task = Assert.Single(plan.Tasks);
        Assert.Equal(["省公安厅", "省人社厅", "卫计委", "教育厅等相关部门", "各设区市", "平潭综合实验区"], task.LeadUnits.Concat(task.SupportingUnits));
    }
}

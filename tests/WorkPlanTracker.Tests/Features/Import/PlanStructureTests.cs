using WorkPlanTracker.Features.Import;

namespace WorkPlanTracker.Tests.Features.Import;

public sealed class PlanStructureTests
{
    private static readonly PlanTextParser Parser = new();

    [Fact]
    public void Follow_on_paragraph_with_its_own_note_is_a_task_and_without_a_note_is_appended()
    {
        var plan = Parser.Parse("""
            一、工作任务
            1.加强公开。(区编委办牵头)
            抓好财政公开。(区财政局牵头)
            继续做好解读。
            抓好项目公开。(区发展改革委牵头)
            2.加强回应。(区政府办公室牵头)
            """);

        Assert.Equal(["一.1", "一.1#2", "一.1#3", "一.2"], plan.Tasks.Select(t => t.Path));
        Assert.Equal("抓好财政公开。\n继续做好解读。", plan.Tasks[1].Text);
        Assert.Equal(["区发展改革委"], plan.Tasks[2].LeadUnits);
    }

    [Fact]
    public void Headings_that_hold_items_are_sections_and_a_bare_heading_takes_the_next_paragraph()
    {
        var plan = Parser.Parse("""
            一、工作任务
            (一)履职行权公开
            1.加强公开。(区编委办牵头)
            二、保障措施
            (一)强化组织领导
            各部门要高度重视。(区政府办公室牵头)
            """);

        Assert.Equal([("一", "工作任务"), ("一.(一)", "履职行权公开"), ("二", "保障措施")], plan.Sections.Select(s => (s.Path, s.Title)));
        Assert.Equal(["一.(一).1", "二.(一)"], plan.Tasks.Select(t => t.Path));
        Assert.Equal("强化组织领导\n各部门要高度重视。", plan.Tasks[1].Text);
        Assert.Equal("强化组织领导", plan.Tasks[1].Title);
        Assert.Equal(["区政府办公室"], plan.Tasks[1].LeadUnits);
    }

    [Fact]
    public void Item_with_sub_items_and_its_own_note_stays_a_task()
    {
        // Judgement call: the note assigns work, so the item is kept as a task; its sub-items are tasks too.
        var plan = Parser.Parse("""
            一、工作任务
            1.推进基层公开。(市政府办公室牵头)
            (1)编制目录。(县区政府负责落实)
            (2)公开目录。(县区政府负责落实)
            """);

        Assert.Equal(["一"], plan.Sections.Select(s => s.Path));
        Assert.Equal(["一.1", "一.1.(1)", "一.1.(2)"], plan.Tasks.Select(t => t.Path));
    }

    [Fact]
    public void Skipped_and_repeated_numbers_are_warned_and_paths_stay_unique()
    {
        var plan = Parser.Parse("""
            一、工作任务
            1.甲。(区编委办牵头)
            2.乙。(区编委办牵头)
            2.丙。(区编委办牵头)
            5.丁。(区编委办牵头)
            """);

        Assert.Equal(["一.1", "一.2", "一.2#2", "一.5"], plan.Tasks.Select(t => t.Path));
        Assert.Contains(plan.Warnings, w => w.Path == "一.2" && w.Message.StartsWith("编号重复", StringComparison.Ordinal));
        Assert.Contains(plan.Warnings, w => w.Path == "一.5" && w.Message == "编号不连续：上一项为 2，本项为 5");
    }

    [Fact]
    public void Missing_lead_and_deadline_are_warned_per_task_when_the_plan_usually_names_them()
    {
        var plan = Parser.Parse("""
            2024年某市政务公开工作要点
            1.甲。(区编委办牵头，完成时限：2024年6月底前)
            2.乙。(区编委办牵头，完成时限：持续推进)
            3.丙。(完成时限：2024年9月底前)
            4.丁。(区财政局牵头)
            """);

        Assert.Equal([("3", "未找到牵头单位"), ("4", "未找到完成时限")], plan.Warnings.Select(w => (w.Path, w.Message)));
    }

    [Fact]
    public void A_plan_without_units_or_deadlines_gets_plan_level_warnings_only()
    {
        var plan = Parser.Parse("一、任务\n(一)甲。\n(二)乙。\n(三)丙。");

        Assert.Equal(
            [("", "全文未写明任何责任单位，需手动分配"), ("", "多数任务未写明完成时限，需手动设定")],
            plan.Warnings.Select(w => (w.Path, w.Message)));
    }

    [Fact]
    public void Web_page_noise_and_preamble_are_not_tasks()
    {
        var plan = Parser.Parse("""
            不支持Flash
            通知公告
            西市区2018年政务公开工作要点
            [发布时间:2018-08-23 10:56:28 ][阅读次数:247 次]
            当前位置:首页 > 政务公开
            發布機構: 宿州市政府辦公室
            來源:宿州市政府辦公室 瀏覽量: 發表時間:2024-05-24 15:06
            2018年,全区政务公开工作要坚持以公开为常态。(区政府办公室牵头)
            一、工作任务
            1.加强公开。(区编委办牵头)
            [打印本页]  [关闭本页]
            扫一扫在手机打开当前页
            """);

        var task = Assert.Single(plan.Tasks);
        Assert.Equal("加强公开。", task.Text);
        Assert.Equal("西市区2018年政务公开工作要点", plan.Title);
    }

    [Fact]
    public void The_site_footer_of_a_printed_or_copied_page_is_no_unit_of_the_last_task()
    {
        var plan = Parser.Parse("""
            一、工作任务
            1.加强公开。(区编委办牵头)
            2.做好解读。
            【打印本页】 【关闭窗口】
            主办单位：某某市人民政府办公室 网站标识码：3501000001 闽ICP备05012345号
            版权所有：某某市人民政府 技术支持：某某公司
            """);

        Assert.Equal(2, plan.Tasks.Count);
        Assert.Equal("做好解读。", plan.Tasks[1].Text);
        Assert.Empty(plan.Tasks[1].LeadUnits);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Page_numbers_and_the_closing_block_of_a_document_copied_from_its_pdf_stay_out_of_the_tasks(bool lineBreaksLost)
    {
        var text = """
            宿州市人民政府办公室文件
            宿政办发〔2024〕3号
            2024年宿州市政务公开重点工作任务分工方案
            一、工作任务
            1.加强政策解读。（市政府办公室牵头，2024年6月底前完成）
            2.做好依申请公开。（市数据资源局负责，持续推进）
            — 1 —
            3.推进基层公开。（各县区政府负责，2024年12月底前完成）
            第2页 共3页
            抄送：市委各部门，市人大常委会办公室，市政协办公室，市法院，市检察院。
            宿州市人民政府办公室                    2024年5月20日印发
            """;

        var plan = Parser.Parse(lineBreaksLost ? text.ReplaceLineEndings(" ") : text);

        Assert.Equal(["加强政策解读。", "做好依申请公开。", "推进基层公开。"], plan.Tasks.Select(t => t.Text));
        Assert.Equal(["各县区政府"], plan.Tasks[2].LeadUnits);
        Assert.Empty(plan.Tasks[2].SupportingUnits);
    }

    [Fact]
    public void A_division_of_duties_paragraph_is_no_task_and_a_duty_list_under_that_heading_is()
    {
        var told = Parser.Parse("""
            一、工作任务
            (一)梳理权力清单。(区编委办牵头)
            二、职责分工在区党工委统一领导下，由区纪工委、区财政金融局等部门共同牵头。具体任务分工如下：区纪工委负责监督检查。
            """);
        var listed = Parser.Parse("""
            一、工作任务
            (一)梳理权力清单。(区编委办牵头)
            二、职责分工
            1.区纪工委：监督检查。
            """);

        Assert.Equal(["一.(一)"], told.Tasks.Select(t => t.Path));
        Assert.Contains(told.Sections, s => s.Path == "二");
        Assert.Equal(["一.(一)", "二.1"], listed.Tasks.Select(t => t.Path));
        Assert.Equal(["区纪工委"], listed.Tasks[1].LeadUnits);
    }

    [Fact]
    public void A_role_note_after_a_full_stop_mid_line_is_the_items_note_and_an_aside_is_not()
    {
        var plan = Parser.Parse("""
            2016年政务公开工作实施方案
            (一)完善激励问责机制。对落实不到位的部门予以通报。(驻局纪检组牵头落实)各牵头处室要将落实情况报送局办公室。
            (二)组织全员培训。(含各片区)开展分级培训。
            """);

        Assert.Equal(["驻局纪检组"], plan.Tasks[0].LeadUnits);
        Assert.Contains("各牵头处室要将落实情况报送局办公室", plan.Tasks[0].Text, StringComparison.Ordinal);
        Assert.Empty(plan.Tasks[1].LeadUnits);
        Assert.Contains("(含各片区)开展分级培训", plan.Tasks[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_labelled_note_closed_by_its_work_day_count_ends_the_item_even_when_text_runs_on()
    {
        var plan = Parser.Parse("""
            2022年安全生产监督检查计划
            (1)对5家重点监管企业进行监督检查。责任单位：基础处(30日)以上企业根据年度工作安排适时确定检查时间。
            (2)对危险化学品企业进行检查。责任单位：危化处(60日)，基础处(104日)
            """);

        Assert.Equal(["基础处"], plan.Tasks[0].LeadUnits);
        Assert.Equal(["危化处", "基础处"], plan.Tasks[1].LeadUnits);
    }

    [Fact]
    public void Reads_canonical_table_lines_under_a_section_heading()
    {
        var plan = Parser.Parse("""
            一、围绕中心工作抓好主动公开
            3. 助力优化政务服务(牵头单位:市数据资源局;责任单位:县区政府、市政府部门;完成时限:2024年7月底前)
            4. 做好解读(牵头单位:市政府办公室、市司法局;完成时限:持续推进)
            """);

        Assert.Equal(["一"], plan.Sections.Select(s => s.Path));
        var first = plan.Tasks[0];
        Assert.Equal(("一.3", "助力优化政务服务"), (first.Path, first.Title));
        Assert.Equal(["市数据资源局"], first.LeadUnits);
        Assert.Equal(["县区政府", "市政府部门"], first.SupportingUnits);
        Assert.Equal((new DateOnly(2024, 7, 31), "2024年7月底前"), (first.Deadline!.Value, first.DeadlineText));
        Assert.Equal(["市政府办公室", "市司法局"], plan.Tasks[1].LeadUnits);
        Assert.True(plan.Tasks[1].Ongoing);
    }

    [Fact]
    public void Reads_a_tab_separated_table_with_a_header_line()
    {
        var plan = Parser.Parse(
            "序号\t工作任务\t牵头单位\t责任单位\t完成时限\n"
            + "1\t加强行政权力事项公开\t区编委办\t区财政局、区国资委\t2024年12月底前\n"
            + "2\t做好政策解读\t\t区政府各部门\t持续推进\n");

        Assert.Equal(["1", "2"], plan.Tasks.Select(t => t.Path));
        Assert.Equal("加强行政权力事项公开", plan.Tasks[0].Text);
        Assert.Equal(["区编委办"], plan.Tasks[0].LeadUnits);
        Assert.Equal(["区财政局", "区国资委"], plan.Tasks[0].SupportingUnits);
        Assert.Equal(new DateOnly(2024, 12, 31), plan.Tasks[0].Deadline);
        Assert.Equal(["区政府各部门"], plan.Tasks[1].LeadUnits);
        Assert.True(plan.Tasks[1].Ongoing);
    }

    [Fact]
    public void Reads_a_table_row_flattened_to_one_line_with_spaces()
    {
        var plan = Parser.Parse("一、工作任务\n1 加强行政权力事项公开 做好清单调整 区编委办 区财政局 2024年12月底前");

        var task = Assert.Single(plan.Tasks);
        Assert.Equal("一.1", task.Path);
        Assert.Equal("加强行政权力事项公开做好清单调整", task.Text);
        Assert.Equal(["区编委办"], task.LeadUnits);
        Assert.Equal(["区财政局"], task.SupportingUnits);
        Assert.Equal(new DateOnly(2024, 12, 31), task.Deadline);
    }

    [Fact]
    public void Text_that_is_not_a_plan_yields_a_warning_and_no_tasks()
    {
        var plan = Parser.Parse("这是一段没有编号的文字。");

        Assert.Empty(plan.Tasks);
        Assert.Single(plan.Warnings);
    }
}

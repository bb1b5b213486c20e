using WorkPlanTracker.Features.Import;

namespace WorkPlanTracker.Tests.Features.Import;

/// <summary>One unit note after the last sub-item of a group names the units of every sub-item of that group.</summary>
public sealed class GroupNoteTests
{
    private static readonly PlanTextParser Parser = new();

    [Fact]
    public void Steps_under_a_task_with_a_note_are_done_by_its_units_by_its_deadline_unless_they_name_their_own()
    {
        var plan = Parser.Parse("""
            某县2024年政务公开工作要点
            一、工作任务
            1.加强政策解读。（县政府办公室牵头，县融媒体中心配合，2024年6月底前）
            （1）做好政策文件解读，解读材料与文件同步发布。
            （2）开展政策吹风会。（县委宣传部负责，2024年9月底前）
            2.做好依申请公开。
            （1）规范办理流程。
            """);

        Assert.Equal(
            [
                ("一.1", "县政府办公室", "县融媒体中心", "2024-06-30"),
                ("一.1.(1)", "县政府办公室", "县融媒体中心", "2024-06-30"),
                ("一.1.(2)", "县委宣传部", "", "2024-09-30"),
                ("一.2.(1)", "", "", ""),
            ],
            plan.Tasks.Select(t => (t.Path, string.Join("、", t.LeadUnits), string.Join("、", t.SupportingUnits), $"{t.Deadline:yyyy-MM-dd}")));
    }

    [Fact]
    public void A_note_after_the_last_sub_item_covers_the_whole_group_but_not_the_next_group()
    {
        var plan = Parser.Parse("""
            2019年乡村旅游行动方案
            一、重点任务
            (一)编制规划
            1.打造延伸产品。推进特色村建设。
            2.推动景村一体化。打造精品线路。(责任单位：区旅游委、规划局)
            (二)提升设施
            1.乡村旅游公路。加快改造提升。(责任单位：交通局)
            2.游客服务中心。新建游客中心。(责任单位：旅游集团)
            """);

        Assert.Equal(["区旅游委", "区规划局"], plan.Tasks.Single(t => t.Path == "一.(一).1").LeadUnits);
        Assert.Equal(["交通局"], plan.Tasks.Single(t => t.Path == "一.(二).1").LeadUnits);
    }

    [Fact]
    public void A_heading_sentence_with_its_full_stop_takes_the_paragraph_and_note_below_it()
    {
        var plan = Parser.Parse("""
            数智供应链专项行动计划
            二、重点领域
            （一）提升农业供应链组织水平。
            发展智慧农业，深入实施农产品出村进城工程，夯实农业数智供应链发展基础。
            （农业农村部、商务部按职责分工负责）
            （二）促进制造业供应链智能发展。
            深入实施智能制造工程，协同打造一批智能工厂。
            （工业和信息化部负责）
            """);

        Assert.Equal(["二.(一)", "二.(二)"], plan.Tasks.Select(t => t.Path));
        Assert.Equal(["农业农村部", "商务部"], plan.Tasks[0].LeadUnits);
        Assert.Contains("发展智慧农业", plan.Tasks[0].Text, StringComparison.Ordinal);
        Assert.Equal(["工业和信息化部"], plan.Tasks[1].LeadUnits);
    }

    [Fact]
    public void An_item_printed_twice_in_a_row_is_one_task_with_a_warning()
    {
        var plan = Parser.Parse("""
            数智供应链专项行动计划
            三、主要任务
            （九）建设数智供应链控制塔。支持利用物联网、人工智能等技术，打造供应链智能管理和决策系统。（国家发展改革委、商务部按职责分工负责）
            （九）建设数智供应链控制塔。支持利用物联网、人工智能等技术，打造供应链智能管理和决策系统。（国家发展改革委、商务部按职责分工负责）
            （十）创新数智供应链底层技术。加快补齐底层技术短板，完善数智基础设施布局。（国家数据局负责）
            """);

        Assert.Equal(2, plan.Tasks.Count);
        Assert.Equal(["国家数据局"], plan.Tasks[1].LeadUnits);
        Assert.Contains(plan.Warnings, w => w.Message.Contains("重复印出", StringComparison.Ordinal));
    }

    [Fact]
    public void A_note_after_a_list_inside_one_sentence_is_not_shared_by_its_entries()
    {
        var plan = Parser.Parse("""
            2017年便民措施
            一、推进自助办理
            1.办理通行证自助申请；
            2.通行证自助缴费。(牵头单位：区公安局)
            """);

        Assert.Empty(plan.Tasks.Single(t => t.Path == "一.1").LeadUnits);
    }

    [Fact]
    public void A_note_after_entries_that_all_end_in_semicolons_covers_every_entry()
    {
        var plan = Parser.Parse("""
            2022年安全生产监督检查计划
            4.组织生产安全事故调查和处理
            （1）根据职责牵头组织一般和较大生产安全事故调查，提交事故调查报告；
            （2）事故调查报告以我局名义报区管委会批复，督促整改落实；责任单位：协调处（20日），安基处（380日）
            """);

        Assert.Equal(["协调处", "安基处"], plan.Tasks[0].LeadUnits);
        Assert.Equal(["协调处", "安基处"], plan.Tasks[1].LeadUnits);
    }

    [Fact]
    public void Roles_the_last_item_states_in_its_own_sentence_are_not_shared_with_the_items_before_it()
    {
        var plan = Parser.Parse("""
            2023年十一整治方案
            一、环境卫生整治
            1.摸排阶段。各网格长抽调人员形成专项工作队，形成问题清单。
            2.整治阶段。针对问题清单进行限时整改。
            3.巡查阶段。由社会事业处牵头，组织交通与建设处开展专项巡查。
            """);

        Assert.All(plan.Tasks.Take(2), t => Assert.Empty(t.LeadUnits.Concat(t.SupportingUnits)));
        Assert.Equal(["社会事业处"], plan.Tasks[2].LeadUnits);
    }

    [Fact]
    public void Each_point_of_a_tasks_yishi_ershi_list_may_carry_its_note_and_the_task_takes_them_all()
    {
        var padding = string.Concat(Enumerable.Repeat("坚持人民至上、生命至上理念，", 20));
        var plan = Parser.Parse("2023年安全生产工作要点 " + padding + "。 一、抓实分类整治（一）开展水上运输安全专项整治。一是健全水上交通安全议事协调机制。（交通与建设处、农业农村处负责）"
            + "二是深化“商渔共治”专项行动。（农业农村处负责）三是配合区旅游文体局建立准入机制。（经济发展处负责）"
            + "（二）开展建筑施工安全专项整治。加强施工现场监管。（交通与建设处负责）");

        Assert.Equal(["一.(一)", "一.(二)"], plan.Tasks.Select(t => t.Path));
        Assert.Equal(["交通与建设处", "农业农村处", "经济发展处"], plan.Tasks[0].LeadUnits);
        Assert.Contains("三是配合区旅游文体局", plan.Tasks[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_paragraph_with_its_own_note_that_is_no_point_of_a_list_stays_an_item_of_its_own()
    {
        var plan = Parser.Parse("""
            2023年安全生产工作要点
            （一）健全水上交通安全议事协调机制。（交通与建设处负责）
            深化“商渔共治”专项行动，加大联合打击力度。（农业农村处负责）
            """);

        Assert.Equal(2, plan.Tasks.Count);
        Assert.Equal(["交通与建设处"], plan.Tasks[0].LeadUnits);
        Assert.Equal(["农业农村处"], plan.Tasks[1].LeadUnits);
    }

    [Fact]
    public void Role_notes_ending_the_clauses_of_a_list_in_a_task_closed_by_a_note_name_its_units_too()
    {
        var task = Assert.Single(Parser.Parse("2023年安全生产工作要点\n（一）加快安全屏障建设。持续推动乡镇船舶安装定位仪（农业农村处负责）；"
            + "组建、充实岸线巡防队伍（各联合党委负责）；推动高危领域重点企业落实安责险（各有关处室按职责分工负责）；"
            + "巩固提升安全主题公园建设成果。（政法综治处负责）").Tasks);

        Assert.Equal(["政法综治处", "农业农村处", "各联合党委"], task.LeadUnits);
    }

    [Fact]
    public void An_aside_in_brackets_before_a_semicolon_names_no_unit()
    {
        var task = Assert.Single(Parser.Parse("2023年安全生产工作要点\n（一）完善制度。落实《安全生产责任制规定》（闽政办〔2023〕5号）；"
            + "修订应急预案（2023年版）；组织应急演练。（政法综治处负责）").Tasks);

        Assert.Equal(["政法综治处"], task.LeadUnits);
        Assert.Empty(task.SupportingUnits);
    }
}

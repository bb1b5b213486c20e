using WorkPlanTracker.Features.Import;

namespace WorkPlanTracker.Tests.Features.Import;

/// <summary>Labels printed one after another with spaces (牵头单位：X 配合单位：Y 试点单位：… 完成时间：…), as plan 26 prints them.</summary>
public sealed class LabelledNoteTests
{
    private static readonly PlanTextParser Parser = new();

    // As a plan written in Word gives them: each label on a line of its own under the task. Before, they were read as
    // text of the task, and a task without labels took the note of the next one.
    [Fact]
    public void Labels_on_lines_of_their_own_under_a_task_are_its_note()
    {
        var plan = Parser.Parse("""
            某市2024年政务公开重点工作任务分工方案
            一、加强政策解读
            1、深入解读重要政策。围绕市委市政府重大决策部署，及时做好解读。
            牵头单位：市政府办公室
            配合单位：市直各部门、各县区政府
            完成时限：2024年12月底前
            2、积极回应社会关切。
            责任单位：市委网信办、市政府办公室
            完成时限：持续推进
            二、深化重点领域公开
            3、推进财政信息公开。
            牵头部门：市财政局    配合部门：各乡镇人民政府    时间节点：2024年6月30日前
            4、推进重大建设项目信息公开。（市发展改革委牵头，2024年9月底前完成）
            """);

        Assert.Equal(
            [
                ("深入解读重要政策。围绕市委市政府重大决策部署，及时做好解读。", "市政府办公室", "市直各部门、各县区政府", "2024-12-31"),
                ("积极回应社会关切。", "市委网信办、市政府办公室", "", "持续推进"),
                ("推进财政信息公开。", "市财政局", "各乡镇人民政府", "2024-06-30"),
                ("推进重大建设项目信息公开。", "市发展改革委", "", "2024-09-30"),
            ],
            plan.Tasks.Select(t => (t.Text, string.Join("、", t.LeadUnits), string.Join("、", t.SupportingUnits), t.Ongoing ? "持续推进" : $"{t.Deadline:yyyy-MM-dd}")));
        Assert.Empty(plan.Warnings);
    }

    [Fact]
    public void Notes_in_square_brackets_and_a_deadline_in_brackets_of_its_own_are_read_like_one_note()
    {
        var plan = Parser.Parse("""
            某县2024年政务公开工作要点
            1.加强政策解读。及时发布解读材料。【责任单位：县政府办公室】
            2.做好依申请公开。【牵头单位：县数据资源局；配合单位：各乡镇】【完成时限：2024年6月底前】
            3.推进基层公开。（县政务服务中心牵头）（2024年9月底前）
            4.做好【政策问答】栏目。
            """);

        Assert.Equal(
            [
                ("加强政策解读。及时发布解读材料。", "县政府办公室", "", ""),
                ("做好依申请公开。", "县数据资源局", "各乡镇", "2024-06-30"),
                ("推进基层公开。", "县政务服务中心", "", "2024-09-30"),
                ("做好【政策问答】栏目。", "", "", ""),
            ],
            plan.Tasks.Select(t => (t.Text, string.Join("、", t.LeadUnits), string.Join("、", t.SupportingUnits), $"{t.Deadline:yyyy-MM-dd}")));
    }

    [Fact]
    public void A_role_note_standing_before_the_tasks_text_is_its_note_and_an_aside_there_stays_text()
    {
        var plan = Parser.Parse("""
            某市2024年政务公开工作要点
            一、工作任务
            1.（市政府办公室牵头，各县（市、区）人民政府配合）加强政策解读，及时发布解读材料。2024年6月底前完成。
            2.（试行）建立政务公开考核办法。（市政府办公室负责）
            """);

        Assert.Equal(
            [
                ("加强政策解读，及时发布解读材料。2024年6月底前完成。", "市政府办公室", "各县(市、区)人民政府"),
                ("(试行)建立政务公开考核办法。", "市政府办公室", ""),
            ],
            plan.Tasks.Select(t => (t.Text, string.Join("、", t.LeadUnits), string.Join("、", t.SupportingUnits))));
    }

    [Fact]
    public void A_responsible_list_marking_its_lead_in_brackets_names_that_unit_lead_and_the_others_supporting()
    {
        var task = Assert.Single(Parser.Parse("一、工作任务\n1.积极回应社会关切。责任单位：县委网信办（牵头）、县政府办公室、县融媒体中心").Tasks);

        Assert.Equal(["县委网信办"], task.LeadUnits);
        Assert.Equal(["县政府办公室", "县融媒体中心"], task.SupportingUnits);
    }

    [Fact]
    public void A_line_that_only_mentions_a_label_word_inside_a_sentence_stays_a_paragraph_of_its_own()
    {
        var plan = Parser.Parse("""
            一、工作任务
            1.加强政策解读。（县政府办公室牵头）
            牵头单位要于每季度末报送进展，完成时间以本方案为准。
            """);

        // A label needs its colon: 牵头单位要于… is a sentence about the lead units, not a note of the task above.
        var task = Assert.Single(plan.Tasks);
        Assert.Equal(["县政府办公室"], task.LeadUnits);
        Assert.Empty(task.SupportingUnits);
        Assert.Null(task.Deadline);
    }

    [Fact]
    public void Pilot_units_listed_by_batch_support_and_the_batch_dates_are_no_units()
    {
        var task = Assert.Single(Parser.Parse("2017年改革措施\n一、实施档案电子化 推进全区档案电子化工程。 牵头单位：区行政审批局、智慧岛服务管理中心 "
            + "试点单位：第一批：区管委会办公室（档案局）、市场监督管理局，2017年12月底前完成；第二批：区党群工作部、规划局，2018年6月底前完成；"
            + "第三批：其他区直部门，2018年12月底前完成。").Tasks);

        Assert.Equal(["区行政审批局", "智慧岛服务管理中心"], task.LeadUnits);
        Assert.Equal(["区管委会办公室(档案局)", "区市场监督管理局", "区党群工作部", "区规划局", "其他区直部门"], task.SupportingUnits);
        Assert.Equal(new DateOnly(2018, 12, 31), task.Deadline);
    }

    [Fact]
    public void Space_separated_labels_with_a_supporting_department_label_and_a_completion_time()
    {
        var task = Assert.Single(Parser.Parse("2017年改革措施\n三、创新广告审批方式 将广告集成并进行公共资源交易。 牵头单位：区交通与建设局 "
            + "配合部门：区市场监督管理局、综合执法局 完成时间：2018年6月底前完成").Tasks);

        Assert.Equal(["区交通与建设局"], task.LeadUnits);
        Assert.Equal(["区市场监督管理局", "区综合执法局"], task.SupportingUnits);
        Assert.Equal(new DateOnly(2018, 6, 30), task.Deadline);
    }

    [Fact]
    public void A_sentence_ending_in_jin_xing_is_no_unit_and_a_bank_branch_is()
    {
        var plan = Parser.Parse("2015年考核方案\n1.考核形式。由责任单位自查。\n2.考核程序。年中考核在7月。年终全面考核按以下程序进行。\n"
            + "3.推广自助缴费。在医院引入自助结算终端机。人民银行平潭支行");

        Assert.Empty(plan.Tasks[0].LeadUnits);
        Assert.Empty(plan.Tasks[1].LeadUnits);
        Assert.Equal(["人民银行平潭支行"], plan.Tasks[2].LeadUnits);
    }
}

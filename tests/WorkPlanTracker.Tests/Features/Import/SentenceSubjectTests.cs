using WorkPlanTracker.Features.Import;

namespace WorkPlanTracker.Tests.Features.Import;

/// <summary>
/// Units a plan names only as the subjects of a task's sentences (corpus plans 17, 25, 31–35), read only when the
/// plan states roles nowhere else, and proposed to the reviewer rather than taken as the task's units.
/// </summary>
public sealed class SentenceSubjectTests
{
    private static readonly PlanTextParser Parser = new();

    private static ParsedTask Only(string items) =>
        Assert.Single(Parser.Parse("2022年某市工作方案\n" + items).Tasks);

    [Fact]
    public void A_county_government_as_the_subject_of_yao_leads()
    {
        var task = Only("一、推进乡镇敬老院规划建设。依照《老年养护院建设标准》等标准，各县（区）人民政府要对规模小、条件差的乡镇敬老院加快推进新建、改建或扩建。");

        Assert.Equal(["各县(区)人民政府"], task.SuggestedLeadUnits);
        Assert.Empty(task.SuggestedSupportingUnits);
    }

    [Fact]
    public void A_list_joined_by_dun_before_yao_names_every_unit()
    {
        var task = Only("（一）强化宣传引领。各处室、各行政村要深入总结推广经验做法，加大宣传力度。");

        Assert.Equal(["各处室", "各行政村"], task.SuggestedLeadUnits);
    }

    [Fact]
    public void Subjects_before_other_verbs_and_after_you_count()
    {
        var plan = Parser.Parse("2022年某区迎评工作方案\n"
            + "1.制定工作方案。由区社会事业局、区社会事业中心起草迎评工作方案，报区管委会审定同意后印发。\n"
            + "2.开展专项督查。区迎评工作领导小组适时组织开展专项督导。\n"
            + "3.完成资料上传。根据督导意见，统一由区迎评工作领导小组办公室按要求上传到省系统。\n"
            + "4.建立信用记录。税务总局以自然人纳税人识别号为唯一标识，研究制定管理办法。");

        Assert.Equal(["区社会事业局", "区社会事业中心"], plan.Tasks[0].SuggestedLeadUnits);
        Assert.Equal(["区迎评工作领导小组"], plan.Tasks[1].SuggestedLeadUnits);
        Assert.Equal(["区迎评工作领导小组办公室"], plan.Tasks[2].SuggestedLeadUnits);
        Assert.Equal(["税务总局"], plan.Tasks[3].SuggestedLeadUnits);
    }

    [Fact]
    public void You_X_qiantou_Y_peihe_makes_Y_a_supporting_unit()
    {
        var task = Only("1.拓展农产品销售渠道。由市商务局牵头，市农业农村局、市供销社配合，组织开展产销对接活动。");

        Assert.Equal(["市商务局"], task.LeadUnits);
        Assert.Equal(["市农业农村局", "市供销社"], task.SupportingUnits);
    }

    [Fact]
    public void Other_departments_helping_a_lead_name_nobody()
    {
        var task = Only("1.拓展农产品销售渠道。由市商务局牵头，其他相关部门配合，组织开展产销对接活动。");

        Assert.Equal(["市商务局"], task.LeadUnits);
        Assert.Empty(task.SupportingUnits);
    }

    [Fact]
    public void A_subject_that_works_huitong_another_makes_it_a_supporting_unit()
    {
        var task = Only("1.完善考核办法。市发展改革委会同市统计局研究制定考核办法。");

        Assert.Equal(["市发展改革委"], task.SuggestedLeadUnits);
        Assert.Equal(["市统计局"], task.SuggestedSupportingUnits);
    }

    [Fact]
    public void A_long_subject_list_ending_in_a_catch_all_leads_and_the_other_departments_name_nobody()
    {
        var task = Only("二、部门自查省级部门要按照职责分工进行深入自查。19个方面督查重点，所涉及的省政府办公厅、住房城乡建设厅、省发展改革委、环境保护厅、民政厅、省经济和信息化委等省级主管部门（单位）要完成自查报告，其他相关部门（单位）配合。");

        Assert.Equal(["省政府办公厅", "省住房城乡建设厅", "省发展改革委", "省环境保护厅", "省民政厅", "省经济和信息化委"], task.SuggestedLeadUnits);
        Assert.Empty(task.SuggestedSupportingUnits);
    }

    [Fact]
    public void A_list_broken_by_commas_within_one_sentence_counts_whole()
    {
        var task = Only("（二）加强统筹，协同配合。国家发展改革委、国家数据局结合业务场景，加强工作指导；各试点地区发展改革委、数据管理部门、交通运输厅（局、委），海关总署相关直属海关，相关铁路局集团公司要加强统筹协调。");

        Assert.Equal(["国家发展改革委", "国家数据局", "各试点地区发展改革委", "数据管理部门", "交通运输厅(局、委)", "海关总署相关直属海关", "相关铁路局集团公司"], task.SuggestedLeadUnits);
    }

    [Fact]
    public void A_list_after_qing_is_a_request_not_a_subject()
    {
        var task = Only("（三）及时总结。请各试点地区发展改革委，海关总署相关直属海关，相关地区铁路监督管理局分别明确一名工作联络人。");

        Assert.Empty(task.SuggestedLeadUnits);
    }

    [Fact]
    public void A_year_before_a_village_list_and_the_catch_all_after_it_are_dropped()
    {
        var task = Only("（一）科学编制清单内容。2022年北港村、大坪村、芦北村、孝北村等4个乡村治理示范村作为省定试点单位，开展推广运用清单制试点。");

        Assert.Equal(["北港村", "大坪村", "芦北村", "孝北村"], task.SuggestedLeadUnits);
    }

    [Fact]
    public void Either_of_two_units_joined_by_huo_is_a_unit()
    {
        var task = Only("七、加强管理人员考核。县（区）民政部门或乡镇人民政府要加强对乡镇敬老院管理人员的规范管理。");

        Assert.Equal(["县(区)民政部门", "乡镇人民政府"], task.SuggestedLeadUnits);
    }

    [Fact]
    public void A_short_name_for_a_government_already_named_in_full_is_not_a_second_unit()
    {
        var task = Only("八、做好消防改造工作。县（区）人民政府要加强协调调度。因手续问题未能通过消防审验的，由属地县（区）政府按规定集中研究处理。");

        Assert.Equal(["县(区)人民政府"], task.SuggestedLeadUnits);
    }

    [Fact]
    public void The_places_a_notice_addresses_are_units_and_a_catch_all_is_not()
    {
        var task = Only("（一）加强组织领导。各地区、各部门要统筹实施纳税信用管理工作。相关部门应提供更多服务便利。");

        Assert.Equal(["各地区", "各部门"], task.SuggestedLeadUnits);
    }

    [Fact]
    public void Ge_youguan_danwei_counts_only_when_no_one_more_specific_is_named()
    {
        var plan = Parser.Parse("2022年某区迎评工作方案\n"
            + "1.制定整改措施。各有关单位要针对自查中存在的主要问题研究制定整改措施。\n"
            + "2.密切部门协作。片区各有关处室要将清单制作为重要抓手。片区党群工作处、社会事业处等相关处室要按照各自职责加强工作指导。");

        Assert.Equal(["各有关单位"], plan.Tasks[0].SuggestedLeadUnits);
        Assert.Equal(["片区党群工作处", "社会事业处"], plan.Tasks[1].SuggestedLeadUnits);
    }

    [Theory]
    [InlineData("各地要加强统筹，抓好落实。")]
    [InlineData("政府信息公开工作要坚持以公开为常态、不公开为例外。")]
    [InlineData("有关单位要按要求报送材料。")]
    [InlineData("各级各部门要高度重视政务公开工作。")]
    [InlineData("乡镇敬老院要从兜底保障服务机构向区域养老服务中心转型。")]
    [InlineData("鼓励行政管理部门在颁发荣誉证书时将其作为参考因素。")]
    [InlineData("到2022年底前，各县（区）在运营的乡镇敬老院入住率达到60%以上。")]
    [InlineData("基层干部要担当作为。")]
    [InlineData("把党的二十大有关重大决策部署落实到普法工作中。")]
    [InlineData("全面落实企业党委前置研究讨论重大经营管理事项。")]
    public void Near_misses_are_no_units(string sentence)
    {
        var task = Only("1.做好有关工作。" + sentence);

        Assert.Empty(task.SuggestedLeadUnits);
        Assert.Empty(task.SuggestedSupportingUnits);
    }

    [Fact]
    public void A_unit_that_only_helps_with_no_one_named_to_lead_is_no_unit_of_the_task()
    {
        var task = Only("（一）强化组织领导。明确秘书处负责监督、考核的工作机制，各业务处室负责提供相关政务信息，省人防信息保障中心配合开展工作。");

        Assert.Empty(task.SuggestedLeadUnits);
        Assert.Empty(task.SuggestedSupportingUnits);
    }

    [Fact]
    public void Units_read_from_subjects_are_proposed_with_one_plan_level_warning_and_leave_the_units_empty()
    {
        var plan = Parser.Parse("2022年某市工作方案\n1.推进规划建设。各县（区）人民政府要加快推进新建。\n2.提升居住环境。对乡镇敬老院实施改造提升。");

        var warning = Assert.Single(plan.Warnings, w => w.Path == "" && w.Message.Contains("单位", StringComparison.Ordinal));
        Assert.Contains("已列为建议", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(plan.Warnings, w => w.Message == "全文未写明任何责任单位，需手动分配");
        Assert.All(plan.Tasks, t => Assert.Empty(t.LeadUnits));
        Assert.Equal(["各县(区)人民政府"], plan.Tasks[0].SuggestedLeadUnits);
        Assert.Empty(plan.Tasks[1].SuggestedLeadUnits);
    }

    [Fact]
    public void The_reviewer_adopts_a_tasks_suggestion_or_all_of_them_and_the_suggestion_issue_goes()
    {
        var plan = Parser.Parse("2022年某市工作方案\n"
            + "1.推进规划建设。各县（区）人民政府要加快推进新建。\n"
            + "2.完善考核办法。市发展改革委会同市统计局研究制定考核办法。\n"
            + "3.提升居住环境。对乡镇敬老院实施改造提升。");
        var review = new ImportReview(plan, new PlanDocumentSummary("t.txt", "text", "UTF-8", ""), [], [], null);
        var first = plan.Tasks[0];

        var suggestion = Assert.Single(review.IssuesFor(first, review.Pass()), i => i.Action == TaskIssueAction.AdoptSuggestedUnits);
        Assert.Contains("各县(区)人民政府", suggestion.Message, StringComparison.Ordinal);
        Assert.Equal(2, review.TasksWithSuggestedUnits);

        ImportReview.AdoptSuggestedUnits(first);

        Assert.Equal(["各县(区)人民政府"], first.LeadUnits);
        Assert.DoesNotContain(review.IssuesFor(first, review.Pass()), i => i.Action == TaskIssueAction.AdoptSuggestedUnits);
        Assert.Equal(1, review.TasksWithSuggestedUnits);

        review.AdoptAllSuggestedUnits();

        Assert.Equal(["市发展改革委"], plan.Tasks[1].LeadUnits);
        Assert.Equal(["市统计局"], plan.Tasks[1].SupportingUnits);
        Assert.Empty(plan.Tasks[2].LeadUnits);
        Assert.Equal(0, review.TasksWithSuggestedUnits);
    }

    [Fact]
    public void A_plan_that_assigns_work_in_notes_does_not_read_its_sentences_subjects()
    {
        var plan = Parser.Parse("2023年某片区工作要点\n"
            + "（一）实时发布预警信息。片区森防办要根据指令及时转发预警信息。（牵头单位：资源生态处）\n"
            + "（二）加强宣传教育。各处室、各行政村要广泛开展宣传。");

        Assert.Equal(["资源生态处"], plan.Tasks[0].LeadUnits);
        Assert.Empty(plan.Tasks[1].LeadUnits);
    }

    [Fact]
    public void A_contact_in_brackets_after_a_sentence_is_no_unit_note()
    {
        var plan = Parser.Parse("2022年某区迎评工作方案\n"
            + "1.开展自查摸底。各有关单位对照评估标准开展自查。\n"
            + "2.建立明细台账。各单位于2022年4月4日前将台账报送区迎评工作领导小组办公室。办公室依托在区社会事业中心教育督导室（联系人：薛玉婷，联系电话：24318548）。");

        Assert.Equal(["各有关单位"], plan.Tasks[0].SuggestedLeadUnits);
        Assert.Empty(plan.Tasks[1].SuggestedLeadUnits);
    }
}

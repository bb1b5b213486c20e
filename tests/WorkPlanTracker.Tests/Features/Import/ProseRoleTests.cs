using WorkPlanTracker.Features.Import;

namespace WorkPlanTracker.Tests.Features.Import;

/// <summary>Roles stated in the task's own prose when it carries no note.</summary>
public sealed class ProseRoleTests
{
    private static readonly PlanTextParser Parser = new();

    private static readonly string Padding = string.Concat(Enumerable.Repeat("坚持以人民为中心的发展思想，", 20));

    [Fact]
    public void A_duty_sentence_names_each_unit_with_its_role_verb()
    {
        var task = Assert.Single(Parser.Parse("2015年宜居环境建设行动计划\n（一）整治提升城镇“三边三节点”项目。加强沿线整治。"
            + "责任分工：区规划局负责开展规划编制工作，金井、澳前片区开发管理局组织实施，区直各部门各司其职，协同配合，"
            + "区交通与建设局业务检查指导并协助区规划局做好规划编制工作。").Tasks);

        Assert.Equal(["区规划局", "金井片区开发管理局", "澳前片区开发管理局"], task.LeadUnits);
        Assert.Equal(["区直各部门", "区交通与建设局"], task.SupportingUnits);
    }

    [Fact]
    public void An_alternative_or_an_alias_in_brackets_is_dropped_and_a_named_unit_before_deng_is_kept()
    {
        var task = Assert.Single(Parser.Parse("2015年宜居环境建设行动计划\n（一）新建供水管道。"
            + "责任分工：其他项目由各片区开发管理局（或业主单位）负责实施，区森林园林局（区森林园林公司)负责绿化，区交通与建设局等区直部门配合。").Tasks);

        Assert.Equal(["各片区开发管理局", "区森林园林局"], task.LeadUnits);
        Assert.Equal(["区交通与建设局"], task.SupportingUnits);
    }

    [Fact]
    public void You_X_qiantou_huitong_Y_leads_with_partners()
    {
        var task = Assert.Single(Parser.Parse("2020年某市工作要点\n1.由市发展改革委牵头，会同市财政局、市统计局研究制定考核办法。").Tasks);

        Assert.Equal(["市发展改革委"], task.LeadUnits);
        Assert.Equal(["市财政局", "市统计局"], task.SupportingUnits);
    }

    [Fact]
    public void A_lead_list_of_fifteen_units_reads_whole_without_its_qualifiers()
    {
        var task = Assert.Single(Parser.Parse("2014年督查工作通知\n二、部门自查省级部门要按照职责分工进行深入自查。19个方面督查重点，"
            + "由所涉及的省政府办公厅、住房城乡建设厅、省发展改革委、环境保护厅、民政厅、省经济和信息化委、文化厅、省政府金融办、商务厅、"
            + "科技厅、农业厅、水利厅、省扶贫移民局、财政厅、人力资源社会保障厅等省级主管部门（单位）牵头完成自查报告，"
            + "其他相关部门（单位）配合，于6月20日前向省政府报送自查报告。").Tasks);

        Assert.Equal(["省政府办公厅", "省住房城乡建设厅", "省发展改革委", "省环境保护厅", "省民政厅", "省经济和信息化委", "省文化厅", "省政府金融办",
            "省商务厅", "省科技厅", "省农业厅", "省水利厅", "省扶贫移民局", "省财政厅", "省人力资源社会保障厅"], task.LeadUnits);
        Assert.Empty(task.SupportingUnits);
    }

    [Fact]
    public void Partners_are_read_later_in_the_sentence_and_a_list_splits_on_yu()
    {
        var task = Assert.Single(Parser.Parse("2020年某市工作要点\n1.由市财政局与市统计局牵头完成数据核查，市审计局、市税务局等部门配合，年底前报市政府。").Tasks);

        Assert.Equal(["市财政局", "市统计局"], task.LeadUnits);
        Assert.Equal(["市审计局", "市税务局"], task.SupportingUnits);
    }

    [Fact]
    public void A_you_qiantou_sentence_whose_list_holds_a_phrase_names_no_unit()
    {
        var plan = Parser.Parse("2020年某市工作要点\n1.建立多元参与机制。形成由市场主体自主选择、行业协会牵头，多方参与的服务体系。\n"
            + "2.坚持由点到面、由易到难、由政府主导向社会力量牵头转变，逐步推开。\n"
            + "3.理由充分的事项由于时间紧迫，由各地自行牵头。");

        Assert.All(plan.Tasks, t => Assert.Empty(t.LeadUnits.Concat(t.SupportingUnits)));
    }

    [Fact]
    public void The_unit_a_task_works_with_leads_it_when_the_task_names_no_other()
    {
        var plan = Parser.Parse("2023年普法依法治理工作要点\n1.深入开展法治宣传。按照要求，配合区政法工作部开展公民法治素养提升行动。\n"
            + "2.配合区政法工作部做好普法志愿者联盟品牌建设。\n"
            + "3.开展风险筛查。配合省厅开展化学物质调查。（区生态环境局牵头）\n"
            + "4.配合做好迎检准备工作。");

        Assert.Equal(["区政法工作部"], plan.Tasks[0].LeadUnits);
        Assert.Equal(["区政法工作部"], plan.Tasks[1].LeadUnits);
        Assert.Equal(["区生态环境局"], plan.Tasks[2].LeadUnits.Concat(plan.Tasks[2].SupportingUnits));
        Assert.Empty(plan.Tasks[3].LeadUnits.Concat(plan.Tasks[3].SupportingUnits));
    }

    [Fact]
    public void A_plan_skipping_two_numbers_in_running_text_still_reads_the_items_after_the_gap()
    {
        var plan = Parser.Parse("2015年宜居环境建设行动计划 " + Padding + "。 一、主要内容（一）建设美丽乡村。（二）打造完整社区。（三）整治三边三节点。"
            + "（六）市政提升五千工程。（七）推进绿道网建设。（八）推进沿线整治绿化。二、保障措施加强领导。");

        Assert.Contains(plan.Tasks, t => t.Path == "一.(六)");
        Assert.Contains(plan.Tasks, t => t.Path == "一.(八)");
    }

    [Fact]
    public void The_bodies_a_lead_joins_or_organises_support_it_and_staff_or_catch_alls_among_them_are_no_units()
    {
        var plan = Parser.Parse("2023年十一整治方案\n1.专项整治。由社会事业处牵头，联合市场监督管理局苏平分局、区执法应急局苏平筹备组、各包村工作队、相关处室值班人员，开展专项整治行动。\n"
            + "2.巡查阶段。由社会事业处牵头，组织交通与建设处、资源生态处和相关单位，形成专项巡查队伍。\n"
            + "3.预案阶段。由交通与建设处牵头，联合交警支队，形成交通管制预案。");

        Assert.Equal(["市场监督管理局苏平分局", "区执法应急局苏平筹备组", "各包村工作队"], plan.Tasks[0].SupportingUnits);
        Assert.Equal(["交通与建设处", "资源生态处"], plan.Tasks[1].SupportingUnits);
        Assert.Equal(["交通与建设处"], plan.Tasks[2].LeadUnits);
        Assert.Equal(["交警支队"], plan.Tasks[2].SupportingUnits);
    }

    [Fact]
    public void You_X_zuzhi_staff_names_who_leads_but_zuzhibu_is_a_name_and_a_person_is_no_unit()
    {
        var plan = Parser.Parse("2023年十一整治方案\n1.“回头看”。由政法综治处和农业农村处组织相关人员开展巡查。\n"
            + "2.专题部署。由区委组织部牵头，开展干部培训。\n"
            + "3.整治阶段。由网格长组织干部队伍，限时整改。");

        Assert.Equal(["政法综治处", "农业农村处"], plan.Tasks[0].LeadUnits);
        Assert.Equal(["区委组织部"], plan.Tasks[1].LeadUnits);
        Assert.Empty(plan.Tasks[2].LeadUnits.Concat(plan.Tasks[2].SupportingUnits));
    }

    [Fact]
    public void A_clause_that_is_only_X_qiantou_names_X_and_you_X_fuze_qiantou_names_X()
    {
        var plan = Parser.Parse("2023年平安三率宣传工作方案\n1.开展手机短信全覆盖宣传。政法综治处牵头，委托移动公司向辖区手机用户发送平安短信。\n"
            + "2.开展重点走访宣传。深入村居进行重点宣传，联合宣传工作的具体开展由各联合党委负责牵头部署。");

        Assert.Equal(["政法综治处"], plan.Tasks[0].LeadUnits);
        Assert.Equal(["各联合党委"], plan.Tasks[1].LeadUnits);
    }

    [Fact]
    public void A_principle_of_who_leads_names_no_unit()
    {
        var task = Assert.Single(Parser.Parse("2023年某区工作方案\n1.完善工作机制。坚持政府牵头，部门协同，社会参与，形成工作合力。").Tasks);

        Assert.Empty(task.LeadUnits.Concat(task.SupportingUnits));
    }
}

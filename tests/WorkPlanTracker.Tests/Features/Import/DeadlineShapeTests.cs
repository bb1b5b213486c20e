using WorkPlanTracker.Features.Import;

namespace WorkPlanTracker.Tests.Features.Import;

/// <summary>Deadline shapes real plans print beyond the plain "X月底前": ranges, impossible days, relative counts, windows.</summary>
public sealed class DeadlineShapeTests
{
    private static ParsedPlan Parse(string plan) => new PlanTextParser().Parse(plan);

    [Theory]
    [InlineData("2019年上半年", "2019-06-30")]
    [InlineData("下半年", "2019-12-31")]
    [InlineData("2019年第三季度", "2019-09-30")]
    [InlineData("三季度末", "2019-09-30")]
    [InlineData("第一季度", "2019-03-31")]
    [InlineData("2019年内", "2019-12-31")]
    public void A_quarter_or_a_half_year_in_the_deadline_slot_is_due_when_it_ends(string slot, string iso)
    {
        var task = Assert.Single(Parse($"2019年某市政务公开工作要点\n1.推进公开。\n牵头单位：市政府办公室\n完成时限：{slot}").Tasks);

        Assert.Equal(DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture), task.Deadline);
    }

    [Theory]
    [InlineData("三季度末前完成验收。", "2019-09-30")]
    [InlineData("上半年底前出台办法。", "2019-06-30")]
    public void A_quarter_or_half_year_by_which_text_says_work_is_done_is_a_deadline(string sentence, string iso)
    {
        var task = Assert.Single(Parse($"2019年某市政务公开工作要点\n1.{sentence}(市政府办公室牵头)").Tasks);

        Assert.Equal(DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture), task.Deadline);
    }

    [Theory]
    [InlineData("每季度开展一次检查。")]
    [InlineData("第二季度开展培训，各季度通报进展。")]
    [InlineData("每半年报送一次进展。")]
    public void A_quarter_that_only_says_when_work_happens_or_recurs_is_no_deadline(string sentence)
    {
        var task = Assert.Single(Parse($"2019年某市政务公开工作要点\n1.{sentence}(市政府办公室牵头)").Tasks);

        Assert.Null(task.Deadline);
    }

    [Theory]
    [InlineData("开展集中整治，2019年11月-12月完成。", "2019-12-31")]
    [InlineData("组织验收，11月—12月底前完成。", "2019-12-31")]
    [InlineData("梳理公开事项目录（5月10日底前完成）。", "2019-05-10")]
    [InlineData("各市（州）于6月20日18：00前报送自查报告。", "2019-06-20")]
    [InlineData("于7月5日下午5时前报送。", "2019-07-05")]
    public void Reads_ranges_and_days_with_di(string sentence, string iso)
    {
        var task = Assert.Single(Parse($"2019年某市政务公开工作要点\n1.{sentence}(市政府办公室牵头)").Tasks);

        Assert.Equal(DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture), task.Deadline);
    }

    [Theory]
    [InlineData("推行全员绩效考核，于8月份前出台考核办法。", "2019-08-31")]
    [InlineData("全区公共信用信息平台建设力争到2020年基本建成。", "2020-12-31")]
    [InlineData("各级政府网站2020年前完成集约化改造。", "2020-12-31")]
    [InlineData("科学编制清单内容。2019年北港村、大坪村等4个示范村开展试点。", "2019-12-31")]
    [InlineData("加强基础建设；2019年65%的行政村按标准设置微型消防站。", "2019-12-31")]
    public void Reads_months_written_with_fen_years_striven_for_and_sentences_opening_with_the_years_work(string sentence, string iso)
    {
        var task = Assert.Single(Parse($"2019年某市政务公开工作要点\n1.{sentence}(市政府办公室牵头)").Tasks);

        Assert.Equal(DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture), task.Deadline);
    }

    [Theory]
    [InlineData("提升创新能力。2019年研发投入强度不得低于3%；与2018年底相比，增长率不低于50%。")]
    [InlineData("强化考核。对6月底没完成主要任务的，以及年底前没有全面完成任务的，予以扣分。")]
    [InlineData("回顾工作。2018年全区完成政务公开目录编制。")]
    [InlineData("深入开展调查研究工作。2019年君山片区重点普法责任清单")]
    [InlineData("完成前三季度统计，2019年前三季度数据按时报送。")]
    public void A_baseline_a_condition_a_past_year_a_level_to_hold_or_a_title_is_no_deadline(string sentence)
    {
        var task = Assert.Single(Parse($"2019年某市政务公开工作要点\n1.{sentence}(市政府办公室牵头)").Tasks);

        Assert.Null(task.Deadline);
    }

    [Fact]
    public void An_undated_notice_takes_its_year_from_its_own_document_number()
    {
        var plan = Parse("关于做好自查工作的通知\n川办发〔2014〕30号\n一、各地自查\n各市（州）于6月20日前报送自查报告。(各市州负责)");

        Assert.Equal(2014, plan.Year);
        Assert.Equal(new DateOnly(2014, 6, 20), plan.Tasks[0].Deadline);
    }

    [Fact]
    public void A_forwarding_notice_without_a_year_of_its_own_is_dated_by_the_newest_document_it_cites()
    {
        var plan = Parse("各市（州）人民政府：\n现将《国务院关于开展督查的通知》（国发明电〔2014〕1号）转发你们，依据《条例》（国发〔2011〕9号）。\n一、各地自查\n各市（州）于6月20日前报送自查报告。(各市州负责)");

        Assert.Equal(2014, plan.Year);
        Assert.Equal(new DateOnly(2014, 6, 20), plan.Tasks[0].Deadline);
    }

    [Fact]
    public void A_plain_date_in_a_deadline_slot_of_run_together_labels_is_the_deadline()
    {
        var task = Assert.Single(Parse("2021年某市工作要点\n一、做好公开\n1.推进决策公开。责任单位：市发改委、市财政局配合单位：市统计局完成时限：2021年11月30日").Tasks);

        Assert.Equal(["市发改委", "市财政局"], task.LeadUnits);
        Assert.Equal(["市统计局"], task.SupportingUnits);
        Assert.Equal(new DateOnly(2021, 11, 30), task.Deadline);
    }

    [Fact]
    public void A_day_the_month_does_not_have_is_its_last_day_with_a_warning()
    {
        var plan = Parse("2019年某市政务公开工作要点\n1.做好公开。(市政府办公室牵头，完成时限：9月31日前)");

        Assert.Equal(new DateOnly(2019, 9, 30), plan.Tasks[0].Deadline);
        Assert.Contains(plan.Warnings, w => w.Path == "1" && w.Message.Contains("9月31日", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("自本方案印发之日起30日内制定台账。", "2024-03-31")]
    [InlineData("本方案印发之日起3个月内完成清理。", "2024-06-01")]
    public void Counts_from_the_signature_date(string sentence, string iso)
    {
        var task = Assert.Single(Parse($"某市2024年政务公开工作要点\n2024年3月1日\n1.{sentence}(县区政府负责落实)").Tasks);

        Assert.Equal(DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture), task.Deadline);
    }

    [Theory]
    [InlineData("2019年，完成85%行政村微型消防站建设。", "2019-12-31")]
    [InlineData("年内辖区内所有村宣传栏刊登消防知识不少于2次。", "2019-12-31")]
    [InlineData("明确年度经营目标。力争2020年区属国企营业收入增长10%。", "2020-12-31")]
    public void A_stated_year_or_nian_nei_is_due_at_the_end_of_that_year(string sentence, string iso)
    {
        var task = Assert.Single(Parse($"2019年某区消防工作要点\n（一）{sentence}(政法综治处负责)").Tasks);

        Assert.Equal(DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture), task.Deadline);
    }

    [Theory]
    [InlineData("主要负责同志年内至少听取一次工作汇报。")]
    [InlineData("在2014年的基础上扩大试点范围。")]
    [InlineData("对2015年纳入平台的事项优化流程。")]
    [InlineData("力争三年内完成改造。")]
    public void A_year_named_in_passing_is_no_deadline(string sentence)
    {
        var task = Assert.Single(Parse($"2019年某区消防工作要点\n1.{sentence}(政法综治处负责)").Tasks);

        Assert.Null(task.Deadline);
    }

    [Theory]
    [InlineData("本方案有效期自2019年1月1日起至2019年12月31日止。")]
    [InlineData("适用期限为2019年1月1日至12月31日止。")]
    public void A_validity_window_is_no_deadline(string sentence)
    {
        var task = Assert.Single(Parse($"2019年某市政务公开工作要点\n1.做好公开，{sentence}(市政府办公室牵头)").Tasks);

        Assert.Null(task.Deadline);
    }

    [Theory]
    [InlineData("摸排阶段（2019年9月18日-22日）各网格长抽调人员，对整治内容进行摸排。", "2019-09-22")]
    [InlineData("专项整治2019年9月18日-26日期间，开展流动摊贩专项整治行动。", "2019-09-26")]
    [InlineData("集中巡查（9月27日至28日），对问题清单“回头看”。", "2019-09-28")]
    public void A_range_of_days_in_one_month_is_due_on_its_last_day(string sentence, string iso)
    {
        var task = Assert.Single(Parse($"2019年某市整治方案\n1.{sentence}(市政府办公室牵头)").Tasks);

        Assert.Equal(DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture), task.Deadline);
    }

    [Fact]
    public void A_range_of_days_without_a_month_recurs_and_falls_due_on_no_day()
    {
        var task = Assert.Single(Parse("2019年某市整治方案\n1.每月18日-22日报送上月整治数据。(市政府办公室牵头)").Tasks);

        Assert.Null(task.Deadline);
    }

    [Fact]
    public void The_years_end_closing_a_cycle_of_months_quarters_and_half_years_recurs_and_is_no_deadline()
    {
        var task = Assert.Single(Parse("2019年安全生产工作要点\n1.狠抓落实。持续强化“月跟踪督促、季现场推进、半年分析、年底总结”四项制度。(各处室负责)").Tasks);

        Assert.Null(task.Deadline);
    }

    [Theory]
    [InlineData("开展季度调度、年底前完成全部整改。", "2019-12-31")]
    [InlineData("完成排查、年底总结报市政府。", "2019-12-31")]
    public void The_years_end_outside_such_a_cycle_stays_a_deadline(string sentence, string iso)
    {
        var task = Assert.Single(Parse($"2019年安全生产工作要点\n1.{sentence}(各处室负责)").Tasks);

        Assert.Equal(DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture), task.Deadline);
    }
}

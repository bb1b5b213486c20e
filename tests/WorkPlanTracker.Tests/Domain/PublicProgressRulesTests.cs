using WorkPlanTracker.Domain;

namespace WorkPlanTracker.Tests.Domain;

/// <summary>公开: a plan's page is opened by the office at a key that stays, and nothing of a report is public until approved.</summary>
public class PublicProgressRulesTests
{
    private static WorkPlan Published()
    {
        var plan = new WorkPlan { Year = 2024, Title = "2024年政务公开工作要点" };
        plan.Publish();
        return plan;
    }

    [Fact]
    public void A_draft_plan_is_not_opened_to_the_public()
    {
        var draft = new WorkPlan { Year = 2024, Title = "草稿" };

        var refused = Assert.Throws<DomainRuleException>(() => draft.OpenToPublic("abc"));

        Assert.Equal("草稿计划尚未发布，不能公开；请先发布计划。", refused.Message);
        Assert.False(draft.IsPublic);
        Assert.Null(draft.PublicKey);
    }

    [Fact]
    public void Reopening_keeps_the_first_key_so_the_portals_link_stays()
    {
        var plan = Published();

        plan.OpenToPublic("first");
        plan.CloseToPublic();
        plan.OpenToPublic("second");

        Assert.True(plan.IsPublic);
        Assert.Equal("first", plan.PublicKey);
    }

    [Fact]
    public void A_plan_is_not_opened_or_closed_twice()
    {
        var plan = Published();
        Assert.Throws<DomainRuleException>(plan.CloseToPublic);
        plan.OpenToPublic("k");

        Assert.Throws<DomainRuleException>(() => plan.OpenToPublic("k2"));
        Assert.Equal("k", plan.PublicKey);
    }

    [Fact]
    public void A_report_has_nothing_public_until_the_office_approves_a_summary()
    {
        var report = AssignmentFixtures.Report("内部原文");

        Assert.False(report.HasPublicSummary);
        Assert.Null(report.PublicSummary);

        report.ApprovePublicSummary("  已开设政策解读专栏。 ", AssignmentFixtures.T0);

        Assert.True(report.HasPublicSummary);
        Assert.Equal("已开设政策解读专栏。", report.PublicSummary);
        Assert.Equal(AssignmentFixtures.T0, report.PublicSummaryApprovedAtUtc);
    }

    [Theory]
    [InlineData("", "请填写公开摘要；如不公开这次进展，请不要审核通过。")]
    [InlineData("   ", "请填写公开摘要；如不公开这次进展，请不要审核通过。")]
    public void An_empty_summary_is_refused(string summary, string message)
    {
        var report = AssignmentFixtures.Report();

        var refused = Assert.Throws<DomainRuleException>(() => report.ApprovePublicSummary(summary, AssignmentFixtures.T0));

        Assert.Equal(message, refused.Message);
        Assert.False(report.HasPublicSummary);
    }

    [Fact]
    public void A_summary_over_the_limit_is_refused_with_its_length()
    {
        var report = AssignmentFixtures.Report();
        var tooLong = new string('字', ProgressReport.MaxPublicSummaryLength + 1);

        var refused = Assert.Throws<DomainRuleException>(() => report.ApprovePublicSummary(tooLong, AssignmentFixtures.T0));

        Assert.Contains($"现为{ProgressReport.MaxPublicSummaryLength + 1}字", refused.Message, StringComparison.Ordinal);
        Assert.Null(report.PublicSummary);
    }

    [Fact]
    public void A_returned_report_is_not_made_public()
    {
        var assignment = AssignmentFixtures.New(AssignmentFixtures.Deadline);
        var report = AssignmentFixtures.Report();
        assignment.SubmitReport(report, AssignmentFixtures.Day(1));
        assignment.Return("请补充链接", AssignmentFixtures.Day(2));

        var refused = Assert.Throws<DomainRuleException>(() => report.ApprovePublicSummary("摘要", AssignmentFixtures.Day(3)));

        Assert.Equal("这次进展已被退回，不能公开；请等承办单位重新报送后再审核。", refused.Message);
        Assert.False(report.HasPublicSummary);
    }

    [Fact]
    public void Withdrawing_takes_the_summary_off_the_page_and_keeps_its_text()
    {
        var report = AssignmentFixtures.Report();
        report.ApprovePublicSummary("摘要", AssignmentFixtures.T0);

        report.WithdrawPublicSummary();

        Assert.False(report.HasPublicSummary);
        Assert.Equal("摘要", report.PublicSummary);
        Assert.Throws<DomainRuleException>(report.WithdrawPublicSummary);
    }
}

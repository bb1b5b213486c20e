using WorkPlanTracker.Domain;
using static WorkPlanTracker.Tests.Domain.AssignmentFixtures;

namespace WorkPlanTracker.Tests.Domain;

public class ReportingCycleTests
{
    private static readonly DateOnly[] NoMilestones = [];

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Theory]
    [InlineData(2024, 1, 31, 2024, 2, 10)]  // month end → next month's day
    [InlineData(2024, 2, 9, 2024, 2, 10)]   // same month, before the day
    [InlineData(2024, 2, 10, 2024, 3, 10)]  // on the day → the next one
    [InlineData(2024, 12, 15, 2025, 1, 10)] // across the year end
    [InlineData(2024, 2, 29, 2024, 3, 10)]  // leap day
    public void Monthly_is_the_next_day_n(int y, int m, int d, int ey, int em, int ed)
    {
        Assert.Equal(D(ey, em, ed), ReportingCycle.Monthly(10).NextDueOn(D(y, m, d), NoMilestones));
    }

    [Fact]
    public void Monthly_day_28_works_in_february()
    {
        Assert.Equal(D(2023, 2, 28), ReportingCycle.Monthly(28).NextDueOn(D(2023, 1, 31), NoMilestones));
        Assert.Equal(D(2023, 3, 28), ReportingCycle.Monthly(28).NextDueOn(D(2023, 2, 28), NoMilestones));
    }

    [Theory]
    [InlineData(29, "不是每个月都有29日，报送日须在每月1日至28日之间；要求月底报送的，请选28日或次月初的日期")]
    [InlineData(31, "不是每个月都有31日，报送日须在每月1日至28日之间；要求月底报送的，请选28日或次月初的日期")]
    [InlineData(0, "报送日须在每月1日至28日之间")]
    [InlineData(32, "报送日须在每月1日至28日之间")]
    public void Days_not_in_every_month_are_refused(int day, string message)
    {
        Assert.Equal(message, Assert.Throws<DomainRuleException>(() => ReportingCycle.Monthly(day)).Message);
        Assert.Equal(message, Assert.Throws<DomainRuleException>(() => ReportingCycle.Quarterly(day)).Message);
    }

    [Theory]
    [InlineData(2024, 1, 4, 2024, 1, 5)]    // Q4 report in January
    [InlineData(2024, 1, 5, 2024, 4, 5)]    // on the day → next quarter's
    [InlineData(2024, 3, 31, 2024, 4, 5)]   // quarter end
    [InlineData(2024, 4, 30, 2024, 7, 5)]
    [InlineData(2024, 9, 30, 2024, 10, 5)]
    [InlineData(2024, 10, 5, 2025, 1, 5)]   // across the year end
    [InlineData(2024, 12, 31, 2025, 1, 5)]
    public void Quarterly_is_day_n_of_the_month_after_each_quarter(int y, int m, int d, int ey, int em, int ed)
    {
        Assert.Equal(D(ey, em, ed), ReportingCycle.Quarterly(5).NextDueOn(D(y, m, d), NoMilestones));
    }

    [Fact]
    public void On_milestones_is_the_next_milestone_in_any_order_and_none_after_the_last()
    {
        DateOnly[] milestones = [D(2024, 12, 31), D(2024, 9, 30), D(2024, 6, 30)];

        Assert.Equal(D(2024, 6, 30), ReportingCycle.OnMilestones.NextDueOn(D(2024, 1, 1), milestones));
        Assert.Equal(D(2024, 9, 30), ReportingCycle.OnMilestones.NextDueOn(D(2024, 6, 30), milestones));
        Assert.Null(ReportingCycle.OnMilestones.NextDueOn(D(2024, 12, 31), milestones));
        Assert.Null(ReportingCycle.OnMilestones.NextDueOn(D(2024, 1, 1), NoMilestones));
    }

    [Fact]
    public void None_has_no_due_date_and_is_the_default()
    {
        Assert.Null(ReportingCycle.None.NextDueOn(D(2024, 1, 1), NoMilestones));
        Assert.Equal(ReportingCycle.None, default);
        Assert.Equal(ReportingCycleKind.None, default(ReportingCycle).Kind);
    }

    [Fact]
    public void A_cycle_round_trips_through_its_stored_columns()
    {
        var cycle = ReportingCycle.Quarterly(15);

        Assert.Equal(cycle, ReportingCycle.From(cycle.Kind, cycle.Day));
        Assert.Equal(ReportingCycle.OnMilestones, ReportingCycle.From(ReportingCycleKind.OnMilestones, 7));
        Assert.Throws<DomainRuleException>(() => ReportingCycle.From(ReportingCycleKind.Monthly, 31));
    }

    [Fact]
    public void Cycles_describe_themselves_in_chinese()
    {
        Assert.Equal("每月10日前", ReportingCycle.Monthly(10).Describe());
        Assert.Equal("每季度结束后次月5日前", ReportingCycle.Quarterly(5).ToString());
        Assert.Equal("按节点报送", ReportingCycle.OnMilestones.Describe());
        Assert.Equal("不定期报送", ReportingCycle.None.Describe());
    }

    // ---- an assignment's next report due date ----

    private static readonly ReportingCycle Monthly10 = ReportingCycle.Monthly(10);

    [Fact]
    public void Before_any_report_the_first_due_date_after_assignment_applies()
    {
        var a = New(); // assigned 2024-03-01

        Assert.Equal(D(2024, 3, 10), a.NextReportDue(Monthly10, NoMilestones));
    }

    [Fact]
    public void A_report_counts_for_the_cycle_it_falls_in()
    {
        var a = New();
        a.SubmitReport(Report(), new DateTime(2024, 3, 5, 2, 0, 0, DateTimeKind.Utc));

        Assert.Equal(D(2024, 4, 10), a.NextReportDue(Monthly10, NoMilestones));
    }

    [Fact]
    public void A_report_on_the_due_day_counts_for_that_cycle()
    {
        var a = New();
        a.SubmitReport(Report(), new DateTime(2024, 3, 10, 2, 0, 0, DateTimeKind.Utc));

        Assert.Equal(D(2024, 4, 10), a.NextReportDue(Monthly10, NoMilestones));
    }

    [Fact]
    public void A_report_after_the_due_day_counts_for_the_next_cycle()
    {
        var a = New();
        a.SubmitReport(Report(), new DateTime(2024, 3, 11, 2, 0, 0, DateTimeKind.Utc));

        Assert.Equal(D(2024, 5, 10), a.NextReportDue(Monthly10, NoMilestones));
    }

    [Fact]
    public void A_returned_report_does_not_count()
    {
        var a = New();
        a.SubmitReport(Report(), new DateTime(2024, 3, 5, 2, 0, 0, DateTimeKind.Utc));
        a.Return("内容过简", new DateTime(2024, 3, 6, 2, 0, 0, DateTimeKind.Utc));

        Assert.Equal(D(2024, 3, 10), a.NextReportDue(Monthly10, NoMilestones));
        Assert.Equal(TrafficLight.Yellow, a.LightOn(D(2024, 3, 11), 10, a.NextReportDue(Monthly10, NoMilestones)));
    }

    [Fact]
    public void The_report_day_is_the_China_day()
    {
        var a = New();
        // 2024-03-10 17:00 UTC is 2024-03-11 01:00 in China: late for March.
        a.SubmitReport(Report(), new DateTime(2024, 3, 10, 17, 0, 0, DateTimeKind.Utc));

        Assert.Equal(D(2024, 5, 10), a.NextReportDue(Monthly10, NoMilestones));
    }

    [Fact]
    public void Ongoing_work_keeps_reporting_every_cycle()
    {
        var a = New(ongoing: true);
        a.SubmitReport(Report(), new DateTime(2025, 12, 5, 2, 0, 0, DateTimeKind.Utc));

        Assert.Equal(D(2026, 1, 10), a.NextReportDue(Monthly10, NoMilestones));
        Assert.Equal(D(2026, 4, 5), a.NextReportDue(ReportingCycle.Quarterly(5), NoMilestones));
    }

    [Theory]
    [InlineData(AssignmentStatus.Closed)]
    [InlineData(AssignmentStatus.CompletionRequested)]
    public void No_report_is_due_when_closed_or_under_completion_review(AssignmentStatus status)
    {
        Assert.Null(At(status).NextReportDue(Monthly10, NoMilestones));
    }

    [Fact]
    public void Milestone_reporting_stops_after_the_last_milestone()
    {
        var a = New();
        DateOnly[] milestones = [D(2024, 3, 31), D(2024, 6, 30)];

        Assert.Equal(D(2024, 3, 31), a.NextReportDue(ReportingCycle.OnMilestones, milestones));
        a.SubmitReport(Report(), new DateTime(2024, 6, 20, 2, 0, 0, DateTimeKind.Utc));
        Assert.Null(a.NextReportDue(ReportingCycle.OnMilestones, milestones));
    }
}

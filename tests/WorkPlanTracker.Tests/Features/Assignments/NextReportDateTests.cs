using Bunit;
using WorkPlanTracker.Features.Assignments;

namespace WorkPlanTracker.Tests.Features.Assignments;

public class NextReportDateTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);

    [Fact]
    public async Task A_date_still_to_come_is_the_next_report_date()
    {
        await using var ctx = new BunitContext();

        var shown = ctx.Render<NextReportDate>(p => p.Add(x => x.Due, new DateOnly(2027, 1, 5)).Add(x => x.Today, Today));

        Assert.Equal("2027年1月5日", shown.Markup.Trim());
    }

    [Fact]
    public async Task A_report_date_gone_by_reads_as_a_missed_report_not_as_the_next_date()
    {
        await using var ctx = new BunitContext();

        var shown = ctx.Render<NextReportDate>(p => p.Add(x => x.Due, new DateOnly(2018, 3, 5)).Add(x => x.Today, Today));

        var missed = shown.Find(".report-missed");
        Assert.Contains("逾期未报", missed.TextContent, StringComparison.Ordinal);
        Assert.Contains("应于2018年3月5日报送", missed.TextContent, StringComparison.Ordinal);
        Assert.Contains($"已逾期{Today.DayNumber - new DateOnly(2018, 3, 5).DayNumber}天", missed.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Today_is_still_in_time_and_no_date_is_a_dash()
    {
        await using var ctx = new BunitContext();

        Assert.Equal("2026年12月2日", ctx.Render<NextReportDate>(p => p.Add(x => x.Due, Today).Add(x => x.Today, Today)).Markup.Trim());
        Assert.Equal("—", ctx.Render<NextReportDate>(p => p.Add(x => x.Due, null).Add(x => x.Today, Today)).Markup.Trim());
    }
}

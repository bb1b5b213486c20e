using WorkPlanTracker.Features.Assignments;
using WorkPlanTracker.Features.Ledger;

namespace WorkPlanTracker.IntegrationTests.Features.Ledger;

/// <summary>
/// The overdue list of a past day on a fixture of its own (it closes and extends assignments): the database query
/// has to let through work closed or given more time after that day, not only the domain's reading of it.
/// </summary>
public class LedgerOverduePastDayTests(LedgerFixture fixture) : IClassFixture<LedgerFixture>
{
    [Fact]
    public async Task Work_closed_or_extended_today_still_counts_as_late_yesterday_but_not_today()
    {
        var assignments = fixture.Get<AssignmentService>();
        var closed = await fixture.AssignmentAsync("一.1", fixture.DataUnit);
        var requested = await assignments.RequestCompletionAsync(fixture.UserOf(fixture.DataUnit), closed.Id, closed.Version, "政策解读材料已全部发布。");
        Assert.True(requested.Succeeded, requested.Message);
        closed = await fixture.AssignmentAsync("一.1", fixture.DataUnit);
        var approved = await assignments.ApproveCompletionAsync(fixture.Office, closed.Id, closed.Version);
        Assert.True(approved.Succeeded, approved.Message);

        var extended = await fixture.AssignmentAsync("一.1", fixture.OtherUnit);
        var asked = await assignments.RequestExtensionAsync(fixture.UserOf(fixture.OtherUnit), extended.Id, extended.Version, new DateOnly(2035, 9, 30), "需会同相关部门办理。");
        Assert.True(asked.Succeeded, asked.Message);
        extended = await fixture.AssignmentAsync("一.1", fixture.OtherUnit);
        var granted = await assignments.ApproveExtensionAsync(fixture.Office, extended.Id, extended.Version, null);
        Assert.True(granted.Succeeded, granted.Message);

        var ledgers = fixture.Get<LedgerService>();
        var yesterday = (await ledgers.OverdueAsync(fixture.Office, fixture.Today.AddDays(-1))).Value.Rows
            .Where(r => r.PlanTitle == LedgerFixture.PlanTitle).ToList();
        Assert.Equal(new[] { closed.Id, extended.Id }.Order(), yesterday.Select(r => r.AssignmentId).Order());
        Assert.All(yesterday, r => Assert.Equal((new DateOnly(2035, 6, 30), 14), (r.DueDate, r.DaysLate)));

        var today = (await ledgers.OverdueAsync(fixture.Office, fixture.Today)).Value.Rows;
        Assert.DoesNotContain(today, r => r.PlanTitle == LedgerFixture.PlanTitle);
    }
}

using WorkPlanTracker.Domain;

namespace WorkPlanTracker.Tests.Domain;

public class WorkTaskTests
{
    private static readonly DateOnly Due = new(2024, 7, 31);

    [Theory]
    [InlineData(2024, 7, 30, false)]
    [InlineData(2024, 7, 31, false)]
    [InlineData(2024, 8, 1, true)]
    public void A_dated_task_is_overdue_only_after_its_deadline_day(int year, int month, int day, bool overdue)
    {
        var task = AssignmentFixtures.TaskDue(Due);

        Assert.Equal(overdue, task.IsOverdueOn(new DateOnly(year, month, day)));
    }

    [Fact]
    public void An_ongoing_task_is_never_overdue_by_date_even_with_a_date()
    {
        var task = AssignmentFixtures.TaskDue(Due, ongoing: true);

        Assert.False(task.IsOverdueOn(new DateOnly(2025, 1, 1)));
        Assert.Null(task.DaysUntilDeadline(new DateOnly(2025, 1, 1)));
    }

    [Fact]
    public void A_task_without_a_deadline_is_not_overdue()
    {
        Assert.False(new WorkTask().IsOverdueOn(new DateOnly(2030, 1, 1)));
    }

    [Fact]
    public void Days_until_deadline_counts_whole_days_and_goes_negative_when_late()
    {
        var task = AssignmentFixtures.TaskDue(Due);

        Assert.Equal(31, task.DaysUntilDeadline(new DateOnly(2024, 6, 30)));
        Assert.Equal(0, task.DaysUntilDeadline(Due));
        Assert.Equal(-3, task.DaysUntilDeadline(new DateOnly(2024, 8, 3)));
    }

    [Fact]
    public void Lead_and_supporting_parties_come_out_in_the_plans_order()
    {
        var task = new WorkTask
        {
            Parties =
            [
                new TaskParty { Role = AssignmentRole.Supporting, NameAsWritten = "市财政局", SortOrder = 2 },
                new TaskParty { Role = AssignmentRole.Lead, NameAsWritten = "市政府办公室", SortOrder = 0 },
                new TaskParty { Role = AssignmentRole.Supporting, NameAsWritten = "县区政府", SortOrder = 1 },
            ],
        };

        Assert.Equal(["市政府办公室"], task.LeadParties.Select(p => p.DisplayName));
        Assert.Equal(["县区政府", "市财政局"], task.SupportingParties.Select(p => p.DisplayName));
    }
}

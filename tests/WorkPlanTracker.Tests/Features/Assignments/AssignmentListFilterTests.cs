using WorkPlanTracker.Features.Assignments;

namespace WorkPlanTracker.Tests.Features.Assignments;

/// <summary>The 任务 list's filter as the address carries it: missing or unreadable values are the defaults, never an error.</summary>
public class AssignmentListFilterTests
{
    [Fact]
    public void No_query_is_this_year_every_unit_every_state_by_deadline()
    {
        var filter = AssignmentListFilter.FromQuery(null, null, null, null, 2026);

        Assert.Equal(new AssignmentListFilter(2026), filter);
        Assert.True(filter.IsDefault(2026));
        Assert.Equal(("", ""), (filter.StatusQuery, filter.SortQuery));
    }

    [Theory]
    [InlineData("all", "7", "overdue", "unit", null, 7, AssignmentListStatus.Overdue, AssignmentListSort.Unit)]
    [InlineData("2024", "", "REVIEW", "task", 2024, null, AssignmentListStatus.AwaitingReview, AssignmentListSort.Task)]
    [InlineData("1999", "-3", "deleted", "price", 2026, null, AssignmentListStatus.All, AssignmentListSort.DueDate)]
    [InlineData("二〇二四", "x", "", "", 2026, null, AssignmentListStatus.All, AssignmentListSort.DueDate)]
    public void The_query_is_read_leniently(string year, string unit, string status, string sort, int? expectedYear, int? expectedUnit, AssignmentListStatus expectedStatus, AssignmentListSort expectedSort)
    {
        Assert.Equal(new AssignmentListFilter(expectedYear, expectedUnit, expectedStatus, expectedSort), AssignmentListFilter.FromQuery(year, unit, status, sort, 2026));
    }
}

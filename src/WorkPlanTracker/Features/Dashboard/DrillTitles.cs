using WorkPlanTracker.Domain;

namespace WorkPlanTracker.Features.Dashboard;

/// <summary>The heading of a drill-down list, saying in words which figure it stands behind.</summary>
public static class DrillTitles
{
    public static string Of(DrillFilter filter, string? unitName)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var what = filter.Show switch
        {
            DrillShow.Tasks when filter.Standing is { } standing => $"{TaskStandingNames.Of(standing)}的任务",
            DrillShow.Tasks => "全部任务",
            DrillShow.Assignments => "全部交办事项",
            DrillShow.ClosedAssignments => "已办结的交办事项",
            DrillShow.ClosedOnTime => "按时办结的交办事项",
            DrillShow.OverdueAssignments => "已逾期的交办事项",
            DrillShow.UpcomingAssignments => $"{DashboardService.UpcomingDays}天内到期的交办事项",
            DrillShow.Reports => "报送的进展",
            DrillShow.ReportsOnTime => "按时报送的进展",
            DrillShow.ReturnedReports => "被退回过的交办事项",
            DrillShow.ClosedInMonth => $"{filter.Month}月办结的交办事项",
            DrillShow.OverdueAtMonthEnd => $"{filter.Month}月底处于逾期的交办事项",
            _ => filter.Show.ToString(),
        };
        var who = unitName is null ? "" : $"{unitName} · ";
        return $"{filter.Year}年 · {who}{what}";
    }
}

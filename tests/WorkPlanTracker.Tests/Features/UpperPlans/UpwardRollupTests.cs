using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.UpperPlans;

namespace WorkPlanTracker.Tests.Features.UpperPlans;

public class UpwardRollupTests
{
    private static AnsweringAssignment Unit(string name, AssignmentStatus status, string? progress = null, int? percent = null, string? summary = null) =>
        new(name, AssignmentRole.Lead, status, progress, progress is null ? null : new DateOnly(2035, 7, 1), percent, summary);

    [Fact]
    public void No_linked_work_is_not_yet_answered()
    {
        var progress = UpwardRollup.Of([]);

        Assert.Equal(UpwardRollup.NoWork, progress.Status);
        Assert.Equal("", progress.Text);
        Assert.Null(progress.Percent);
    }

    [Fact]
    public void Work_nobody_reported_on_yet_is_not_reported()
    {
        var progress = UpwardRollup.Of([new AnsweringTask("做好政策解读", [Unit("市教育局", AssignmentStatus.Assigned)])]);

        Assert.Equal(UpwardRollup.NotReported, progress.Status);
        Assert.Equal("", progress.Text);
    }

    [Fact]
    public void Several_own_tasks_are_named_in_the_text_and_their_percents_averaged()
    {
        var progress = UpwardRollup.Of(
        [
            new AnsweringTask("做好政策解读", [Unit("市教育局", AssignmentStatus.InProgress, "已发布解读12篇。", 60)]),
            new AnsweringTask("规范政府网站", [Unit("市数据资源局", AssignmentStatus.Closed, summary: "网站已全部完成集约化。")]),
        ]);

        Assert.Equal(UpwardRollup.InProgress, progress.Status);
        Assert.Equal(80, progress.Percent);
        Assert.Equal("【做好政策解读】市教育局：已发布解读12篇。（2035年7月1日报送）\n【规范政府网站】市数据资源局：已办结：网站已全部完成集约化。", progress.Text);
        Assert.False(progress.AllClosed);
    }

    [Fact]
    public void Every_unit_closed_is_completed_and_asks_to_close_upward()
    {
        var progress = UpwardRollup.Of([new AnsweringTask("做好政策解读", [Unit("市教育局", AssignmentStatus.Closed, "全部完成。", 100)])]);

        Assert.Equal(UpwardRollup.Completed, progress.Status);
        Assert.True(progress.AllClosed);
        Assert.Equal("市教育局：全部完成。（2035年7月1日报送）", progress.Text);
    }
}

using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Assignments;
using WorkPlanTracker.Features.Plans;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.IntegrationTests.Features.Plans;

/// <summary>The office sets reporting cycles through the service the plan page calls; units see the next report date and light.</summary>
public class ReportingCycleTests(ReportingCycleFixture fixture) : IClassFixture<ReportingCycleFixture>
{
    private const string Day31Refused = "不是每个月都有31日，报送日须在每月1日至28日之间；要求月底报送的，请选28日或次月初的日期";

    private readonly ReportingCycleService cycles = fixture.Get<ReportingCycleService>();
    private readonly AssignmentService assignments = fixture.Get<AssignmentService>();
    private readonly AssignmentListService lists = fixture.Get<AssignmentListService>();

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private async Task<AssignmentRow> RowAsync(string path, int unitId)
    {
        var unit = fixture.UserOf(unitId);
        return (await lists.ListAsync(unit, new AssignmentListFilter(null), pageSize: 1000)).Value.Rows.Items.Single(r => r.TaskPath == path);
    }

    private async Task FollowPlanAsync(params string[] paths)
    {
        foreach (var path in paths)
        {
            Assert.True((await cycles.SetTaskCycleAsync(fixture.Office, await fixture.TaskIdAsync(path), await TaskVersionAsync(await fixture.TaskIdAsync(path)), (ReportingCycle?)null)).Succeeded);
        }
    }

    private Task<Guid> TaskVersionAsync(int taskId) => fixture.App.TaskVersionAsync(taskId);

    private async Task<Guid> PlanVersionAsync()
    {
        await using var db = fixture.App.NewDbContext();
        return await db.Plans.Where(p => p.Id == fixture.PlanId).Select(p => p.Version).SingleAsync();
    }

    private async Task<(ReportingCycle Plan, ReportingCycle? Task, int AuditEntries)> StoredStateAsync(int taskId)
    {
        await using var db = fixture.App.NewDbContext();
        var plan = await db.Plans.AsNoTracking().SingleAsync(p => p.Id == fixture.PlanId);
        var task = await db.Tasks.AsNoTracking().SingleAsync(t => t.Id == taskId);
        return (plan.ReportingCycle, task.ReportingCycleOverride, await db.AuditEntries.CountAsync());
    }

    [Fact]
    public async Task Monthly_day_10_makes_the_next_report_due_on_the_10th_after_assignment_and_yellow_once_it_passes()
    {
        await FollowPlanAsync("一.1", "一.2");
        fixture.Clock.SetChinaDate(D(2036, 3, 5));

        var result = await cycles.SetPlanCycleAsync(fixture.Office, fixture.PlanId, await PlanVersionAsync(), ReportingCycle.Monthly(10));

        Assert.True(result.Succeeded, result.Message);
        Assert.Contains("每月10日前", result.Message);
        var dated = await RowAsync("一.1", fixture.UnitA);
        var ongoing = await RowAsync("一.2", fixture.UnitA);
        Assert.Equal(D(2036, 3, 10), dated.NextReportDue);
        Assert.Equal(D(2036, 3, 10), ongoing.NextReportDue);
        Assert.Equal(TrafficLight.Green, dated.Light);
        Assert.Equal(TrafficLight.Green, ongoing.Light);

        fixture.Clock.SetChinaDate(D(2036, 3, 10));
        Assert.Equal(TrafficLight.Green, (await RowAsync("一.1", fixture.UnitA)).Light);

        fixture.Clock.SetChinaDate(D(2036, 3, 11));
        dated = await RowAsync("一.1", fixture.UnitA);
        ongoing = await RowAsync("一.2", fixture.UnitA);
        Assert.Equal(D(2036, 3, 10), dated.NextReportDue);
        Assert.Equal(TrafficLight.Yellow, dated.Light);
        Assert.Equal(TrafficLight.Yellow, ongoing.Light);
    }

    [Fact]
    public async Task A_task_cycle_beats_the_plan_cycle_until_it_is_cleared()
    {
        await FollowPlanAsync("一.1", "一.2");
        fixture.Clock.SetChinaDate(D(2036, 3, 5));
        Assert.True((await cycles.SetPlanCycleAsync(fixture.Office, fixture.PlanId, await PlanVersionAsync(), ReportingCycle.Monthly(10))).Succeeded);
        var ongoingTask = await fixture.TaskIdAsync("一.2");

        var result = await cycles.SetTaskCycleAsync(fixture.Office, ongoingTask, await TaskVersionAsync(ongoingTask), ReportingCycle.Quarterly(5));

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(D(2036, 4, 5), (await RowAsync("一.2", fixture.UnitA)).NextReportDue);
        Assert.Equal(D(2036, 3, 10), (await RowAsync("一.1", fixture.UnitA)).NextReportDue);

        Assert.True((await cycles.SetTaskCycleAsync(fixture.Office, ongoingTask, await TaskVersionAsync(ongoingTask), ReportingCycleKind.None, null)).Succeeded);
        Assert.Null((await RowAsync("一.2", fixture.UnitA)).NextReportDue);

        Assert.True((await cycles.SetTaskCycleAsync(fixture.Office, ongoingTask, await TaskVersionAsync(ongoingTask), (ReportingCycle?)null)).Succeeded);
        Assert.Equal(D(2036, 3, 10), (await RowAsync("一.2", fixture.UnitA)).NextReportDue);
    }

    [Fact]
    public async Task Units_and_leaders_cannot_set_cycles_and_nothing_changes()
    {
        var taskId = await fixture.TaskIdAsync("一.1");
        var before = await StoredStateAsync(taskId);

        foreach (var actor in new[] { fixture.UserOf(fixture.UnitA), fixture.Leader })
        {
            Assert.Equal(Refusals.NotPermitted, await cycles.SetPlanCycleAsync(actor, fixture.PlanId, await PlanVersionAsync(), ReportingCycle.Quarterly(20)));
            Assert.Equal(Refusals.NotPermitted, await cycles.SetPlanCycleAsync(actor, fixture.PlanId, await PlanVersionAsync(), ReportingCycleKind.Monthly, 20));
            Assert.Equal(Refusals.NotPermitted, await cycles.SetTaskCycleAsync(actor, taskId, await TaskVersionAsync(taskId), ReportingCycle.Quarterly(20)));
            Assert.Equal(Refusals.NotPermitted, await cycles.SetTaskCycleAsync(actor, taskId, await TaskVersionAsync(taskId), ReportingCycleKind.Monthly, 20));
        }

        Assert.Equal(before, await StoredStateAsync(taskId));
    }

    [Fact]
    public async Task Day_31_is_refused_with_the_reason_and_nothing_changes()
    {
        var taskId = await fixture.TaskIdAsync("一.1");
        var before = await StoredStateAsync(taskId);

        var forPlan = await cycles.SetPlanCycleAsync(fixture.Office, fixture.PlanId, await PlanVersionAsync(), ReportingCycleKind.Monthly, 31);
        var forTask = await cycles.SetTaskCycleAsync(fixture.Office, taskId, await TaskVersionAsync(taskId), ReportingCycleKind.Quarterly, 31);

        Assert.Equal(Outcome.Invalid(Day31Refused), forPlan);
        Assert.Equal(Outcome.Invalid(Day31Refused), forTask);
        Assert.Equal(before, await StoredStateAsync(taskId));
    }

    [Fact]
    public async Task Setting_a_cycle_is_recorded_in_the_audit_trail_under_the_plan_and_the_task()
    {
        var taskId = await fixture.TaskIdAsync("一.3");
        Assert.True((await cycles.SetPlanCycleAsync(fixture.Office, fixture.PlanId, await PlanVersionAsync(), ReportingCycle.OnMilestones)).Succeeded);
        Assert.True((await cycles.SetTaskCycleAsync(fixture.Office, taskId, await TaskVersionAsync(taskId), ReportingCycle.Monthly(17))).Succeeded);

        await using var check = fixture.App.NewDbContext();
        var planId = fixture.PlanId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var taskKey = taskId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var entries = await check.AuditEntries.AsNoTracking().Where(e => e.Action == AuditAction.Modified).ToListAsync();
        Assert.Contains(entries, e => e.EntityType == nameof(WorkPlan) && e.EntityId == planId && e.After!.Contains(nameof(WorkPlan.ReportingCycleKind)));
        Assert.Contains(entries, e => e.EntityType == nameof(WorkTask) && e.EntityId == taskKey && e.After!.Contains("17"));
        Assert.True((await cycles.SetTaskCycleAsync(fixture.Office, taskId, await TaskVersionAsync(taskId), (ReportingCycle?)null)).Succeeded);
    }

    [Fact]
    public async Task Once_completion_is_requested_or_the_assignment_is_closed_no_report_is_due()
    {
        await FollowPlanAsync("一.3");
        fixture.Clock.SetChinaDate(D(2036, 3, 5));
        Assert.True((await cycles.SetPlanCycleAsync(fixture.Office, fixture.PlanId, await PlanVersionAsync(), ReportingCycle.Monthly(10))).Succeeded);
        var unit = fixture.UserOf(fixture.UnitB);
        var a = await fixture.AssignmentAsync("一.3", fixture.UnitB);
        Assert.True((await assignments.SubmitReportAsync(unit, a.Id, a.Version, new ReportInput { Progress = "已完成", EvidenceLinks = "https://example.gov.cn/x" })).Succeeded);
        a = await fixture.AssignmentAsync("一.3", fixture.UnitB);
        Assert.True((await assignments.RequestCompletionAsync(unit, a.Id, a.Version, "全部完成")).Succeeded);

        Assert.Null((await RowAsync("一.3", fixture.UnitB)).NextReportDue);

        a = await fixture.AssignmentAsync("一.3", fixture.UnitB);
        Assert.True((await assignments.ApproveCompletionAsync(fixture.Office, a.Id, a.Version)).Succeeded);
        fixture.Clock.SetChinaDate(D(2036, 6, 1));
        var closed = await RowAsync("一.3", fixture.UnitB);
        Assert.Null(closed.NextReportDue);
        Assert.Equal(TrafficLight.Done, closed.Light);
    }

    [Fact]
    public async Task A_cycle_saved_from_a_stale_page_is_refused_and_the_newer_cycle_stays()
    {
        var taskId = await fixture.TaskIdAsync("一.3");
        var planSeen = await PlanVersionAsync();
        var taskSeen = await TaskVersionAsync(taskId);

        Assert.True((await cycles.SetPlanCycleAsync(fixture.Office, fixture.PlanId, planSeen, ReportingCycle.Monthly(8))).Succeeded);
        Assert.True((await cycles.SetTaskCycleAsync(fixture.Office, taskId, taskSeen, ReportingCycle.Quarterly(9))).Succeeded);
        var stalePlan = await cycles.SetPlanCycleAsync(fixture.Office, fixture.PlanId, planSeen, ReportingCycle.Monthly(20));
        var staleTask = await cycles.SetTaskCycleAsync(fixture.Office, taskId, taskSeen, (ReportingCycle?)null);

        Assert.Equal("这个计划刚被其他人修改过，请刷新页面后再操作。", stalePlan.Message);
        Assert.Equal(Refusals.ChangedMeanwhile, staleTask);
        var (plan, task, _) = await StoredStateAsync(taskId);
        Assert.Equal(ReportingCycle.Monthly(8), plan);
        Assert.Equal(ReportingCycle.Quarterly(9), task);
        await FollowPlanAsync("一.3");
        Assert.True((await cycles.SetPlanCycleAsync(fixture.Office, fixture.PlanId, await PlanVersionAsync(), ReportingCycle.None)).Succeeded);
    }
}

using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Assignments;
using WorkPlanTracker.Features.Plans;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.IntegrationTests.Features.Assignments;

/// <summary>The journey and every forbidden path, through the services the pages call, on the real database.</summary>
public class AssignmentWorkflowTests : IClassFixture<WorkflowFixture>, IAsyncLifetime
{
    private readonly WorkflowFixture fixture;
    private readonly AssignmentService service;

    public AssignmentWorkflowTests(WorkflowFixture fixture)
    {
        this.fixture = fixture;
        service = fixture.Get<AssignmentService>();
    }

    public async Task InitializeAsync() => await fixture.Get<PlanPublishingService>().PublishAsync(fixture.Office, fixture.PlanId);

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(int Id, Guid Version)> CurrentAsync(string path, int unit)
    {
        var a = await fixture.AssignmentAsync(path, unit);
        return (a.Id, a.Version);
    }

    [Fact]
    public async Task A_unit_acknowledges_reports_asks_to_close_is_returned_reports_again_and_is_closed()
    {
        var unit = fixture.UserOf(fixture.UnitA);
        var (id, v) = await CurrentAsync("一.1", fixture.UnitA);

        Assert.True((await service.AcknowledgeAsync(unit, id, v)).Succeeded);
        (id, v) = await CurrentAsync("一.1", fixture.UnitA);
        var report = new ReportInput { Progress = "已发布政策解读 3 篇", PercentComplete = 60, EvidenceLinks = "https://example.gov.cn/a\nhttps://example.gov.cn/b" };
        Assert.True((await service.SubmitReportAsync(unit, id, v, report)).Succeeded);
        (id, v) = await CurrentAsync("一.1", fixture.UnitA);
        Assert.True((await service.RequestCompletionAsync(unit, id, v, "全部完成")).Succeeded);
        (id, v) = await CurrentAsync("一.1", fixture.UnitA);
        Assert.True((await service.ReturnAsync(fixture.Office, id, v, "缺少佐证材料")).Succeeded);

        var returned = (await service.GetAsync(unit, id)).Value;
        Assert.Equal(AssignmentStatus.Returned, returned.Status);
        Assert.Equal("缺少佐证材料", returned.ReturnReason);

        Assert.True((await service.SubmitReportAsync(unit, id, returned.Version, new ReportInput { Progress = "补充了佐证", EvidenceLinks = "https://example.gov.cn/c" })).Succeeded);
        (id, v) = await CurrentAsync("一.1", fixture.UnitA);
        Assert.True((await service.RequestCompletionAsync(unit, id, v, "已补充")).Succeeded);
        (id, v) = await CurrentAsync("一.1", fixture.UnitA);
        Assert.True((await service.ApproveCompletionAsync(fixture.Office, id, v)).Succeeded);

        var closed = (await service.GetAsync(fixture.Leader, id)).Value;
        Assert.Equal(AssignmentStatus.Closed, closed.Status);
        Assert.Equal(2, closed.Reports.Count);
        Assert.Equal(["https://example.gov.cn/a", "https://example.gov.cn/b"], closed.Reports.OrderBy(r => r.Id).First().EvidenceLinks);
        var history = (await service.HistoryAsync(fixture.Leader, id)).Select(h => h.What).ToList();
        Assert.Equal("分派任务", history[0]);
        Assert.Contains("状态：待签收 → 已签收", history);
        Assert.Contains("报送进展：已发布政策解读 3 篇", history);
        Assert.Contains(history, line => line.Contains("状态：申请办结 → 已退回") && line.Contains("退回理由：（空） → 缺少佐证材料"));
        Assert.Contains(history, line => line.StartsWith("状态：申请办结 → 已办结", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_unit_user_cannot_see_or_touch_another_units_assignment_whatever_id_it_sends()
    {
        var other = fixture.UserOf(fixture.UnitB);
        var (id, v) = await CurrentAsync("一.1", fixture.UnitA);

        Assert.Equal(OutcomeKind.NotFound, (await service.GetAsync(other, id)).Kind);
        Assert.Empty(await service.HistoryAsync(other, id));
        Assert.Equal(OutcomeKind.NotFound, (await service.AcknowledgeAsync(other, id, v)).Kind);
        Assert.Equal(Refusals.TaskNotFound, await service.AcknowledgeAsync(other, id, v));
        Assert.Equal(Refusals.TaskNotFound, await service.SubmitReportAsync(other, id, v, new ReportInput { Progress = "冒充" }));
        Assert.Equal(Refusals.TaskNotFound, await service.RequestCompletionAsync(other, id, v, "冒充"));
        var lists = fixture.Get<AssignmentListService>();
        Assert.DoesNotContain((await lists.ListAsync(other, new AssignmentListFilter(null), pageSize: 1000)).Value.Rows.Items, row => row.Id == id);
        var refused = await lists.ListAsync(other, new AssignmentListFilter(null, fixture.UnitA));
        Assert.Equal((OutcomeKind.Forbidden, AssignmentListService.OtherUnit.Message), (refused.Kind, refused.Message));
        Assert.Equal(Refusals.TaskNotFound, await service.AcknowledgeAsync(other, 999999, v));
    }

    [Fact]
    public async Task Leadership_and_the_office_cannot_act_for_a_unit_and_units_cannot_act_for_the_office()
    {
        var before = await fixture.AssignmentAsync("一.3", fixture.UnitB);
        var (id, v) = (before.Id, before.Version);
        var unit = fixture.UserOf(fixture.UnitB);

        Assert.Equal(OutcomeKind.Forbidden, (await service.AcknowledgeAsync(fixture.Leader, id, v)).Kind);
        Assert.Equal(Refusals.NotPermitted, await service.ReturnAsync(fixture.Leader, id, v, "领导退回"));
        Assert.Equal(Refusals.NotPermitted, await service.SubmitReportAsync(fixture.Office, id, v, new ReportInput { Progress = "代报" }));
        Assert.Equal(Refusals.NotPermitted, await service.ApproveCompletionAsync(unit, id, v));
        Assert.Equal(Refusals.NotPermitted, await service.ApproveExtensionAsync(unit, id, v, null));
        Assert.True((await service.GetAsync(fixture.Leader, id)).Succeeded);
        var after = await fixture.AssignmentAsync("一.3", fixture.UnitB);
        Assert.Equal((before.Status, before.Version), (after.Status, after.Version));
    }

    [Fact]
    public async Task An_action_on_an_outdated_page_is_refused_as_a_conflict()
    {
        var unit = fixture.UserOf(fixture.UnitB);
        var (id, seen) = await CurrentAsync("一.1", fixture.UnitB);
        Assert.True((await service.AcknowledgeAsync(unit, id, seen)).Succeeded);

        var late = await service.SubmitReportAsync(unit, id, seen, new ReportInput { Progress = "基于旧页面" });

        Assert.Equal(OutcomeKind.Conflict, late.Kind);
        Assert.Equal(Refusals.ChangedMeanwhile, late);
        Assert.DoesNotContain((await service.GetAsync(unit, id)).Value.Reports, r => r.Progress == "基于旧页面");
    }

    [Fact]
    public async Task An_extension_keeps_the_original_deadline_and_a_refusal_says_why()
    {
        var unit = fixture.UserOf(fixture.UnitB);
        var (id, v) = await CurrentAsync("一.3", fixture.UnitB);

        Assert.True((await service.RequestExtensionAsync(unit, id, v, new DateOnly(2035, 11, 30), "等待上级文件")).Succeeded);
        (id, v) = await CurrentAsync("一.3", fixture.UnitB);
        Assert.True((await service.ApproveExtensionAsync(fixture.Office, id, v, null)).Succeeded);

        var extended = await fixture.AssignmentAsync("一.3", fixture.UnitB);
        Assert.Equal(new DateOnly(2035, 11, 30), extended.DueDate);
        Assert.Equal(new DateOnly(2035, 9, 30), extended.OriginalDueDate);
        // The request's own status going from pending to approved is the extension's event, not the assignment's sign-off.
        var record = (await service.HistoryAsync(unit, id)).Select(h => h.What).ToList();
        var taskRecord = (await fixture.Get<TaskHistoryService>().GetAsync(fixture.Office, extended.TaskId)).Value.Lines.Select(l => l.What).ToList();
        Assert.All([record, taskRecord], lines =>
        {
            Assert.DoesNotContain(lines, line => line.Contains("待签收 → 已签收", StringComparison.Ordinal));
            Assert.Contains("同意延期至 2035年11月30日", lines);
        });

        Assert.True((await service.RequestExtensionAsync(unit, id, extended.Version, new DateOnly(2035, 12, 31), "再延一个月")).Succeeded);
        (id, v) = await CurrentAsync("一.3", fixture.UnitB);
        Assert.True((await service.RefuseExtensionAsync(fixture.Office, id, v, "不符合延期条件")).Succeeded);
        var refused = await fixture.AssignmentAsync("一.3", fixture.UnitB);
        Assert.Equal(("不符合延期条件", new DateOnly(2035, 11, 30)), (refused.ExtensionRefusalReason, refused.DueDate));
        var afterRefusal = (await service.HistoryAsync(unit, id)).Select(h => h.What).ToList();
        Assert.Contains("不同意延期：不符合延期条件", afterRefusal);
        Assert.DoesNotContain(afterRefusal, line => line.Contains("待签收 → 推进中", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_rule_broken_on_the_server_comes_back_as_a_message_and_changes_nothing()
    {
        // Nobody asked to close 一.3 of 乙局, so the office cannot approve its closing.
        var (id, v) = await CurrentAsync("一.3", fixture.UnitB);

        var result = await service.ApproveCompletionAsync(fixture.Office, id, v);

        Assert.False(result.Succeeded);
        Assert.NotEmpty(result.Message);
        Assert.Equal(v, (await fixture.AssignmentAsync("一.3", fixture.UnitB)).Version);
    }
}

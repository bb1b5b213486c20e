using System.Globalization;
using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Assignments;
using WorkPlanTracker.Features.Import;
using WorkPlanTracker.Features.Import.Documents;
using WorkPlanTracker.Features.Plans;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.IntegrationTests.Features.Assignments;

public class AssignmentEditingTests : IClassFixture<WorkflowFixture>, IAsyncLifetime
{
    private readonly WorkflowFixture fixture;
    private readonly AssignmentEditingService editing;

    public AssignmentEditingTests(WorkflowFixture fixture)
    {
        this.fixture = fixture;
        editing = fixture.Get<AssignmentEditingService>();
    }

    public async Task InitializeAsync() => await fixture.Get<PlanPublishingService>().PublishAsync(fixture.Office, fixture.PlanId);

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<int> TaskIdAsync(string path)
    {
        await using var db = fixture.App.NewDbContext();
        return await db.Tasks.Where(t => t.PlanId == fixture.PlanId && t.Path == path).Select(t => t.Id).SingleAsync();
    }

    private Task<Guid> TaskVersionAsync(int taskId) => fixture.App.TaskVersionAsync(taskId);

    [Fact]
    public async Task Only_the_office_edits_and_every_edit_needs_a_reason()
    {
        var taskId = await TaskIdAsync("一.3");

        Assert.Equal(Refusals.NotPermitted, await editing.AddUnitAsync(fixture.Leader, taskId, await TaskVersionAsync(taskId), fixture.UnitA, AssignmentRole.Supporting, "领导要求"));
        Assert.Equal(Refusals.NotPermitted, await editing.ChangeDeadlineAsync(fixture.UserOf(fixture.UnitB), taskId, await TaskVersionAsync(taskId), new DateOnly(2036, 1, 1), false, "想延期"));
        Assert.Equal(OutcomeKind.Forbidden, (await editing.GetTaskAsync(fixture.UserOf(fixture.UnitB), taskId)).Kind);
        var noReason = await editing.AddUnitAsync(fixture.Office, taskId, await TaskVersionAsync(taskId), fixture.UnitA, AssignmentRole.Supporting, " ");
        Assert.Equal("请填写调整原因。", noReason.Message);
        await using var db = fixture.App.NewDbContext();
        Assert.False(await db.Assignments.AnyAsync(a => a.TaskId == taskId && a.OrgUnitId == fixture.UnitA));
    }

    [Fact]
    public async Task Adding_a_unit_and_changing_its_role_are_recorded_with_the_reason()
    {
        var taskId = await TaskIdAsync("一.3");

        var added = await editing.AddUnitAsync(fixture.Office, taskId, await TaskVersionAsync(taskId), fixture.UnitA, AssignmentRole.Supporting, "甲局掌握相关数据");
        var again = await editing.AddUnitAsync(fixture.Office, taskId, await TaskVersionAsync(taskId), fixture.UnitA, AssignmentRole.Lead, "重复");
        var assignment = await fixture.AssignmentAsync("一.3", fixture.UnitA);
        var lead = await editing.ChangeRoleAsync(fixture.Office, assignment.Id, assignment.Version, AssignmentRole.Lead, "改由甲局牵头");

        Assert.True(added.Succeeded && lead.Succeeded);
        Assert.False(again.Succeeded);
        Assert.Equal(AssignmentRole.Lead, (await fixture.AssignmentAsync("一.3", fixture.UnitA)).Role);
        await using var db = fixture.App.NewDbContext();
        var reasons = await db.AuditEntries.Where(e => e.EntityType == nameof(TaskAssignment) && e.EntityId == assignment.Id.ToString(CultureInfo.InvariantCulture))
            .OrderBy(e => e.Id).Select(e => e.Reason).ToListAsync();
        Assert.Equal(["甲局掌握相关数据", "改由甲局牵头"], reasons);
    }

    [Fact]
    public async Task A_unit_that_reported_cannot_be_removed_and_one_that_did_not_can()
    {
        var reporting = await fixture.AssignmentAsync("一.1", fixture.UnitB);
        var service = fixture.Get<AssignmentService>();
        Assert.True((await service.SubmitReportAsync(fixture.UserOf(fixture.UnitB), reporting.Id, reporting.Version, new ReportInput { Progress = "已开展" })).Succeeded);
        reporting = await fixture.AssignmentAsync("一.1", fixture.UnitB);

        var refused = await editing.RemoveAsync(fixture.Office, reporting.Id, reporting.Version, "不再参与");

        Assert.Contains("已报送进展，不能移除", refused.Message);
        var taskId = await TaskIdAsync("一.1");
        var extra = await editing.AddUnitAsync(fixture.Office, taskId, await TaskVersionAsync(taskId), await NewUnitAsync("编辑测试丙局"), AssignmentRole.Supporting, "临时增加");
        Assert.True(extra.Succeeded);
        await using var db = fixture.App.NewDbContext();
        var unused = await db.Assignments.SingleAsync(a => a.TaskId == taskId && a.OrgUnit!.Name == "编辑测试丙局");
        Assert.True((await editing.RemoveAsync(fixture.Office, unused.Id, unused.Version, "误加")).Succeeded);
        Assert.False(await db.Assignments.AnyAsync(a => a.Id == unused.Id));
    }

    [Fact]
    public async Task Moving_a_deadline_reaches_every_assignment_and_a_stale_version_is_a_conflict()
    {
        var taskId = await TaskIdAsync("一.1");
        var before = await fixture.AssignmentAsync("一.1", fixture.UnitA);

        Assert.True((await editing.ChangeDeadlineAsync(fixture.Office, taskId, await TaskVersionAsync(taskId), new DateOnly(2035, 8, 31), false, "上级要求提前")).Succeeded);

        await using var db = fixture.App.NewDbContext();
        var dues = await db.Assignments.Where(a => a.TaskId == taskId).Select(a => a.DueDate).Distinct().ToListAsync();
        Assert.Equal([new DateOnly(2035, 8, 31)], dues);
        Assert.Equal(Refusals.ChangedMeanwhile, await editing.ChangeRoleAsync(fixture.Office, before.Id, before.Version, AssignmentRole.Supporting, "旧页面"));
        Assert.Equal("请填写完成时限，或选择持续推进。", (await editing.ChangeDeadlineAsync(fixture.Office, taskId, await TaskVersionAsync(taskId), null, false, "清空")).Message);
    }

    [Fact]
    public async Task Units_that_closed_keep_their_deadline_and_a_task_all_closed_keeps_its_own()
    {
        const string text = """
            办结县2035年政务公开工作要点
            一、工作任务
            1.做好年度报告公开。(工作流乙局牵头,2035年9月底前)
            2.做好政策解读回应。(工作流乙局牵头;工作流甲局配合,2035年9月底前)
            """;
        var planId = await fixture.App.ImportPlanAsync(text, "closed.txt");
        Assert.True((await fixture.Get<PlanPublishingService>().PublishAsync(fixture.Office, planId)).Succeeded);
        await CloseAsync(planId, "一.1", fixture.UnitB);
        await CloseAsync(planId, "一.2", fixture.UnitB);
        int allClosed, partlyClosed;
        await using (var db = fixture.App.NewDbContext())
        {
            allClosed = await db.Tasks.Where(t => t.PlanId == planId && t.Path == "一.1").Select(t => t.Id).SingleAsync();
            partlyClosed = await db.Tasks.Where(t => t.PlanId == planId && t.Path == "一.2").Select(t => t.Id).SingleAsync();
        }

        var refused = await editing.ChangeDeadlineAsync(fixture.Office, allClosed, await TaskVersionAsync(allClosed), new DateOnly(2035, 6, 30), false, "统一提前");
        var moved = await editing.ChangeDeadlineAsync(fixture.Office, partlyClosed, await TaskVersionAsync(partlyClosed), new DateOnly(2035, 6, 30), false, "统一提前");

        Assert.Equal("该任务的承办单位均已办结，不能再调整完成时限。", refused.Message);
        Assert.True(moved.Succeeded);
        await using var check = fixture.App.NewDbContext();
        Assert.Equal(new DateOnly(2035, 9, 30), (await check.Tasks.SingleAsync(t => t.Id == allClosed)).Deadline);
        var dues = await check.Assignments.Where(a => a.TaskId == partlyClosed).ToDictionaryAsync(a => a.OrgUnitId, a => a.OriginalDueDate);
        Assert.Equal(new DateOnly(2035, 9, 30), dues[fixture.UnitB]);
        Assert.Equal(new DateOnly(2035, 6, 30), dues[fixture.UnitA]);
    }

    private async Task CloseAsync(int planId, string path, int unitId)
    {
        var service = fixture.Get<AssignmentService>();
        async Task<TaskAssignment> CurrentAsync()
        {
            await using var db = fixture.App.NewDbContext();
            return await db.Assignments.SingleAsync(a => a.WorkTask!.PlanId == planId && a.WorkTask.Path == path && a.OrgUnitId == unitId);
        }

        var a = await CurrentAsync();
        Assert.True((await service.SubmitReportAsync(fixture.UserOf(unitId), a.Id, a.Version, new ReportInput { Progress = "已完成" })).Succeeded);
        a = await CurrentAsync();
        Assert.True((await service.RequestCompletionAsync(fixture.UserOf(unitId), a.Id, a.Version, "已完成全部工作")).Succeeded);
        a = await CurrentAsync();
        Assert.True((await service.ApproveCompletionAsync(fixture.Office, a.Id, a.Version)).Succeeded);
    }

    [Fact]
    public async Task A_plan_without_units_is_assigned_in_bulk_without_duplicates()
    {
        var importer = fixture.Get<PlanImportService>();
        const string text = "批量局2035年政务公开工作要点\n一、工作任务\n(一)加强权力配置公开。\n(二)加强运行过程公开。\n(三)加强政务规范管理。\n";
        var plan = await importer.SaveAsync(importer.Parse(new PlanDocument { Text = text }, "bulk.txt"), "bulk.txt", text);
        await using var db = fixture.App.NewDbContext();
        var tasks = await db.Tasks.Where(t => t.PlanId == plan.Id).OrderBy(t => t.SortOrder).Select(t => t.Id).ToListAsync();

        var first = await editing.AssignManyAsync(fixture.Office, tasks.Take(2).ToList(), fixture.UnitA, AssignmentRole.Lead, "按处室职责分工");
        var second = await editing.AssignManyAsync(fixture.Office, tasks, fixture.UnitA, AssignmentRole.Lead, "补充第三项");

        Assert.Equal("已分派 2 项任务", first.Message);
        Assert.Equal("已分派 1 项任务，2 项该单位已承办，未重复分派", second.Message);
        Assert.Equal(3, await db.Assignments.CountAsync(a => a.WorkTask!.PlanId == plan.Id));
        Assert.Equal(Refusals.NotPermitted, await editing.AssignManyAsync(fixture.Leader, tasks, fixture.UnitA, AssignmentRole.Lead, "领导"));
    }

    private async Task<int> NewUnitAsync(string name)
    {
        await using var db = fixture.App.NewDbContext();
        var unit = new OrgUnit { Name = name };
        db.Units.Add(unit);
        await db.SaveChangesAsync();
        return unit.Id;
    }

    [Fact]
    public async Task Milestones_are_replaced_in_date_order_and_recorded_with_the_reason()
    {
        var taskId = await TaskIdAsync("一.3");

        var result = await editing.ChangeMilestonesAsync(fixture.Office, taskId, await TaskVersionAsync(taskId),
            [new Milestone { Date = new DateOnly(2035, 8, 31), Text = "公开目录" }, new Milestone { Date = new DateOnly(2035, 7, 31), Text = "完成梳理" }], "细化节点");

        Assert.True(result.Succeeded, result.Message);
        await using var db = fixture.App.NewDbContext();
        var task = await db.Tasks.SingleAsync(t => t.Id == taskId);
        Assert.Equal(["完成梳理", "公开目录"], task.Milestones.Select(m => m.Text));
        var entry = await db.AuditEntries.Where(e => e.EntityType == nameof(WorkTask) && e.EntityId == taskId.ToString(CultureInfo.InvariantCulture) && e.Reason == "细化节点").SingleAsync();
        Assert.Contains("2035年8月31日 公开目录", entry.After);
        var unitOnTask = await db.Assignments.Where(a => a.TaskId == taskId).Select(a => a.Id).FirstAsync();
        var history = (await fixture.Get<AssignmentService>().HistoryAsync(fixture.Leader, unitOnTask)).Select(h => h.What).ToList();
        Assert.Contains(history, line => line.StartsWith("工作节点：", StringComparison.Ordinal)
            && line.Contains("2035年7月31日 完成梳理、2035年8月31日 公开目录", StringComparison.Ordinal) && line.EndsWith("（原因：细化节点）", StringComparison.Ordinal));
        Assert.Equal("每个节点都要写明内容。", (await editing.ChangeMilestonesAsync(fixture.Office, taskId, await TaskVersionAsync(taskId), [new Milestone { Date = new DateOnly(2035, 1, 1), Text = "" }], "空")).Message);
        Assert.Equal(Refusals.NotPermitted, await editing.ChangeMilestonesAsync(fixture.Leader, taskId, await TaskVersionAsync(taskId), [], "领导"));
    }

    [Fact]
    public async Task A_task_splits_into_sub_tasks_each_led_by_its_own_unit()
    {
        var taskId = await TaskIdAsync("一.1");

        var result = await editing.SplitAsync(fixture.Office, taskId, await TaskVersionAsync(taskId), [new TaskPart("甲局负责解读材料", fixture.UnitA), new TaskPart("乙局负责发布渠道", fixture.UnitB)], "按职责拆分");
        var more = await editing.SplitAsync(fixture.Office, taskId, await TaskVersionAsync(taskId), [new TaskPart("甲局负责回应关切", fixture.UnitA)], "再拆一项");

        Assert.True(result.Succeeded && more.Succeeded, result.Message + more.Message);
        await using var db = fixture.App.NewDbContext();
        var subs = await db.Tasks.Include(t => t.Assignments).Where(t => t.ParentTaskId == taskId).OrderBy(t => t.Path).ToListAsync();
        Assert.Equal(["一.1-1", "一.1-2", "一.1-3"], subs.Select(t => t.Path));
        Assert.Equal([fixture.UnitA, fixture.UnitB, fixture.UnitA], subs.Select(t => Assert.Single(t.Assignments).OrgUnitId));
        Assert.All(subs, t => Assert.Equal(AssignmentRole.Lead, t.Assignments[0].Role));
        Assert.Equal("每个子任务都要写明内容并选择承办单位。", (await editing.SplitAsync(fixture.Office, taskId, await TaskVersionAsync(taskId), [new TaskPart("", fixture.UnitA)], "空")).Message);
        Assert.Equal(Refusals.NotPermitted, await editing.SplitAsync(fixture.UserOf(fixture.UnitA), taskId, await TaskVersionAsync(taskId), [new TaskPart("自拆", fixture.UnitA)], "单位"));
    }

    [Fact]
    public async Task A_second_editor_working_from_the_task_as_it_was_is_told_to_reload_and_changes_nothing()
    {
        var taskId = await TaskIdAsync("一.3");
        var seenByBoth = await TaskVersionAsync(taskId);

        var first = await editing.ChangeDeadlineAsync(fixture.Office, taskId, seenByBoth, new DateOnly(2035, 10, 31), false, "甲调整时限");
        var second = await editing.ChangeDeadlineAsync(fixture.Office, taskId, seenByBoth, new DateOnly(2035, 12, 31), false, "乙调整时限");
        var addBySecond = await editing.AddUnitAsync(fixture.Office, taskId, seenByBoth, fixture.UnitA, AssignmentRole.Supporting, "乙增加单位");
        var splitBySecond = await editing.SplitAsync(fixture.Office, taskId, seenByBoth, [new TaskPart("乙拆分", fixture.UnitA)], "乙拆分");

        Assert.True(first.Succeeded, first.Message);
        Assert.Equal(Refusals.ChangedMeanwhile, second);
        Assert.Equal(Refusals.ChangedMeanwhile, addBySecond);
        Assert.Equal(Refusals.ChangedMeanwhile, splitBySecond);
        await using var db = fixture.App.NewDbContext();
        var task = await db.Tasks.Include(t => t.Assignments).SingleAsync(t => t.Id == taskId);
        Assert.Equal(new DateOnly(2035, 10, 31), task.Deadline);
        Assert.DoesNotContain(task.Assignments, a => a.OrgUnitId == fixture.UnitA);
        Assert.False(await db.Tasks.AnyAsync(t => t.ParentTaskId == taskId && t.Text == "乙拆分"));
        Assert.False(await db.AuditEntries.AnyAsync(e => e.Reason != null && EF.Functions.Like(e.Reason, "乙%")));
    }

    [Fact]
    public async Task Adding_a_unit_moves_the_task_on_so_a_stale_page_cannot_change_its_deadline()
    {
        var taskId = await TaskIdAsync("一.3");
        var seen = await TaskVersionAsync(taskId);

        Assert.True((await editing.AddUnitAsync(fixture.Office, taskId, seen, await NewUnitAsync("版本测试丁局"), AssignmentRole.Supporting, "增加丁局")).Succeeded);

        Assert.Equal(Refusals.ChangedMeanwhile, await editing.ChangeDeadlineAsync(fixture.Office, taskId, seen, new DateOnly(2035, 9, 30), false, "旧页面"));
        Assert.True((await editing.ChangeDeadlineAsync(fixture.Office, taskId, await TaskVersionAsync(taskId), new DateOnly(2035, 9, 30), false, "刷新后")).Succeeded);
    }

    [Fact]
    public async Task A_tasks_history_names_each_unit_also_one_removed_since_and_only_the_office_and_leaders_read_it()
    {
        var taskId = await TaskIdAsync("一.2");
        var unitC = await NewUnitAsync("历史测试戊局");
        Assert.True((await editing.AddUnitAsync(fixture.Office, taskId, await TaskVersionAsync(taskId), unitC, AssignmentRole.Supporting, "临时请戊局配合")).Succeeded);
        await using (var db = fixture.App.NewDbContext())
        {
            var added = await db.Assignments.SingleAsync(a => a.TaskId == taskId && a.OrgUnitId == unitC);
            Assert.True((await editing.RemoveAsync(fixture.Office, added.Id, added.Version, "戊局职责不涉及")).Succeeded);
        }

        Assert.True((await editing.ChangeDeadlineAsync(fixture.Office, taskId, await TaskVersionAsync(taskId), new DateOnly(2035, 11, 30), false, "统一到11月底")).Succeeded);
        var histories = fixture.Get<TaskHistoryService>();

        var history = (await histories.GetAsync(fixture.Leader, taskId)).Value;

        Assert.Equal(OutcomeKind.Forbidden, (await histories.GetAsync(fixture.UserOf(fixture.UnitA), taskId)).Kind);
        Assert.Equal(OutcomeKind.NotFound, (await histories.GetAsync(fixture.Leader, 987654)).Kind);
        Assert.Equal("任务列入计划", history.Lines[0].What);
        Assert.Contains(history.Lines, l => l.UnitName == "历史测试戊局" && l.What == "分派任务（原因：临时请戊局配合）");
        Assert.Contains(history.Lines, l => l.UnitName == "历史测试戊局" && l.What == "移除承办单位（原因：戊局职责不涉及）");
        Assert.Contains(history.Lines, l => l.UnitName is null && l.What.StartsWith("任务完成时限：", StringComparison.Ordinal)
            && l.What.Contains("→ 2035年11月30日", StringComparison.Ordinal) && l.What.EndsWith("（原因：统一到11月底）", StringComparison.Ordinal));
        Assert.True(history.Lines.Zip(history.Lines.Skip(1)).All(p => p.First.AtUtc <= p.Second.AtUtc));
        Assert.True((await histories.GetAsync(fixture.Office, taskId)).Succeeded);
        Assert.Equal(OutcomeKind.NotFound, (await histories.GetAsync(fixture.Office, 999999)).Kind);
    }
}

using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Assignments;
using WorkPlanTracker.Features.Plans;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.IntegrationTests.Features.Assignments;

/// <summary>A published plan of three units on 2035年7月15日, for the office's decisions on their work.</summary>
public sealed class DecisionNoticeFixture : IAsyncLifetime
{
    public const string PlanText = """
        通知县2035年政务公开工作要点
        一、工作任务
        1.加强政策解读。(通知甲局牵头;通知乙局配合,2035年9月底前)
        2.推进基层公开。(通知甲局牵头;通知乙局配合,2035年9月底前)
        3.做好依申请公开。(通知甲局牵头,2035年9月底前)
        4.规范政府网站。(通知甲局牵头;通知乙局配合,2035年9月底前)
        5.更新政策文件库。(通知丙局牵头,2035年9月底前)
        """;

    public StoppedClockAppFactory App { get; } = new();

    public int PlanId { get; private set; }

    public int UnitA { get; private set; }

    public int UnitB { get; private set; }

    public int UnitC { get; private set; }

    public T Get<T>()
        where T : notnull => App.Get<T>();

    public async Task InitializeAsync()
    {
        App.StartServer();
        PlanId = await App.ImportPlanAsync(PlanText, "notices.txt");
        var published = await Get<PlanPublishingService>().PublishAsync(TestActors.Office, PlanId);
        Assert.True(published.Succeeded, published.Message);
        UnitA = await App.UnitIdAsync("通知甲局");
        UnitB = await App.UnitIdAsync("通知乙局");
        UnitC = await App.UnitIdAsync("通知丙局");
    }

    public async Task<TaskAssignment> AssignmentAsync(string path, int unitId)
    {
        await using var db = App.NewDbContext();
        return await db.Assignments.Include(a => a.WorkTask).SingleAsync(a => a.WorkTask!.PlanId == PlanId && a.WorkTask.Path == path && a.OrgUnitId == unitId);
    }

    public async Task<WorkTask> TaskAsync(string path)
    {
        await using var db = App.NewDbContext();
        return await db.Tasks.SingleAsync(t => t.PlanId == PlanId && t.Path == path);
    }

    public async Task<long> LastNoticeIdAsync()
    {
        await using var db = App.NewDbContext();
        return await db.UnitNotices.MaxAsync(n => (long?)n.Id) ?? 0;
    }

    /// <summary>Every notice written after <paramref name="lastId"/>, to any unit.</summary>
    public async Task<IReadOnlyList<UnitNotice>> NoticesAfterAsync(long lastId)
    {
        await using var db = App.NewDbContext();
        return await db.UnitNotices.AsNoTracking().Where(n => n.Id > lastId).OrderBy(n => n.Id).ToListAsync();
    }

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>
/// Each decision of the office on a unit's work writes one notice to that unit, and to no other, in the save of the
/// decision. Each test works on its own task.
/// </summary>
public class DecisionNoticeTests(DecisionNoticeFixture fixture) : IClassFixture<DecisionNoticeFixture>
{
    private readonly AssignmentService service = fixture.Get<AssignmentService>();
    private readonly AssignmentEditingService editing = fixture.Get<AssignmentEditingService>();

    private static Actor Office => TestActors.Office;

    [Fact]
    public async Task A_returned_completion_request_and_the_closing_tell_the_unit_with_the_reason_and_a_link_to_the_assignment()
    {
        var unit = TestActors.UserOf(fixture.UnitA);
        var id = (await fixture.AssignmentAsync("一.1", fixture.UnitA)).Id;
        Assert.True((await service.AcknowledgeAsync(unit, id, await VersionAsync(id))).Succeeded);
        Assert.True((await service.SubmitReportAsync(unit, id, await VersionAsync(id), new ReportInput { Progress = "已发布解读 3 篇" })).Succeeded);
        Assert.True((await service.RequestCompletionAsync(unit, id, await VersionAsync(id), "全部完成")).Succeeded);
        var mark = await fixture.LastNoticeIdAsync();

        Assert.True((await service.ReturnAsync(Office, id, await VersionAsync(id), "缺少佐证材料")).Succeeded);

        var returned = Assert.Single(await fixture.NoticesAfterAsync(mark));
        Assert.Equal(fixture.UnitA, returned.OrgUnitId);
        Assert.Equal(UnitNoticeKind.Decision, returned.Kind);
        Assert.Equal("办结申请被退回：一.1 加强政策解读", returned.Title);
        Assert.Equal("《通知县2035年政务公开工作要点》一.1 加强政策解读：办结申请已被退回，请修改后重新报送。理由：缺少佐证材料", returned.Body);
        Assert.Equal($"assignments/{id}", returned.Link);
        Assert.Null(returned.DigestDay);

        Assert.True((await service.SubmitReportAsync(unit, id, await VersionAsync(id), new ReportInput { Progress = "已补充佐证" })).Succeeded);
        Assert.True((await service.RequestCompletionAsync(unit, id, await VersionAsync(id), "已补充")).Succeeded);
        mark = await fixture.LastNoticeIdAsync();
        Assert.True((await service.ApproveCompletionAsync(Office, id, await VersionAsync(id))).Succeeded);

        var closed = Assert.Single(await fixture.NoticesAfterAsync(mark));
        Assert.Equal((fixture.UnitA, "已办结：一.1 加强政策解读", $"assignments/{id}"), (closed.OrgUnitId, closed.Title, closed.Link));
        Assert.Contains("任务已办结", closed.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_extension_granted_names_the_new_deadline_and_one_refused_names_the_reason()
    {
        var unit = TestActors.UserOf(fixture.UnitA);
        var id = (await fixture.AssignmentAsync("一.2", fixture.UnitA)).Id;
        Assert.True((await service.RequestExtensionAsync(unit, id, await VersionAsync(id), new DateOnly(2035, 10, 31), "需协调多部门")).Succeeded);
        var mark = await fixture.LastNoticeIdAsync();

        Assert.True((await service.ApproveExtensionAsync(Office, id, await VersionAsync(id), null)).Succeeded);

        var granted = Assert.Single(await fixture.NoticesAfterAsync(mark));
        Assert.Equal((fixture.UnitA, "同意延期：一.2 推进基层公开", $"assignments/{id}"), (granted.OrgUnitId, granted.Title, granted.Link));
        Assert.Contains("完成时限调整为 2035年10月31日", granted.Body, StringComparison.Ordinal);

        Assert.True((await service.RequestExtensionAsync(unit, id, await VersionAsync(id), new DateOnly(2035, 12, 31), "再延两个月")).Succeeded);
        mark = await fixture.LastNoticeIdAsync();
        Assert.True((await service.RefuseExtensionAsync(Office, id, await VersionAsync(id), "年底前须完成")).Succeeded);

        var refused = Assert.Single(await fixture.NoticesAfterAsync(mark));
        Assert.Equal((fixture.UnitA, "不同意延期：一.2 推进基层公开"), (refused.OrgUnitId, refused.Title));
        Assert.Contains("完成时限仍为 2035年10月31日", refused.Body, StringComparison.Ordinal);
        Assert.EndsWith("理由：年底前须完成", refused.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_unit_added_to_a_task_and_removed_again_is_told_both_times_and_the_lead_unit_is_not()
    {
        var task = await fixture.TaskAsync("一.3");
        var mark = await fixture.LastNoticeIdAsync();

        Assert.True((await editing.AddUnitAsync(Office, task.Id, await fixture.App.TaskVersionAsync(task.Id), fixture.UnitB, AssignmentRole.Supporting, "涉及乙局职责")).Succeeded);

        var added = Assert.Single(await fixture.NoticesAfterAsync(mark));
        Assert.Equal((fixture.UnitB, "新增承办任务：一.3 做好依申请公开", "assignments"), (added.OrgUnitId, added.Title, added.Link));
        Assert.Contains("本单位被增加为配合单位", added.Body, StringComparison.Ordinal);
        Assert.EndsWith("理由：涉及乙局职责", added.Body, StringComparison.Ordinal);

        var assignment = await fixture.AssignmentAsync("一.3", fixture.UnitB);
        mark = await fixture.LastNoticeIdAsync();
        Assert.True((await editing.RemoveAsync(Office, assignment.Id, assignment.Version, "职责已调整")).Succeeded);

        var removed = Assert.Single(await fixture.NoticesAfterAsync(mark));
        Assert.Equal((fixture.UnitB, "不再承办：一.3 做好依申请公开", "assignments"), (removed.OrgUnitId, removed.Title, removed.Link));
        Assert.EndsWith("理由：职责已调整", removed.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deadline_moved_tells_each_unit_on_the_task_once_and_units_of_other_tasks_nothing()
    {
        var task = await fixture.TaskAsync("一.4");
        var mark = await fixture.LastNoticeIdAsync();

        Assert.True((await editing.ChangeDeadlineAsync(Office, task.Id, await fixture.App.TaskVersionAsync(task.Id), new DateOnly(2035, 11, 30), ongoing: false, "按市里要求提前")).Succeeded);

        var notices = await fixture.NoticesAfterAsync(mark);
        Assert.Equal([fixture.UnitA, fixture.UnitB], notices.Select(n => n.OrgUnitId).Order().ToList());
        var a = await fixture.AssignmentAsync("一.4", fixture.UnitA);
        var toA = notices.Single(n => n.OrgUnitId == fixture.UnitA);
        Assert.Equal(("完成时限调整：一.4 规范政府网站", $"assignments/{a.Id}"), (toA.Title, toA.Link));
        Assert.Contains("完成时限调整为 2035年11月30日", toA.Body, StringComparison.Ordinal);
        Assert.EndsWith("理由：按市里要求提前", toA.Body, StringComparison.Ordinal);
        Assert.All(notices, n => Assert.Equal(UnitNoticeKind.Decision, n.Kind));
    }

    [Fact]
    public async Task Tasks_given_to_a_unit_at_once_make_one_notice_naming_them_and_a_split_one_notice_per_unit_that_leads_a_part()
    {
        var first = await fixture.TaskAsync("一.1");
        var second = await fixture.TaskAsync("一.2");
        var mark = await fixture.LastNoticeIdAsync();

        Assert.True((await editing.AssignManyAsync(Office, [first.Id, second.Id], fixture.UnitC, AssignmentRole.Supporting, "丙局协助")).Succeeded);

        var given = Assert.Single(await fixture.NoticesAfterAsync(mark));
        Assert.Equal((fixture.UnitC, "新增承办任务 2 项", "assignments"), (given.OrgUnitId, given.Title, given.Link));
        Assert.Contains("一.1 加强政策解读；《通知县2035年政务公开工作要点》一.2 推进基层公开", given.Body, StringComparison.Ordinal);
        Assert.EndsWith("理由：丙局协助", given.Body, StringComparison.Ordinal);

        var split = await fixture.TaskAsync("一.5");
        mark = await fixture.LastNoticeIdAsync();
        var parts = new[] { new TaskPart("甲局负责汇总", fixture.UnitA), new TaskPart("乙局负责核对", fixture.UnitB), new TaskPart("乙局负责发布", fixture.UnitB) };
        Assert.True((await editing.SplitAsync(Office, split.Id, await fixture.App.TaskVersionAsync(split.Id), parts, "按职责拆分")).Succeeded);

        var notices = await fixture.NoticesAfterAsync(mark);
        Assert.Equal([fixture.UnitA, fixture.UnitB], notices.Select(n => n.OrgUnitId).Order().ToList());
        Assert.Equal("新增承办任务：一.5-1 甲局负责汇总", notices.Single(n => n.OrgUnitId == fixture.UnitA).Title);
        var toB = notices.Single(n => n.OrgUnitId == fixture.UnitB);
        Assert.Equal("新增承办任务 2 项", toB.Title);
        Assert.Contains("一.5-2 乙局负责核对；《通知县2035年政务公开工作要点》一.5-3 乙局负责发布", toB.Body, StringComparison.Ordinal);
    }

    private async Task<Guid> VersionAsync(int assignmentId)
    {
        await using var db = fixture.App.NewDbContext();
        return await db.Assignments.Where(a => a.Id == assignmentId).Select(a => a.Version).SingleAsync();
    }
}

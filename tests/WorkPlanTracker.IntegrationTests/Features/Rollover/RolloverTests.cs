using System.Net;
using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Accounts;
using WorkPlanTracker.Features.Assignments;
using WorkPlanTracker.Features.Import;
using WorkPlanTracker.Features.Import.Documents;
using WorkPlanTracker.Features.Plans;
using WorkPlanTracker.Features.Reminders;
using WorkPlanTracker.Features.Rollover;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.IntegrationTests.Features.Rollover;

/// <summary>年度结转 on the seeded sample plans: the 2024 plan (宿州) is published, worked on a little and rolled into 2025.</summary>
public class RolloverTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_rollover_from_2024_to_2025_on_the_sample_data_keeps_every_unfinished_task_traceable()
    {
        var planId = await PublishedSamplePlanAsync();
        var service = app.Get<RolloverService>();
        int closedTaskId;
        int partlyClosedTaskId;
        int closedUnitId;
        await using (var db = app.NewDbContext())
        {
            // One task done by every unit (not offered), one task done by one of its units (only the others carry on).
            var tasks = await db.Tasks.Where(t => t.PlanId == planId).Include(t => t.Assignments).ThenInclude(a => a.Reports)
                .OrderBy(t => t.SortOrder).ToListAsync();
            var done = tasks.First(t => t.Assignments.Count >= 1);
            var partly = tasks.First(t => t.Assignments.Count >= 2 && t != done);
            var now = DateTime.UtcNow;
            foreach (var assignment in done.Assignments.Append(partly.Assignments.OrderBy(a => a.Id).First()))
            {
                assignment.SubmitReport(ProgressReport.Written(now, "已完成。", 100, null, null, ""), now);
                assignment.RequestCompletion("已完成", now);
                assignment.ApproveCompletion(now);
            }

            await db.SaveChangesAsync();
            closedTaskId = done.Id;
            partlyClosedTaskId = partly.Id;
            closedUnitId = partly.Assignments.OrderBy(a => a.Id).First().OrgUnitId;
        }

        var sheet = (await service.SheetAsync(TestActors.Office, planId)).Value;
        Assert.DoesNotContain(sheet.Tasks, t => t.TaskId == closedTaskId);
        Assert.Contains("2025", sheet.NewPlanTitle, StringComparison.Ordinal);
        Assert.DoesNotContain("2024", sheet.NewPlanTitle, StringComparison.Ordinal);
        var unfinishedIds = sheet.Tasks.Select(t => t.TaskId).ToList();
        var givenUp = sheet.Tasks.First(t => !t.Ongoing && t.TaskId != partlyClosedTaskId);
        var decisions = sheet.Tasks.Select(t => t.TaskId == givenUp.TaskId
            ? new RolloverDecision(t.TaskId, RolloverChoice.CloseUnfinished, "政策调整，不再实施")
            : new RolloverDecision(t.TaskId, RolloverChoice.Carry)).ToList();
        var request = new RolloverRequest(planId, null, decisions);

        var chasedBefore = await ChasedInEarly2025Async(unfinishedIds);
        Assert.NotEmpty(chasedBefore);

        var preview = await service.PreviewAsync(TestActors.Office, request);
        Assert.True(preview.Succeeded, preview.Message);
        Assert.StartsWith("新建草稿计划《", preview.Value.Target, StringComparison.Ordinal);
        var result = await service.ApplyAsync(TestActors.Office, request);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(unfinishedIds.Count - 1, result.Value.Carried);
        await using var check = app.NewDbContext();
        var next = await check.Plans.SingleAsync(p => p.Id == result.Value.TargetPlanId);
        Assert.Equal((2025, PlanStatus.Draft), (next.Year, next.Status));
        var old = await check.Tasks.Where(t => unfinishedIds.Contains(t.Id)).Include(t => t.Assignments).ToListAsync();
        var carriedTasks = await check.Tasks.Where(t => t.PlanId == next.Id).Include(t => t.Assignments).Include(t => t.Parties).ToListAsync();
        foreach (var task in old)
        {
            // Traceable: every unfinished task either points to the 2025 task that continues it or says why it ended.
            if (task.Id == givenUp.TaskId)
            {
                Assert.Equal((YearEndOutcome.Unfinished, "政策调整，不再实施"), (task.YearEndOutcome, task.YearEndNote));
                Assert.DoesNotContain(carriedTasks, t => t.PreviousTaskId == task.Id);
                continue;
            }

            Assert.Equal(YearEndOutcome.Carried, task.YearEndOutcome);
            Assert.False(task.IsClosed);
            var successor = Assert.Single(carriedTasks, t => t.PreviousTaskId == task.Id);
            Assert.Equal(task.Title, successor.Title);
            Assert.Equal(task.Ongoing, successor.Ongoing);
            Assert.Equal(
                task.Assignments.Where(a => a.Status != AssignmentStatus.Closed).Select(a => (a.OrgUnitId, a.Role)).Order().ToList(),
                successor.Assignments.Select(a => (a.OrgUnitId, a.Role)).Order().ToList());
            Assert.True(task.Ongoing || successor.Deadline == new DateOnly(2025, 12, 31));
        }

        // The old deadline stays on the old task, and the partly done task goes on without the unit that finished.
        var partlyNext = carriedTasks.Single(t => t.PreviousTaskId == partlyClosedTaskId);
        Assert.DoesNotContain(partlyNext.Assignments, a => a.OrgUnitId == closedUnitId);
        var givenUpId = givenUp.TaskId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await check.AuditEntries.AnyAsync(e => e.EntityType == nameof(WorkTask) && e.EntityId == givenUpId && e.After!.Contains("政策调整")));

        // The old year's open assignment is a record now: the unit reports on the new task instead.
        var oldOpen = old.Where(t => t.YearEndOutcome == YearEndOutcome.Carried).SelectMany(t => t.Assignments).First(a => a.Status != AssignmentStatus.Closed);
        var report = await app.Get<AssignmentService>().SubmitReportAsync(
            TestActors.UserOf(oldOpen.OrgUnitId), oldOpen.Id, oldOpen.Version, new ReportInput { Progress = "继续推进。" });
        Assert.Equal(OutcomeKind.Conflict, report.Kind);
        Assert.Contains("已结转", report.Message, StringComparison.Ordinal);

        // Settled tasks are no longer chased: reminders go to the work that goes on.
        Assert.Empty(await ChasedInEarly2025Async(unfinishedIds));

        // Nothing is left to settle, and doing it again is refused without a change.
        Assert.Empty((await service.SheetAsync(TestActors.Office, planId)).Value.Tasks);
        var again = await service.ApplyAsync(TestActors.Office, request);
        Assert.Equal(OutcomeKind.Conflict, again.Kind);
        Assert.Equal(carriedTasks.Count, await check.Tasks.CountAsync(t => t.PlanId == next.Id));
    }

    [Fact]
    public async Task Only_the_planning_office_rolls_a_plan_over_and_a_missing_reason_changes_nothing()
    {
        await using var db = app.NewDbContext();
        var planId = await db.Plans.Where(p => p.Year == 2020).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        var taskId = await db.Tasks.Where(t => t.PlanId == planId).OrderBy(t => t.SortOrder).Select(t => t.Id).FirstAsync();
        var service = app.Get<RolloverService>();
        var request = new RolloverRequest(planId, null, [new RolloverDecision(taskId, RolloverChoice.Carry)]);
        var plansBefore = await db.Plans.CountAsync();

        foreach (var actor in new[] { TestActors.Leader, TestActors.UserOf(1) })
        {
            Assert.Equal(OutcomeKind.Forbidden, (await service.SheetAsync(actor, planId)).Kind);
            Assert.Equal(OutcomeKind.Forbidden, (await service.ApplyAsync(actor, request)).Kind);
        }

        var noReason = await service.ApplyAsync(TestActors.Office, request with { Decisions = [new RolloverDecision(taskId, RolloverChoice.CloseUnfinished, " ")] });
        Assert.Equal(OutcomeKind.Invalid, noReason.Kind);
        Assert.Contains("请填写原因", noReason.Message, StringComparison.Ordinal);
        Assert.Equal(plansBefore, await db.Plans.CountAsync());
        Assert.Equal(YearEndOutcome.None, await db.Tasks.Where(t => t.Id == taskId).Select(t => t.YearEndOutcome).SingleAsync());

        var unit = await app.SignedInClientAsync("unit", DemoAccounts.Password);
        var page = await unit.GetAsync($"/plans/{planId}/rollover");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/account/access-denied", page.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Importing_next_years_plan_proposes_last_years_tasks_and_links_only_what_the_office_confirmed()
    {
        const string lastYear = """
            延续县2034年政务公开工作要点
            一、工作任务
            1.深化政策解读，围绕重大政策开展多种形式的解读，提高解读质量。(延续甲局牵头,2034年12月底前)
            2.推进基层政务公开标准化规范化建设。(延续乙局牵头,持续推进)
            3.做好政府信息公开工作年度报告的编制和发布。(延续甲局牵头,2034年3月底前)
            """;
        const string thisYear = """
            延续县2035年政务公开工作要点
            一、工作任务
            1.推进基层政务公开标准化规范化建设。(延续乙局牵头,持续推进)
            2.建设统一的政策文件库，集中公开现行有效的规范性文件。(延续甲局牵头,2035年10月底前)
            3.深化政策解读，围绕重大政策开展多种形式解读，不断提高解读质量。(延续甲局牵头,2035年12月底前)
            4.做好政府信息公开工作年度报告的编制和发布。(延续甲局牵头,2035年3月底前)
            """;
        var lastPlanId = await app.ImportPlanAsync(lastYear, "continuity-2034.txt");
        await using var db = app.NewDbContext();
        var last = await db.Tasks.Where(t => t.PlanId == lastPlanId).ToDictionaryAsync(t => t.Path);
        var importer = app.Get<PlanImportService>();

        var review = await importer.ReviewAsync(new PlanDocument { Text = thisYear }, "continuity-2035.txt");

        Assert.Equal(
            [("一.1", last["一.2"].Id, ContinuityDecision.Confirmed), ("一.3", last["一.1"].Id, ContinuityDecision.Undecided), ("一.4", last["一.3"].Id, ContinuityDecision.Undecided)],
            review.ContinuityProposals.Select(p => (p.Task.Path, p.Previous.TaskId, p.Decision)).ToList());
        review.ContinuityProposals.Single(p => p.Task.Path == "一.3").Decision = ContinuityDecision.Confirmed;
        review.ContinuityProposals.Single(p => p.Task.Path == "一.4").Decision = ContinuityDecision.Rejected;
        var planId = await importer.CommitAsync(review);

        var saved = await db.Tasks.AsNoTracking().Where(t => t.PlanId == planId).ToDictionaryAsync(t => t.Path, t => t.PreviousTaskId);
        Assert.Equal(last["一.2"].Id, saved["一.1"]);
        Assert.Null(saved["一.2"]);
        Assert.Equal(last["一.1"].Id, saved["一.3"]);
        Assert.Null(saved["一.4"]);

        // The task's years page reads the chain both ways.
        var years = (await app.Get<YearOverYearService>().TaskYearsAsync(TestActors.Leader, last["一.1"].Id)).Value;
        Assert.Equal([2034, 2035], years.Select(y => y.Year).ToList());
        Assert.Equal(OutcomeKind.Forbidden, (await app.Get<YearOverYearService>().TaskYearsAsync(TestActors.UserOf(1), last["一.1"].Id)).Kind);
    }

    /// <summary>The assignments of <paramref name="taskIds"/> that reminders would chase in the first two weeks of 2025.</summary>
    private async Task<HashSet<int>> ChasedInEarly2025Async(IReadOnlyCollection<int> taskIds)
    {
        await using var db = app.NewDbContext();
        var assignments = (await db.Assignments.Where(a => taskIds.Contains(a.TaskId)).Select(a => a.Id).ToListAsync()).ToHashSet();
        var planner = app.Get<ReminderPlanner>();
        var chased = new HashSet<int>();
        for (var day = new DateOnly(2025, 1, 1); day <= new DateOnly(2025, 1, 14); day = day.AddDays(1))
        {
            chased.UnionWith((await planner.DueOnAsync(day)).Select(r => r.AssignmentId).Where(assignments.Contains));
        }

        return chased;
    }

    private async Task<int> PublishedSamplePlanAsync()
    {
        await using var db = app.NewDbContext();
        var planId = await db.Plans.Where(p => p.Year == 2024).Select(p => p.Id).SingleAsync();
        var published = await app.Get<PlanPublishingService>().PublishAsync(TestActors.Office, planId);
        Assert.True(published.Succeeded, published.Message);
        return planId;
    }
}

using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Import;
using WorkPlanTracker.Features.Import.Documents;

namespace WorkPlanTracker.Tests.Features.Import;

public class PlanReimportTests(SeededDatabase db) : IClassFixture<SeededDatabase>
{
    private const string FirstVersion = """
        测试市2031年政务公开工作要点
        一、工作任务
        1.加强政策解读。(市政府办公室牵头,2031年6月底前)
        2.做好依申请公开。(市司法局牵头,2031年12月底前)
        3.推进基层公开。(县区政府负责落实,持续推进)
        """;

    private const string SecondVersion = """
        测试市2031年政务公开工作要点
        一、工作任务
        1.加强政策解读。(市政府办公室牵头,2031年9月底前)
        3.推进基层公开。(县区政府负责落实,持续推进)
        4.办好政府开放日。(市政府办公室牵头,2031年10月底前)
        """;

    private async Task<(PlanImportService Importer, int PlanId)> ImportFirstVersionAsync(string title)
    {
        var importer = db.Get<PlanImportService>();
        var parsed = importer.Parse(new PlanDocument { Text = FirstVersion.Replace("测试市", title) }, "v1.txt");
        return (importer, (await importer.SaveAsync(parsed, "v1.txt", FirstVersion)).Id);
    }

    [Fact]
    public async Task Comparing_a_revision_lists_added_changed_removed_and_unchanged_tasks()
    {
        var (importer, planId) = await ImportFirstVersionAsync("甲市");
        var revised = importer.Parse(new PlanDocument { Text = SecondVersion.Replace("测试市", "甲市") }, "v2.txt");

        var revision = (await importer.CompareWithSavedAsync(planId, revised))!;

        Assert.Equal(["一.4"], revision.Added.Select(t => t.Path));
        var change = Assert.Single(revision.Changed);
        Assert.Equal("一.1", change.Saved.Path);
        Assert.Equal(new FieldChange("完成时限", "2031-06-30", "2031-09-30"), Assert.Single(change.Fields));
        Assert.Equal(["一.2"], revision.Removed.Select(t => t.Path));
        Assert.Equal(1, revision.UnchangedCount);
    }

    [Fact]
    public async Task A_review_of_a_plan_imported_before_finds_the_earlier_version()
    {
        var (importer, planId) = await ImportFirstVersionAsync("乙市");

        var review = await importer.ReviewAsync(new PlanDocument { Text = SecondVersion.Replace("测试市", "乙市") }, "v2.txt");

        Assert.Equal(planId, review.Revision?.PlanId);
    }

    [Fact]
    public async Task Updating_keeps_task_ids_assignments_and_reports_and_keeps_dropped_tasks_that_have_work()
    {
        var (importer, planId) = await ImportFirstVersionAsync("丙市");
        int changedId, droppedId, reportId;
        await using (var data = db.NewContext())
        {
            var tasks = await data.Tasks.Where(t => t.PlanId == planId).ToListAsync();
            changedId = tasks.Single(t => t.Path == "一.1").Id;
            droppedId = tasks.Single(t => t.Path == "一.2").Id;
            var unit = await data.Units.FirstAsync();
            var assignment = new TaskAssignment { TaskId = droppedId, OrgUnitId = unit.Id, Role = AssignmentRole.Lead };
            assignment.Reports.Add(new ProgressReport { Progress = "已完成一半" });
            data.Assignments.Add(assignment);
            await data.SaveChangesAsync();
            reportId = assignment.Reports[0].Id;
        }

        var revised = importer.Parse(new PlanDocument { Text = SecondVersion.Replace("测试市", "丙市") }, "v2.txt");
        var result = await importer.UpdateAsync(planId, revised, "v2.txt", SecondVersion);

        Assert.Equal(new PlanUpdateCounts(planId, Added: 1, Changed: 1, Deleted: 0, KeptWithWork: 1), result);
        await using var check = db.NewContext();
        var after = await check.Tasks.Where(t => t.PlanId == planId).OrderBy(t => t.SortOrder).ToListAsync();
        Assert.Equal(["一.1", "一.3", "一.4", "一.2"], after.Select(t => t.Path));
        Assert.Equal(new DateOnly(2031, 9, 30), after.Single(t => t.Id == changedId).Deadline);
        Assert.Contains(after, t => t.Id == droppedId);
        Assert.True(await check.ProgressReports.AnyAsync(r => r.Id == reportId));
        Assert.Equal("v2.txt", (await check.Plans.SingleAsync(p => p.Id == planId)).SourceFileName);
    }

    [Fact]
    public async Task A_deadline_the_revision_moves_reaches_the_units_already_assigned()
    {
        var (importer, planId) = await ImportFirstVersionAsync("庚市");
        int assignmentId;
        await using (var data = db.NewContext())
        {
            var task = await data.Tasks.Include(t => t.Assignments).SingleAsync(t => t.PlanId == planId && t.Path == "一.1");
            var unit = await data.Units.FirstAsync();
            var assignment = task.AssignTo(unit.Id, AssignmentRole.Lead, new DateTime(2031, 3, 1, 2, 0, 0, DateTimeKind.Utc))!;
            await data.SaveChangesAsync();
            assignmentId = assignment.Id;
            Assert.Equal(new DateOnly(2031, 6, 30), assignment.DueDate);
        }

        var revised = importer.Parse(new PlanDocument { Text = SecondVersion.Replace("测试市", "庚市") }, "v2.txt");
        await importer.UpdateAsync(planId, revised, "v2.txt", SecondVersion);

        await using var check = db.NewContext();
        var after = await check.Assignments.SingleAsync(a => a.Id == assignmentId);
        Assert.Equal(new DateOnly(2031, 9, 30), after.DueDate);
        Assert.Equal(new DateOnly(2031, 9, 30), after.OriginalDueDate);
    }

    [Fact]
    public async Task Updating_deletes_dropped_tasks_that_nobody_worked_on()
    {
        var (importer, planId) = await ImportFirstVersionAsync("丁市");
        var revised = importer.Parse(new PlanDocument { Text = SecondVersion.Replace("测试市", "丁市") }, "v2.txt");

        var result = await importer.UpdateAsync(planId, revised, "v2.txt", SecondVersion);

        Assert.Equal(1, result.Deleted);
        await using var check = db.NewContext();
        Assert.Equal(["一.1", "一.3", "一.4"], await check.Tasks.Where(t => t.PlanId == planId).OrderBy(t => t.SortOrder).Select(t => t.Path).ToListAsync());
    }
}

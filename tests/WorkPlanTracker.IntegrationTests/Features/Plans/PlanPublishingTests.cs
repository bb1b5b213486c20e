using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Assignments;
using WorkPlanTracker.Features.Plans;
using WorkPlanTracker.IntegrationTests.Features.Assignments;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.IntegrationTests.Features.Plans;

public class PlanPublishingTests(WorkflowFixture fixture) : IClassFixture<WorkflowFixture>
{
    [Fact]
    public async Task Only_the_planning_office_publishes()
    {
        var publishing = fixture.Get<PlanPublishingService>();
        await using var db = fixture.App.NewDbContext();
        var before = await db.Assignments.CountAsync();

        foreach (var actor in new[] { fixture.Leader, fixture.UserOf(fixture.UnitA) })
        {
            var result = await publishing.PublishAsync(actor, fixture.PlanId);
            Assert.Equal(OutcomeKind.Forbidden, result.Kind);
        }

        Assert.Equal(before, await db.Assignments.CountAsync());
    }

    [Fact]
    public async Task An_archived_plan_is_not_published_again_and_gets_no_new_assignments()
    {
        const string text = """
            归档县2035年政务公开工作要点
            一、工作任务
            1.做好年度报告公开。(工作流乙局牵头,2035年9月底前)
            """;
        var planId = await fixture.App.ImportPlanAsync(text, "archived.txt");
        await using (var db = fixture.App.NewDbContext())
        {
            var plan = await db.Plans.SingleAsync(p => p.Id == planId);
            plan.Publish();
            plan.Archive();
            await db.SaveChangesAsync();
        }

        var result = await fixture.Get<PlanPublishingService>().PublishAsync(fixture.Office, planId);

        Assert.Equal(OutcomeKind.Conflict, result.Kind);
        Assert.Equal("计划已归档，不能再发布或补充分派。", result.Message);
        await using var check = fixture.App.NewDbContext();
        Assert.Equal(PlanStatus.Archived, (await check.Plans.SingleAsync(p => p.Id == planId)).Status);
        Assert.False(await check.Assignments.AnyAsync(a => a.WorkTask!.PlanId == planId));
    }

    [Fact]
    public async Task Publishing_assigns_each_named_unit_once_fans_groups_out_and_can_be_repeated()
    {
        var publishing = fixture.Get<PlanPublishingService>();

        var first = await publishing.PublishAsync(fixture.Office, fixture.PlanId);

        Assert.True(first.Succeeded);
        Assert.Equal(["工作流各部门"], first.Value.GroupsWithoutMembers);
        Assert.Contains("尚未设置成员", first.Message);
        await using (var db = fixture.App.NewDbContext())
        {
            var assignments = await db.Assignments.Include(a => a.WorkTask).Where(a => a.WorkTask!.PlanId == fixture.PlanId).ToListAsync();
            Assert.Equal(
                [("一.1", fixture.UnitA, AssignmentRole.Lead), ("一.1", fixture.UnitB, AssignmentRole.Supporting), ("一.3", fixture.UnitB, AssignmentRole.Lead)],
                assignments.Select(a => (a.WorkTask!.Path, a.OrgUnitId, a.Role)).Order().ToList());
            Assert.Equal(new DateOnly(2035, 6, 30), assignments.First(a => a.WorkTask!.Path == "一.1").DueDate);
            Assert.Equal(PlanStatus.Published, (await db.Plans.SingleAsync(p => p.Id == fixture.PlanId)).Status);

            var group = await db.UnitGroups.Include(g => g.Members).SingleAsync(g => g.Name == "工作流各部门");
            group.Members.AddRange(await db.Units.Where(u => u.Id == fixture.UnitA || u.Id == fixture.UnitB).ToListAsync());
            await db.SaveChangesAsync();
        }

        var notices = fixture.Get<UnitNoticeService>();
        var toB = await notices.ForActorAsync(fixture.UserOf(fixture.UnitB));
        Assert.Equal("《工作流县2035年政务公开工作要点》已发布，本单位新承办 2 项任务，请及时签收。", Assert.Single(toB).Body);
        Assert.Single(await notices.ForActorAsync(fixture.UserOf(fixture.UnitA)));
        Assert.Empty(await notices.ForActorAsync(fixture.Leader));

        var again = await publishing.PublishAsync(fixture.Office, fixture.PlanId);

        Assert.Equal(2, again.Value.Created);
        Assert.Empty(again.Value.GroupsWithoutMembers);
        var third = await publishing.PublishAsync(fixture.Office, fixture.PlanId);
        Assert.Equal(0, third.Value.Created);
        Assert.Equal(2, (await notices.ForActorAsync(fixture.UserOf(fixture.UnitB))).Count);
    }
}

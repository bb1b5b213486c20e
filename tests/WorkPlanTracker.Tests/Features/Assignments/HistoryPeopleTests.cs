using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Data;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Assignments;
using WorkPlanTracker.Features.Plans;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Tests.Features.Assignments;

/// <summary>Who did what, in an assignment's 办理记录 and a task's whole history: the person, not their login name.</summary>
public class HistoryPeopleTests(SeededDatabase db) : IClassFixture<SeededDatabase>
{
    private static readonly Actor Office = new("office", new HashSet<string> { AppRoles.PlanningOffice }, new HashSet<int>());

    private static readonly Actor Administrator = new("admin", new HashSet<string> { AppRoles.Admin }, new HashSet<int>());

    private static Actor UserOf(int unitId) => new("unit-" + unitId, new HashSet<string> { AppRoles.UnitUser }, new HashSet<int> { unitId });

    /// <summary>
    /// An assignment with an entry by <paramref name="userName"/>; the account is created first with the given display
    /// name (in the assignment's unit when <paramref name="inUnit"/>), or not at all when the display name is null.
    /// </summary>
    private async Task<TaskAssignment> AssignmentTouchedByAsync(string userName, string? displayName, bool inUnit)
    {
        var publishing = db.Get<PlanPublishingService>();
        await using var data = db.NewContext();
        foreach (var planId in await data.Plans.Select(p => p.Id).ToListAsync())
        {
            await publishing.PublishAsync(Office, planId);
        }

        var assignment = await data.Assignments.Include(a => a.OrgUnit).OrderBy(a => a.Id).FirstAsync();
        if (displayName is not null)
        {
            data.Users.Add(new AppUser { UserName = userName, DisplayName = displayName, Units = inUnit ? [assignment.OrgUnit!] : [] });
        }

        data.AuditEntries.Add(new AuditEntry
        {
            AtUtc = db.Clock.GetUtcNow().UtcDateTime,
            UserName = userName,
            EntityType = nameof(TaskAssignment),
            EntityId = assignment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Action = AuditAction.Modified,
            Before = """{"CompletionSummary":null}""",
            After = $$"""{"CompletionSummary":"{{userName}} 写的说明"}""",
        });
        await data.SaveChangesAsync();
        return assignment;
    }

    private static PersonName WhoWrote(IEnumerable<HistoryLine> lines, string userName) =>
        Assert.Single(lines, l => l.What.Contains($"{userName} 写的说明", StringComparison.Ordinal)).Who;

    [Fact]
    public async Task A_unit_reads_its_record_with_the_persons_name_and_unit_and_no_login_name()
    {
        var assignment = await AssignmentTouchedByAsync("zsj_a", "张三", inUnit: true);

        var who = WhoWrote(await db.Get<AssignmentService>().HistoryAsync(UserOf(assignment.OrgUnitId), assignment.Id), "zsj_a");

        Assert.Equal(new PersonName($"张三（{assignment.OrgUnit!.Name}）", null), who);
    }

    [Fact]
    public async Task An_administrator_still_sees_the_login_name_beside_the_person()
    {
        var assignment = await AssignmentTouchedByAsync("lsi_b", "李四", inUnit: true);

        var who = WhoWrote(await db.Get<AssignmentService>().HistoryAsync(Administrator, assignment.Id), "lsi_b");

        Assert.Equal(new PersonName($"李四（{assignment.OrgUnit!.Name}）", "lsi_b"), who);
    }

    [Fact]
    public async Task The_task_history_shows_an_office_account_by_its_display_name_alone()
    {
        var assignment = await AssignmentTouchedByAsync("ducha_w", "王督查", inUnit: false);

        var history = (await db.Get<TaskHistoryService>().GetAsync(Office, assignment.TaskId)).Value;

        var line = Assert.Single(history.Lines, l => l.What.Contains("ducha_w 写的说明", StringComparison.Ordinal));
        Assert.Equal(new PersonName("王督查", null), line.Who);
    }

    [Fact]
    public async Task A_login_name_without_an_account_any_more_is_shown_as_it_was_stored()
    {
        var assignment = await AssignmentTouchedByAsync("gone_c", displayName: null, inUnit: false);

        var who = WhoWrote(await db.Get<AssignmentService>().HistoryAsync(Office, assignment.Id), "gone_c");

        Assert.Equal(new PersonName("gone_c", null), who);
    }

    [Fact]
    public async Task A_units_account_named_after_the_unit_does_not_name_the_unit_twice()
    {
        var assignment = await AssignmentTouchedByAsync("shared_d", "placeholder", inUnit: true);
        await using (var data = db.NewContext())
        {
            var user = await data.Users.SingleAsync(u => u.UserName == "shared_d");
            user.DisplayName = assignment.OrgUnit!.Name + "（值班）";
            await data.SaveChangesAsync();
        }

        var who = WhoWrote(await db.Get<AssignmentService>().HistoryAsync(UserOf(assignment.OrgUnitId), assignment.Id), "shared_d");

        Assert.Equal(new PersonName(assignment.OrgUnit!.Name + "（值班）", null), who);
    }
}

using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkPlanTracker.Data;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Assignments;
using WorkPlanTracker.Features.Escalations;
using WorkPlanTracker.Features.Plans;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Tests.Features.Escalations;

/// <summary>The 督办单 panel of the assignment page, on the seeded sample plans published on 2024年6月1日.</summary>
public class EscalationPanelTests(SeededDatabase db) : IClassFixture<SeededDatabase>
{
    private static readonly Actor Office = new("office", new HashSet<string> { AppRoles.PlanningOffice }, new HashSet<int>());

    private static Actor UserOf(int unitId) => new("unit-" + unitId, new HashSet<string> { AppRoles.UnitUser }, new HashSet<int> { unitId });

    /// <summary>A late assignment not used by another test (each takes the next one).</summary>
    private async Task<TaskAssignment> LateAssignmentAsync(int skip)
    {
        var publishing = db.Get<PlanPublishingService>();
        await using var data = db.NewContext();
        foreach (var planId in await data.Plans.Select(p => p.Id).ToListAsync())
        {
            await publishing.PublishAsync(Office, planId);
        }

        var today = WorkCalendar.DateOf(db.Clock.GetUtcNow().UtcDateTime);
        var id = await data.Assignments.Where(a => a.DueDate != null && a.DueDate < today).OrderBy(a => a.Id).Skip(skip).Select(a => a.Id).FirstAsync();
        return (await db.Get<AssignmentService>().GetAsync(Office, id)).Value;
    }

    private IRenderedComponent<EscalationPanel> Render(BunitContext ctx, TaskAssignment assignment, Actor actor)
    {
        ctx.Services.AddSingleton(db.Get<EscalationService>());
        ctx.Services.AddSingleton(db.Get<PersonNameService>());
        return ctx.Render<EscalationPanel>(p => p.Add(x => x.Assignment, assignment).Add(x => x.Actor, actor));
    }

    [Fact]
    public async Task The_office_issues_a_notice_from_the_form_and_the_form_goes_away_while_it_is_open()
    {
        var late = await LateAssignmentAsync(skip: 0);
        await using var ctx = new BunitContext();
        var panel = Render(ctx, late, Office);
        panel.WaitForAssertion(() => Assert.NotNull(panel.Find("#issue-escalation")));

        panel.Find("#escalation-text").Change("请于五个工作日内报送逾期原因和整改措施");
        panel.Find("#issue-escalation").Click();

        panel.WaitForAssertion(() => Assert.Contains("已下发督办单（督办〔2024〕", panel.Markup, StringComparison.Ordinal));
        Assert.Contains("请于五个工作日内报送逾期原因和整改措施", panel.Find(".escalation.open").TextContent, StringComparison.Ordinal);
        Assert.Empty(panel.FindAll("#issue-escalation"));
    }

    [Fact]
    public async Task The_unit_signs_and_answers_and_another_unit_sees_no_panel_at_all()
    {
        var late = await LateAssignmentAsync(skip: 1);
        Assert.True((await db.Get<EscalationService>().IssueAsync(Office, late.Id, "请说明逾期原因", new DateOnly(2024, 6, 7))).Succeeded);
        await using var ctx = new BunitContext();
        var panel = Render(ctx, late, UserOf(late.OrgUnitId));
        panel.WaitForAssertion(() => Assert.NotNull(panel.Find(".acknowledge-escalation")));

        panel.Find(".acknowledge-escalation").Click();
        panel.WaitForAssertion(() => Assert.Contains("督办单已签收", panel.Markup, StringComparison.Ordinal));
        panel.Find("textarea").Change("因机构调整延误，已于6月3日补报");
        panel.Find(".respond-escalation").Click();

        panel.WaitForAssertion(() => Assert.Contains("回复：</strong>因机构调整延误，已于6月3日补报", panel.Markup, StringComparison.Ordinal));
        Assert.Empty(panel.FindAll("textarea"));

        await using var otherCtx = new BunitContext();
        var other = Render(otherCtx, late, UserOf(late.OrgUnitId + 100000));
        Assert.Equal("", other.Markup.Trim());
    }

    [Fact]
    public async Task The_notice_names_who_issued_it_by_display_name_and_only_an_administrator_sees_the_login_name()
    {
        var late = await LateAssignmentAsync(skip: 2);
        await using (var data = db.NewContext())
        {
            data.Users.Add(new AppUser { UserName = "ducha_wang", DisplayName = "王督查" });
            await data.SaveChangesAsync();
        }

        var issuer = new Actor("ducha_wang", new HashSet<string> { AppRoles.PlanningOffice }, new HashSet<int>());
        Assert.True((await db.Get<EscalationService>().IssueAsync(issuer, late.Id, "请说明逾期原因", new DateOnly(2024, 6, 7))).Succeeded);

        await using var ctx = new BunitContext();
        var panel = Render(ctx, late, UserOf(late.OrgUnitId));
        panel.WaitForAssertion(() => Assert.Contains("下发（王督查）", panel.Find(".escalation").TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain("ducha_wang", panel.Markup, StringComparison.Ordinal);

        await using var adminCtx = new BunitContext();
        var admin = new Actor("admin", new HashSet<string> { AppRoles.Admin }, new HashSet<int>());
        var adminPanel = Render(adminCtx, late, admin);
        adminPanel.WaitForAssertion(() => Assert.Contains("ducha_wang", adminPanel.Find(".escalation .login-name").TextContent, StringComparison.Ordinal));
        Assert.Contains("王督查", adminPanel.Find(".escalation .person-name").TextContent, StringComparison.Ordinal);
    }
}

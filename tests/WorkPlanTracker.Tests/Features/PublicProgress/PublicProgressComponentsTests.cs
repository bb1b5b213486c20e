using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkPlanTracker.Data;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Assignments;
using WorkPlanTracker.Features.Plans;
using WorkPlanTracker.Features.PublicProgress;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Tests.Features.PublicProgress;

/// <summary>The office's switch (with its confirmation) and the desk where a report's public summary is approved.</summary>
public class PublicProgressComponentsTests(SeededDatabase db) : IClassFixture<SeededDatabase>
{
    private const string Suzhou = "2024年宿州市政务公开重点工作任务分工方案";

    private static readonly Actor Office = new("office", new HashSet<string> { AppRoles.PlanningOffice }, new HashSet<int>());

    private BunitContext NewContext(string userName, string role)
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddSingleton(db.Get<PublicProgressService>());
        ctx.Services.AddSingleton(db.Get<IDbContextFactory<AppDbContext>>());
        ctx.Services.AddScoped<ActorResolver>();
        ctx.AddAuthorization().SetAuthorized(userName).SetRoles(role);
        ctx.Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        return ctx;
    }

    /// <summary>宿州 published once for the class (it names units, so its tasks get assignments).</summary>
    private async Task<int> PublishedPlanAsync()
    {
        await using var data = db.NewContext();
        var plan = await data.Plans.SingleAsync(p => p.Title == Suzhou);
        if (plan.Status == PlanStatus.Draft)
        {
            Assert.True((await db.Get<PlanPublishingService>().PublishAsync(Office, plan.Id)).Succeeded);
        }

        return plan.Id;
    }

    [Fact]
    public async Task The_office_opens_the_page_only_after_confirming_and_can_close_it_again()
    {
        var planId = await PublishedPlanAsync();
        await using var ctx = NewContext("office", AppRoles.PlanningOffice);

        var view = ctx.Render<PublicPageSwitch>(p => p.Add(x => x.PlanId, planId).Add(x => x.Actor, Office));

        view.WaitForAssertion(() => Assert.Contains("未公开", view.Find(".public-page-switch").TextContent, StringComparison.Ordinal));
        view.Find("#public-page-toggle").Click();
        Assert.Contains("确认开启？", view.Find("#public-page-question").TextContent, StringComparison.Ordinal);
        await using (var data = db.NewContext())
        {
            Assert.False(await data.Plans.Where(p => p.Id == planId).Select(p => p.IsPublic).SingleAsync());
        }

        view.Find("#public-page-confirm").Click();

        view.WaitForAssertion(() => Assert.StartsWith("public/plans/", view.Find("#public-page-link").GetAttribute("href"), StringComparison.Ordinal));
        Assert.Contains("公开进展页已开启", view.Find(".public-page-message").TextContent, StringComparison.Ordinal);
        // The address is the page's random key alone, no internal id (a key may end in the id's digit by chance).
        Assert.Matches("^public/plans/[0-9a-f]{24}$", view.Find("#public-page-link").GetAttribute("href"));

        view.Find("#public-page-toggle").Click();
        Assert.Contains("确认停止公开？", view.Find("#public-page-question").TextContent, StringComparison.Ordinal);
        view.Find("#public-page-confirm").Click();

        view.WaitForAssertion(() => Assert.Contains("未公开", view.Find(".public-page-switch").TextContent, StringComparison.Ordinal));
        Assert.Empty(view.FindAll("#public-page-link"));
    }

    [Fact]
    public async Task A_leader_sees_a_refusal_and_no_switch()
    {
        var planId = await PublishedPlanAsync();
        await using var ctx = NewContext("leader", AppRoles.Leadership);
        var leader = new Actor("leader", new HashSet<string> { AppRoles.Leadership }, new HashSet<int>());

        var view = ctx.Render<PublicPageSwitch>(p => p.Add(x => x.PlanId, planId).Add(x => x.Actor, leader));

        view.WaitForAssertion(() => Assert.Contains("您没有权限", view.Find(".public-page-message").TextContent, StringComparison.Ordinal));
        Assert.Empty(view.FindAll("#public-page-toggle"));
    }

    [Fact]
    public async Task On_the_desk_the_office_approves_a_summary_written_from_the_units_report()
    {
        var planId = await PublishedPlanAsync();
        int assignmentId, unitId;
        await using (var data = db.NewContext())
        {
            var assignment = await data.Assignments.Where(a => a.WorkTask!.PlanId == planId).OrderBy(a => a.Id).FirstAsync();
            (assignmentId, unitId) = (assignment.Id, assignment.OrgUnitId);
            var version = assignment.Version;
            var unit = new Actor("unit", new HashSet<string> { AppRoles.UnitUser }, new HashSet<int> { unitId });
            Assert.True((await db.Get<AssignmentService>().SubmitReportAsync(unit, assignmentId, version, new ReportInput { Progress = "单位原文：已完成专栏建设" })).Succeeded);
        }

        await using var ctx = NewContext("office", AppRoles.PlanningOffice);
        var page = ctx.Render<PublicDeskPage>(p => p.Add(x => x.PlanId, planId));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".public-summary-editor")));
        var editor = page.FindAll(".public-summary-editor").Single(e => e.TextContent.Contains("单位原文：已完成专栏建设", StringComparison.Ordinal));
        var reportId = editor.GetAttribute("data-report")!;
        Assert.Contains("未公开", editor.TextContent, StringComparison.Ordinal);
        // The summary starts from the unit's words; the office edits it before approving.
        Assert.Equal("单位原文：已完成专栏建设", page.Find($"#public-summary-{reportId}").GetAttribute("value"));
        page.Find($"#public-summary-{reportId}").Change("已建成政务公开专栏。");
        page.Find($"[data-report='{reportId}'] .approve-summary").Click();

        page.WaitForAssertion(() => Assert.Contains("已公开", page.Find($"[data-report='{reportId}']").TextContent, StringComparison.Ordinal));
        await using var check = db.NewContext();
        var report = await check.ProgressReports.SingleAsync(r => r.Id == int.Parse(reportId, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("已建成政务公开专栏。", report.PublicSummary);
        Assert.True(report.HasPublicSummary);
    }

    [Fact]
    public async Task An_empty_summary_is_refused_with_a_message_and_nothing_is_approved()
    {
        var planId = await PublishedPlanAsync();
        await using (var data = db.NewContext())
        {
            var assignment = await data.Assignments.Where(a => a.WorkTask!.PlanId == planId).OrderByDescending(a => a.Id).FirstAsync();
            var unit = new Actor("unit", new HashSet<string> { AppRoles.UnitUser }, new HashSet<int> { assignment.OrgUnitId });
            Assert.True((await db.Get<AssignmentService>().SubmitReportAsync(unit, assignment.Id, assignment.Version, new ReportInput { Progress = "另一单位原文" })).Succeeded);
        }

        await using var ctx = NewContext("office", AppRoles.PlanningOffice);
        var page = ctx.Render<PublicDeskPage>(p => p.Add(x => x.PlanId, planId));
        page.WaitForAssertion(() => Assert.Contains(page.FindAll(".public-summary-editor"), e => e.TextContent.Contains("另一单位原文", StringComparison.Ordinal)));
        var reportId = page.FindAll(".public-summary-editor").Single(e => e.TextContent.Contains("另一单位原文", StringComparison.Ordinal)).GetAttribute("data-report")!;

        page.Find($"#public-summary-{reportId}").Change("  ");
        page.Find($"[data-report='{reportId}'] .approve-summary").Click();

        page.WaitForAssertion(() => Assert.Contains("请填写公开摘要", page.Find($"[data-report='{reportId}'] .public-summary-message").TextContent, StringComparison.Ordinal));
        await using var check = db.NewContext();
        Assert.False((await check.ProgressReports.SingleAsync(r => r.Id == int.Parse(reportId, System.Globalization.CultureInfo.InvariantCulture))).HasPublicSummary);
    }
}

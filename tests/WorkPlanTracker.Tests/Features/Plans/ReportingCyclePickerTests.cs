using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkPlanTracker.Data;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Plans;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Tests.Features.Plans;

/// <summary>The office sets the plan's reporting cycle on the plan page; other roles only read it.</summary>
public class ReportingCyclePickerTests(SeededDatabase db) : IClassFixture<SeededDatabase>
{
    private BunitContext NewContext(string userName, string role)
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddSingleton(db.Get<PlanQueryService>());
        ctx.Services.AddSingleton(db.Get<PlanPublishingService>());
        ctx.Services.AddSingleton(db.Get<WorkPlanTracker.Features.Ledger.LedgerService>());
        ctx.Services.AddSingleton(db.Get<ReportingCycleService>());
        ctx.Services.AddSingleton(db.Get<WorkPlanTracker.Features.PublicProgress.PublicProgressService>());
        ctx.Services.AddSingleton(db.Get<IDbContextFactory<AppDbContext>>());
        ctx.Services.AddScoped<ActorResolver>();
        ctx.Services.AddSingleton<WorkPlanTracker.Components.PrerenderHandOver>();
        ctx.AddAuthorization().SetAuthorized(userName).SetRoles(role);
        ctx.Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        return ctx;
    }

    private async Task<WorkPlan> PlanAsync(string title)
    {
        await using var data = db.NewContext();
        return await data.Plans.AsNoTracking().SingleAsync(p => p.Title == title);
    }

    [Fact]
    public async Task The_office_sets_a_monthly_cycle_and_the_page_shows_it_with_a_success_message()
    {
        await using var ctx = NewContext("office", AppRoles.PlanningOffice);
        var plan = await PlanAsync("2024年宿州市政务公开重点工作任务分工方案");

        var page = ctx.Render<PlanDetailPage>(p => p.Add(x => x.PlanId, plan.Id));
        page.WaitForAssertion(() => Assert.Contains("报送周期：不定期报送", page.Find(".plan-reporting-cycle").TextContent));
        page.Find("#reporting-cycle-kind").Change(ReportingCycleKind.Monthly.ToString());
        page.Find("#reporting-day").Change("12");
        page.Find("#save-reporting-cycle").Click();

        page.WaitForAssertion(() => Assert.Contains("报送周期：每月12日前", page.Find(".plan-reporting-cycle").TextContent));
        Assert.Contains("报送周期已设为“每月12日前”", page.Find(".reporting-cycle-message.alert-success").TextContent);
        Assert.Equal(ReportingCycle.Monthly(12), (await PlanAsync(plan.Title)).ReportingCycle);
    }

    [Fact]
    public async Task A_day_that_not_every_month_has_is_refused_on_the_page()
    {
        await using var ctx = NewContext("office", AppRoles.PlanningOffice);
        var plan = await PlanAsync("2024年宿州市政务公开重点工作任务分工方案");
        var before = plan.ReportingCycle;

        var page = ctx.Render<PlanDetailPage>(p => p.Add(x => x.PlanId, plan.Id));
        page.WaitForAssertion(() => page.Find("#reporting-cycle-kind"));
        page.Find("#reporting-cycle-kind").Change(ReportingCycleKind.Quarterly.ToString());
        page.Find("#reporting-day").Change("31");
        page.Find("#save-reporting-cycle").Click();

        page.WaitForAssertion(() => Assert.Contains("不是每个月都有31日", page.Find(".reporting-cycle-message.alert-danger").TextContent));
        Assert.Equal(before, (await PlanAsync(plan.Title)).ReportingCycle);
    }

    [Fact]
    public async Task Leaders_read_the_cycle_but_get_no_picker()
    {
        await using var ctx = NewContext("leader", AppRoles.Leadership);
        var plan = await PlanAsync("2024年宿州市政务公开重点工作任务分工方案");

        var page = ctx.Render<PlanDetailPage>(p => p.Add(x => x.PlanId, plan.Id));

        page.WaitForAssertion(() => Assert.Contains("报送周期：", page.Find(".plan-reporting-cycle").TextContent));
        Assert.Empty(page.FindAll("#reporting-cycle-kind"));
    }

    [Fact]
    public async Task On_a_task_the_office_gives_it_its_own_cycle_and_then_lets_it_follow_the_plan_again()
    {
        await using var ctx = NewContext("office", AppRoles.PlanningOffice);
        var office = new Actor("office", new HashSet<string> { AppRoles.PlanningOffice }, new HashSet<int>());
        var task = await TaskAsync("2024年宿州市政务公开重点工作任务分工方案", "一.3");

        var picker = ctx.Render<ReportingCyclePicker>(p => p
            .Add(x => x.TaskId, task.Id).Add(x => x.Version, task.Version).Add(x => x.Actor, office)
            .Add(x => x.Cycle, task.ReportingCycleOverride).Add(x => x.PlanCycle, ReportingCycle.Monthly(5)));
        Assert.Contains("按计划（每月5日前）", picker.Find("#task-reporting-cycle-kind option[value='']").TextContent);
        picker.Find("#task-reporting-cycle-kind").Change(ReportingCycleKind.Quarterly.ToString());
        picker.Find("#task-reporting-day").Change("15");
        picker.Find("#save-task-reporting-cycle").Click();

        picker.WaitForAssertion(() => Assert.Contains("报送周期已设为“每季度结束后次月15日前”", picker.Find(".reporting-cycle-message.alert-success").TextContent));
        var saved = await TaskAsync("2024年宿州市政务公开重点工作任务分工方案", "一.3");
        Assert.Equal(ReportingCycle.Quarterly(15), saved.ReportingCycleOverride);

        picker.Render(p => p.Add(x => x.Version, saved.Version).Add(x => x.Cycle, saved.ReportingCycleOverride));
        picker.Find("#task-reporting-cycle-kind").Change("");
        picker.Find("#save-task-reporting-cycle").Click();

        picker.WaitForAssertion(() => Assert.Contains("改为按计划的报送周期", picker.Find(".reporting-cycle-message.alert-success").TextContent));
        Assert.Null((await TaskAsync("2024年宿州市政务公开重点工作任务分工方案", "一.3")).ReportingCycleOverride);
    }

    private async Task<WorkTask> TaskAsync(string planTitle, string path)
    {
        await using var data = db.NewContext();
        return await data.Tasks.AsNoTracking().SingleAsync(t => t.Plan!.Title == planTitle && t.Path == path);
    }
}

using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkPlanTracker.Data;
using WorkPlanTracker.Features.Plans;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Tests.Features.Plans;

public class PlanPagesTests(SeededDatabase db) : IClassFixture<SeededDatabase>
{
    private BunitContext NewContext()
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddSingleton(db.Get<PlanQueryService>());
        ctx.Services.AddSingleton(db.Get<PlanPublishingService>());
        ctx.Services.AddSingleton(db.Get<WorkPlanTracker.Features.Ledger.LedgerService>());
        ctx.Services.AddSingleton(db.Get<IDbContextFactory<AppDbContext>>());
        ctx.Services.AddScoped<ActorResolver>();
        ctx.Services.AddSingleton<WorkPlanTracker.Components.PrerenderHandOver>();
        ctx.AddAuthorization().SetAuthorized("leader").SetRoles(AppRoles.Leadership);
        ctx.Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        return ctx;
    }

    [Fact]
    public async Task The_plan_list_shows_every_imported_plan_with_its_task_count()
    {
        await using var ctx = NewContext();
        await using var data = db.NewContext();
        var plans = await data.Plans.Select(p => new { p.Title, Tasks = p.Tasks.Count }).ToListAsync();

        var page = ctx.Render<PlanListPage>();

        page.WaitForAssertion(() => Assert.Equal(plans.Count, page.FindAll("table.plan-table tbody tr").Count));
        foreach (var plan in plans)
        {
            var row = page.FindAll("table.plan-table tbody tr").Single(r => r.TextContent.Contains(plan.Title));
            Assert.Contains($">{plan.Tasks}<", row.InnerHtml);
        }
    }

    [Fact]
    public async Task A_plan_page_shows_sections_tasks_units_and_deadlines_from_the_plan()
    {
        await using var ctx = NewContext();
        await using var data = db.NewContext();
        var suzhou = await data.Plans.SingleAsync(p => p.Title == "2024年宿州市政务公开重点工作任务分工方案");

        var page = ctx.Render<PlanDetailPage>(p => p.Add(x => x.PlanId, suzhou.Id));

        page.WaitForAssertion(() => Assert.Contains("2024年宿州市政务公开重点工作任务分工方案", page.Find("h1").TextContent));
        Assert.Contains("一、围绕中心工作抓好主动公开", page.FindAll("h2.section-title").Select(h => h.TextContent.Trim()));
        var row = page.FindAll("table.task-table tbody tr").Single(r => r.QuerySelector(".col-path")!.TextContent == "一.3");
        Assert.Contains("助力优化政务服务", row.QuerySelector(".task-title")!.TextContent);
        Assert.Equal(["市数据资源局"], row.QuerySelectorAll("td:nth-child(3) .unit-chip").Select(c => c.TextContent));
        Assert.Equal(["县区政府", "市政府部门"], row.QuerySelectorAll("td:nth-child(4) .unit-chip").Select(c => c.TextContent));
        Assert.Contains("2024年7月31日", row.QuerySelector(".col-deadline")!.TextContent);
    }

    [Fact]
    public async Task An_ongoing_task_reads_as_ongoing_instead_of_a_date()
    {
        await using var ctx = NewContext();
        await using var data = db.NewContext();
        var ongoing = await data.Tasks.Include(t => t.Plan).FirstAsync(t => t.Ongoing);

        var page = ctx.Render<PlanDetailPage>(p => p.Add(x => x.PlanId, ongoing.PlanId));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("table.task-table tbody tr")));
        var row = page.FindAll("table.task-table tbody tr").Single(r => r.QuerySelector(".col-path")!.TextContent == ongoing.Path);
        Assert.Equal("持续推进", row.QuerySelector(".deadline-ongoing")!.TextContent);
    }

    [Fact]
    public async Task An_unknown_plan_id_says_so_instead_of_failing()
    {
        await using var ctx = NewContext();

        var page = ctx.Render<PlanDetailPage>(p => p.Add(x => x.PlanId, 987654));

        page.WaitForAssertion(() => Assert.Contains("找不到这个工作计划", page.Find("h1").TextContent));
    }
}

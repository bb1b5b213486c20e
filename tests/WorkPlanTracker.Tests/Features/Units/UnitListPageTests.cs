using System.Globalization;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Units;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Tests.Features.Units;

public class UnitListPageTests(SeededDatabase db) : IClassFixture<SeededDatabase>
{
    [Fact]
    public async Task Each_unit_shows_how_many_tasks_it_leads_and_supports()
    {
        await using var ctx = new BunitContext();
        ctx.AddAuthorization().SetAuthorized("leader");
        ctx.Services.AddSingleton(db.Get<UnitQueryService>());
        ctx.Services.AddSingleton(db.Get<IDbContextFactory<WorkPlanTracker.Data.AppDbContext>>());
        ctx.Services.AddScoped<ActorResolver>();
        ctx.Services.AddSingleton<WorkPlanTracker.Components.PrerenderHandOver>();
        await using var data = db.NewContext();
        var unit = await data.Units.SingleAsync(u => u.Name == "市数据资源局");
        var leads = await data.TaskParties.Where(p => p.OrgUnitId == unit.Id && p.Role == AssignmentRole.Lead).Select(p => p.TaskId).Distinct().CountAsync();
        var supports = await data.TaskParties.Where(p => p.OrgUnitId == unit.Id && p.Role == AssignmentRole.Supporting).Select(p => p.TaskId).Distinct().CountAsync();
        Assert.True(leads > 0);

        ctx.Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));

        var page = ctx.Render<UnitListPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("table.unit-table tbody tr")));
        var cells = page.FindAll("table.unit-table tbody tr").Single(r => r.Children[0].TextContent == "市数据资源局").Children;
        Assert.Equal(leads.ToString(CultureInfo.InvariantCulture), cells[3].TextContent);
        Assert.Equal(supports.ToString(CultureInfo.InvariantCulture), cells[4].TextContent);
        Assert.Equal(await data.Units.CountAsync(), page.FindAll("table.unit-table tbody tr").Count);
    }

    [Fact]
    public async Task Group_names_are_listed_as_groups_not_as_units()
    {
        await using var ctx = new BunitContext();
        ctx.AddAuthorization().SetAuthorized("leader");
        ctx.Services.AddSingleton(db.Get<UnitQueryService>());
        ctx.Services.AddSingleton(db.Get<IDbContextFactory<WorkPlanTracker.Data.AppDbContext>>());
        ctx.Services.AddScoped<ActorResolver>();
        ctx.Services.AddSingleton<WorkPlanTracker.Components.PrerenderHandOver>();

        ctx.Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));

        var page = ctx.Render<UnitListPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("table.group-table tbody tr")));
        var groups = page.FindAll("table.group-table tbody tr").Select(r => r.Children[0].TextContent).ToList();
        Assert.Contains("县区政府", groups);
        Assert.Contains("市政府部门", groups);
        Assert.DoesNotContain("县区政府", page.FindAll("table.unit-table tbody tr").Select(r => r.Children[0].TextContent));
    }

    [Fact]
    public async Task Typing_in_the_filter_narrows_the_list_to_matching_units()
    {
        await using var ctx = new BunitContext();
        ctx.AddAuthorization().SetAuthorized("leader");
        ctx.Services.AddSingleton(db.Get<UnitQueryService>());
        ctx.Services.AddSingleton(db.Get<IDbContextFactory<WorkPlanTracker.Data.AppDbContext>>());
        ctx.Services.AddScoped<ActorResolver>();
        ctx.Services.AddSingleton<WorkPlanTracker.Components.PrerenderHandOver>();
        ctx.Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        var page = ctx.Render<UnitListPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("table.unit-table tbody tr")));

        page.Find("#unit-filter").Input("数据资源");

        Assert.All(page.FindAll("table.unit-table tbody tr"), r => Assert.Contains("数据资源", r.Children[0].TextContent));
        Assert.NotEmpty(page.FindAll("table.unit-table tbody tr"));
    }

    [Theory]
    [InlineData(AppRoles.PlanningOffice, true)]
    [InlineData(AppRoles.Admin, true)]
    [InlineData(AppRoles.Leadership, false)]
    [InlineData(AppRoles.UnitUser, false)]
    public async Task Only_plan_editors_get_a_link_to_set_a_groups_members(string role, bool linked)
    {
        await using var ctx = new BunitContext();
        ctx.AddAuthorization().SetAuthorized("someone").SetRoles(role);
        ctx.Services.AddSingleton(db.Get<UnitQueryService>());
        ctx.Services.AddSingleton(db.Get<IDbContextFactory<WorkPlanTracker.Data.AppDbContext>>());
        ctx.Services.AddScoped<ActorResolver>();
        ctx.Services.AddSingleton<WorkPlanTracker.Components.PrerenderHandOver>();
        await using var data = db.NewContext();
        var group = await data.UnitGroups.SingleAsync(g => g.Name == "县区政府");

        ctx.Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));

        var page = ctx.Render<UnitListPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("table.group-table tbody tr")));
        var cell = page.FindAll("table.group-table tbody tr").Single(r => r.Children[0].TextContent == "县区政府").Children[0];
        Assert.Equal(linked, cell.QuerySelector($"a[href='units/groups/{group.Id}']") is not null);
    }
}

using Bunit;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkPlanTracker.Data;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Dashboard;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Tests.Features.Dashboard;

/// <summary>The weights panel: read-only for leaders, a form for the office whose save the server still checks.</summary>
public class WeightsPanelTests(DashboardFixture data) : IClassFixture<DashboardFixture>
{
    private BunitContext NewContext(string user, string role)
    {
        var ctx = new BunitContext();
        ctx.AddAuthorization().SetAuthorized(user).SetRoles(role);
        ctx.Services.AddSingleton(data.Database.Get<DashboardService>());
        ctx.Services.AddSingleton(sp => new ActorResolver(sp.GetRequiredService<AuthenticationStateProvider>(), data.Database.Get<IDbContextFactory<AppDbContext>>()));
        return ctx;
    }

    [Fact]
    public async Task A_leader_reads_the_weights_and_gets_no_form()
    {
        await using var ctx = NewContext("leader", AppRoles.Leadership);

        var panel = ctx.Render<WeightsPanel>(p => p.Add(w => w.Weights, new AssessmentWeights()).Add(w => w.CanEdit, false));

        Assert.Empty(panel.FindAll("input"));
        Assert.Empty(panel.FindAll("#save-weights"));
        Assert.Equal("40", panel.Find("#weight-closed").TextContent);
        Assert.Equal("10", panel.Find("#weight-returned").TextContent);
    }

    [Fact]
    public async Task The_office_is_told_when_weights_cannot_be_used_and_nothing_is_saved()
    {
        await using var ctx = NewContext("office", AppRoles.PlanningOffice);
        var saved = false;
        var panel = ctx.Render<WeightsPanel>(p => p
            .Add(w => w.Weights, new AssessmentWeights())
            .Add(w => w.CanEdit, true)
            .Add(w => w.Saved, () => saved = true));

        panel.Find("#weight-closed").Change("0");
        panel.Find("#weight-on-time").Change("0");
        panel.Find("#weight-reports").Change("0");
        panel.Find("#save-weights").Click();

        panel.WaitForAssertion(() => Assert.Contains("不能同时为0", panel.Find("[role=status]").TextContent));
        Assert.False(saved);
        await using var db = data.Database.NewContext();
        Assert.Empty(db.AssessmentWeights);
    }
}

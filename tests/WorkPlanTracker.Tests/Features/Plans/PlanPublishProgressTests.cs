using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkPlanTracker.Data;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Plans;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Tests.Features.Plans;

/// <summary>Publishing takes seconds on a large plan: the page shows it is working and one click publishes once.</summary>
public class PlanPublishProgressTests(SeededDatabase db) : IClassFixture<SeededDatabase>
{
    private const string Suzhou = "2024年宿州市政务公开重点工作任务分工方案";

    private static readonly Actor Office = new("office", new HashSet<string> { AppRoles.PlanningOffice }, new HashSet<int>());

    /// <summary>A context factory that holds publishing back until the test lets it go: a slow publish without a sleep.</summary>
    private sealed class GatedFactory(IDbContextFactory<AppDbContext> inner) : IDbContextFactory<AppDbContext>
    {
        private int opened;

        public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Opened => Volatile.Read(ref opened);

        public AppDbContext CreateDbContext() => inner.CreateDbContext();

        public async Task<AppDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref opened);
            await Gate.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            return await inner.CreateDbContextAsync(cancellationToken);
        }
    }

    /// <summary>Records every report, and can hold the publication at its save until released.</summary>
    private sealed class RecordingProgress(bool holdAtSave) : IProgress<PublishProgress>
    {
        public List<PublishProgress> Reports { get; } = [];

        public ManualResetEventSlim AtSave { get; } = new();

        public ManualResetEventSlim Release { get; } = new();

        public void Report(PublishProgress value)
        {
            lock (Reports)
            {
                Reports.Add(value);
            }

            if (value.Stage == PublishStage.Saving && holdAtSave)
            {
                AtSave.Set();
                Release.Wait(TimeSpan.FromSeconds(30));
            }
        }
    }

    private BunitContext NewContext(PlanPublishingService publishing)
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddSingleton(db.Get<PlanQueryService>());
        ctx.Services.AddSingleton(publishing);
        ctx.Services.AddSingleton(db.Get<WorkPlanTracker.Features.Ledger.LedgerService>());
        ctx.Services.AddSingleton(db.Get<ReportingCycleService>());
        ctx.Services.AddSingleton(db.Get<WorkPlanTracker.Features.PublicProgress.PublicProgressService>());
        ctx.Services.AddSingleton(db.Get<IDbContextFactory<AppDbContext>>());
        ctx.Services.AddScoped<ActorResolver>();
        ctx.Services.AddSingleton<WorkPlanTracker.Components.PrerenderHandOver>();
        ctx.AddAuthorization().SetAuthorized("office").SetRoles(AppRoles.PlanningOffice);
        ctx.Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        return ctx;
    }

    [Fact]
    public async Task While_publishing_the_button_is_disabled_and_shows_progress_and_a_second_click_publishes_nothing_more()
    {
        var gated = new GatedFactory(db.Get<IDbContextFactory<AppDbContext>>());
        await using var ctx = NewContext(new PlanPublishingService(gated, db.Clock));
        int planId;
        await using (var data = db.NewContext())
        {
            planId = await data.Plans.Where(p => p.Title == Suzhou).Select(p => p.Id).SingleAsync();
        }

        var page = ctx.Render<PlanDetailPage>(p => p.Add(x => x.PlanId, planId));
        page.WaitForAssertion(() => Assert.Contains("发布并分派任务", page.Find("#publish").TextContent, StringComparison.Ordinal));
        page.Find("#publish").Click();
        page.Find("#confirm-publish").Click();

        page.WaitForAssertion(() =>
        {
            var button = page.Find("#confirm-publish");
            Assert.True(button.HasAttribute("disabled"));
            Assert.Contains("正在发布…", button.TextContent, StringComparison.Ordinal);
            Assert.NotNull(button.QuerySelector(".spinner-border"));
            Assert.NotNull(page.Find(".publish-progress .progress-bar"));
            Assert.Contains("正在读取计划", page.Find(".publish-progress-text").TextContent, StringComparison.Ordinal);
        });

        // A browser sends no click for a disabled button; should one arrive anyway, the page ignores it.
        _ = Record.Exception(() => page.Find("#confirm-publish").Click());
        gated.Gate.SetResult();

        page.WaitForAssertion(() => Assert.Contains("计划已发布，新分派", page.Find(".publish-bar .alert").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(20));
        Assert.Empty(page.FindAll(".publish-progress"));
        Assert.Contains("补充分派", page.Find("#publish").TextContent, StringComparison.Ordinal);
        Assert.Equal(1, gated.Opened);
    }

    [Fact]
    public async Task Progress_is_reported_by_stage_and_a_publication_that_lost_a_race_is_refused_without_duplicates()
    {
        int planId;
        await using (var data = db.NewContext())
        {
            planId = await data.Plans.Where(p => p.Title != Suzhou && p.Status == PlanStatus.Draft)
                .OrderByDescending(p => p.Tasks.SelectMany(t => t.Parties).Count(x => x.OrgUnitId != null))
                .Select(p => p.Id).FirstAsync();
        }

        var publishing = db.Get<PlanPublishingService>();
        var held = new RecordingProgress(holdAtSave: true);
        var first = Task.Run(() => publishing.PublishAsync(Office, planId, held));
        Assert.True(held.AtSave.Wait(TimeSpan.FromSeconds(30)), "the first publication did not reach its save");

        var second = await publishing.PublishAsync(Office, planId);
        held.Release.Set();
        var late = await first;

        Assert.True(second.Succeeded, second.Message);
        Assert.Equal(OutcomeKind.Conflict, late.Kind);
        var stages = held.Reports.Select(r => r.Stage).Distinct().ToList();
        Assert.Equal([PublishStage.Reading, PublishStage.Assigning, PublishStage.Saving], stages);
        var assigning = held.Reports.Where(r => r.Stage == PublishStage.Assigning).ToList();
        Assert.Equal(0, assigning[0].Done);
        Assert.All(assigning, r => Assert.True(r.Total > 0 && r.Done < r.Total));
        await using var check = db.NewContext();
        var assignments = await check.Assignments.Where(a => a.WorkTask!.PlanId == planId).CountAsync();
        Assert.Equal(second.Value.Created, assignments);
        Assert.True(assignments > 0);
    }
}

using Bunit;
using Microsoft.Extensions.DependencyInjection;
using WorkPlanTracker.Features.UpperPlans;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Tests.Features.UpperPlans;

/// <summary>The page reloads every card after one card's action; what the office typed into another card must survive it.</summary>
public class UpperTaskCardTests
{
    private static UpperTaskRow Row(string rolledUp) =>
        new(1, "一.1", "加强政策解读", "2035年12月底前", [], [], [], new UpwardProgress(UpwardRollup.InProgress, 60, rolledUp, false), null);

    [Fact]
    public async Task Unsaved_words_stay_through_a_reload_and_new_rolled_up_progress_replaces_them()
    {
        await using var ctx = new BunitContext();
        // Neither is called while rendering: the card only reaches them when a button is pressed.
        ctx.Services.AddSingleton(new UpperPlanService(null!, TimeProvider.System));
        ctx.Services.AddSingleton(new ActorResolver(null!, null!));
        var card = ctx.Render<UpperTaskCard>(p => p.Add(x => x.Row, Row("市教育局：已发布解读12篇。")).Add(x => x.OwnTasks, []).Add(x => x.Units, []));
        Assert.Equal("市教育局：已发布解读12篇。", card.Find("textarea").GetAttribute("value"));

        card.Find("textarea").Change("我市已发布解读12篇。");
        card.Render(p => p.Add(x => x.Row, Row("市教育局：已发布解读12篇。")));

        Assert.Equal("我市已发布解读12篇。", card.Find("textarea").GetAttribute("value"));

        card.Render(p => p.Add(x => x.Row, Row("市教育局：已发布解读15篇。")));

        Assert.Equal("市教育局：已发布解读15篇。", card.Find("textarea").GetAttribute("value"));
    }
}

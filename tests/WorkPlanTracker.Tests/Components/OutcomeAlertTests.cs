using Bunit;
using WorkPlanTracker.Components;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Tests.Components;

/// <summary>The one translation of an outcome into what a page shows: green when done, red for every refusal, the service's words.</summary>
public class OutcomeAlertTests
{
    public static TheoryData<OutcomeKind, string> Kinds() => new()
    {
        { OutcomeKind.Ok, "alert-success" },
        { OutcomeKind.NotFound, "alert-danger" },
        { OutcomeKind.Forbidden, "alert-danger" },
        { OutcomeKind.Conflict, "alert-danger" },
        { OutcomeKind.Invalid, "alert-danger" },
    };

    private static Outcome Of(OutcomeKind kind, string message) => kind switch
    {
        OutcomeKind.Ok => Outcome.Ok(message),
        OutcomeKind.NotFound => Outcome.NotFound(message),
        OutcomeKind.Forbidden => Outcome.Forbidden(message),
        OutcomeKind.Conflict => Outcome.Conflict(message),
        _ => Outcome.Invalid(message),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Each_kind_shows_its_colour_and_the_message(OutcomeKind kind, string alert)
    {
        await using var ctx = new BunitContext();
        var outcome = Of(kind, "这项任务刚被其他人处理过，请刷新页面后再操作。");

        var page = ctx.Render<OutcomeAlert>(p => p.Add(a => a.Outcome, outcome).Add(a => a.Class, "mt-2 reporting-cycle-message"));

        var shown = page.Find("[role=status]");
        Assert.Equal("这项任务刚被其他人处理过，请刷新页面后再操作。", shown.TextContent);
        Assert.Equal(["alert", alert, "mt-2", "reporting-cycle-message"], shown.ClassList);
        Assert.Equal(alert, OutcomeDisplay.AlertClass(outcome));
    }

    [Fact]
    public async Task Nothing_is_shown_before_anything_was_done()
    {
        await using var ctx = new BunitContext();

        var page = ctx.Render<OutcomeAlert>(p => p.Add(a => a.Outcome, null));

        Assert.Empty(page.Markup.Trim());
    }
}

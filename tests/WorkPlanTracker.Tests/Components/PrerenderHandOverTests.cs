using WorkPlanTracker.Components;

namespace WorkPlanTracker.Tests.Components;

public class PrerenderHandOverTests
{
    private sealed record Reading(int PlanId);

    [Fact]
    public void The_interactive_render_takes_the_prerenders_reading_once()
    {
        using var handOver = new PrerenderHandOver();
        var reading = new Reading(7);

        var token = handOver.Keep(reading);

        Assert.Same(reading, handOver.Take<Reading>(token));
        Assert.Null(handOver.Take<Reading>(token));
    }

    [Fact]
    public void No_token_an_unknown_token_or_another_type_gives_nothing_and_the_page_reads_again()
    {
        using var handOver = new PrerenderHandOver();
        var token = handOver.Keep(new Reading(7));

        Assert.Null(handOver.Take<Reading>(null));
        Assert.Null(handOver.Take<Reading>("0123456789ABCDEF0123456789ABCDEF"));
        Assert.Null(handOver.Take<string>(token));
    }

    [Fact]
    public void Tokens_are_not_guessable_from_one_another()
    {
        using var handOver = new PrerenderHandOver();

        var first = handOver.Keep(new Reading(1));
        var second = handOver.Keep(new Reading(1));

        Assert.NotEqual(first, second);
        Assert.Equal(32, first.Length);
    }
}

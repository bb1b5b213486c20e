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

    [Fact]
    public async Task A_page_reads_once_when_the_prerender_kept_its_reading_for_the_same_choice()
    {
        using var handOver = new PrerenderHandOver();
        var reads = 0;
        Task<Reading> Read() { reads++; return Task.FromResult(new Reading(reads)); }

        var (prerendered, token) = await handOver.ReadAsync<Reading>(null, "plan:7", interactive: false, Read);
        var (interactive, again) = await handOver.ReadAsync<Reading>(token, "plan:7", interactive: true, Read);

        Assert.Equal(1, reads);
        Assert.Same(prerendered, interactive);
        Assert.NotNull(token);
        Assert.Null(again);
    }

    [Fact]
    public async Task A_reading_kept_for_another_choice_is_not_shown_and_the_page_reads_again()
    {
        using var handOver = new PrerenderHandOver();
        var reads = 0;
        Task<Reading> Read() { reads++; return Task.FromResult(new Reading(reads)); }

        var (_, token) = await handOver.ReadAsync<Reading>(null, "plan:7", interactive: false, Read);
        var (shown, _) = await handOver.ReadAsync<Reading>(token, "plan:8", interactive: true, Read);

        Assert.Equal(2, reads);
        Assert.Equal(new Reading(2), shown);
    }
}

using Microsoft.Extensions.Time.Testing;
using WorkPlanTracker.Features.Uploads;

namespace WorkPlanTracker.Tests.Features.Uploads;

public sealed class HeavyUploadGateTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 3, 6, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_user_has_one_upload_at_a_time_and_the_next_once_it_ends_while_others_are_not_held_up()
    {
        var gate = new HeavyUploadGate(clock);

        var first = gate.TryEnter("office");

        Assert.NotNull(first);
        Assert.Null(gate.TryEnter("OFFICE"));
        using (var other = gate.TryEnter("unit1"))
        {
            Assert.NotNull(other);
        }

        first.Dispose();
        using var next = gate.TryEnter("office");
        Assert.NotNull(next);
    }

    [Fact]
    public void An_upload_whose_page_went_away_does_not_lock_the_user_out_once_no_upload_could_still_be_running()
    {
        var gate = new HeavyUploadGate(clock);
        var lost = gate.TryEnter("office");

        clock.Advance(HeavyUploadGate.MaxHold - TimeSpan.FromSeconds(1));
        Assert.Null(gate.TryEnter("office"));

        clock.Advance(TimeSpan.FromSeconds(2));
        var next = gate.TryEnter("office");
        Assert.NotNull(next);

        // The lost upload ending late gives back only its own slot, not the one that took its place.
        lost!.Dispose();
        Assert.Null(gate.TryEnter("office"));
        next.Dispose();
        using var after = gate.TryEnter("office");
        Assert.NotNull(after);
    }
}

using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WorkPlanTracker.Features.Accounts;

namespace WorkPlanTracker.Tests.Features.Accounts;

public class SignInThrottleTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly SignInThrottle throttle;

    public SignInThrottleTests() =>
        throttle = new SignInThrottle(Options.Create(new AccountsOptions { MaxFailedLogins = 5, MaxFailedLoginsPerSource = 20, LockoutMinutes = 15 }), clock);

    [Fact]
    public void Five_failures_for_one_name_block_that_source_only_and_only_for_a_while()
    {
        for (var i = 0; i < 4; i++)
        {
            throttle.RecordFailure("10.0.0.9", "admin");
        }

        Assert.False(throttle.IsBlocked("10.0.0.9", "admin"));
        throttle.RecordFailure("10.0.0.9", "ADMIN ");

        Assert.True(throttle.IsBlocked("10.0.0.9", "admin"));
        Assert.False(throttle.IsBlocked("10.0.0.1", "admin"));
        Assert.False(throttle.IsBlocked("10.0.0.9", "office"));
        clock.Advance(TimeSpan.FromMinutes(15));
        Assert.False(throttle.IsBlocked("10.0.0.9", "admin"));
    }

    [Fact]
    public void A_source_guessing_many_names_is_blocked_for_all_names()
    {
        for (var i = 0; i < 20; i++)
        {
            throttle.RecordFailure("10.0.0.7", "user" + i);
        }

        Assert.True(throttle.IsBlocked("10.0.0.7", "someone-else"));
        Assert.False(throttle.IsBlocked("10.0.0.8", "someone-else"));
    }

    [Fact]
    public void A_successful_sign_in_clears_the_names_failures()
    {
        for (var i = 0; i < 4; i++)
        {
            throttle.RecordFailure("10.0.0.9", "office");
        }

        throttle.RecordSuccess("10.0.0.9", "office");
        throttle.RecordFailure("10.0.0.9", "office");

        Assert.False(throttle.IsBlocked("10.0.0.9", "office"));
    }
}

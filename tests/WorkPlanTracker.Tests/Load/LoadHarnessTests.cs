using WorkPlanTracker.Load;

namespace WorkPlanTracker.Tests.Load;

public class PercentileTests
{
    private static readonly double[] OneToTwenty = [.. Enumerable.Range(1, 20).Select(i => (double)i)];

    [Theory]
    [InlineData(50, 10)]
    [InlineData(95, 19)]
    [InlineData(100, 20)]
    [InlineData(1, 1)]
    public void Nearest_rank_gives_a_measured_value(double percent, double expected)
    {
        Assert.Equal(expected, Percentile.Of(OneToTwenty, percent));
    }

    [Fact]
    public void One_sample_is_every_percentile_and_none_is_zero()
    {
        Assert.Equal(7, Percentile.Of([7.0], 95));
        Assert.Equal(0, Percentile.Of([], 95));
    }

    [Fact]
    public void Percent_outside_zero_to_hundred_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentile.Of(OneToTwenty, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentile.Of(OneToTwenty, 101));
    }

    [Fact]
    public void Failures_are_counted_apart_from_the_timings()
    {
        var step = new StepTimings("report");
        step.Record(TimeSpan.FromMilliseconds(30));
        step.Record(TimeSpan.FromMilliseconds(10));
        step.Record(TimeSpan.FromMilliseconds(20));
        step.Fail("HTTP 409");
        step.Fail("HTTP 409");

        var summary = step.Summarize();

        Assert.Equal(new StepSummary("report", 3, 2, 20, 30, 30), summary);
        Assert.Equal(2, step.Errors["HTTP 409"]);
    }
}

public class LoopbackTargetTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5080", "http://127.0.0.1:5080/")]
    [InlineData("http://127.0.0.1:5080/", "http://127.0.0.1:5080/")]
    [InlineData("https://127.0.0.2:8443", "https://127.0.0.2:8443/")]
    [InlineData("http://[::1]:5080", "http://[::1]:5080/")]
    public void Loopback_addresses_are_accepted(string text, string expected)
    {
        Assert.Equal(new Uri(expected), LoopbackTarget.Parse(text, out var refusal));
        Assert.Null(refusal);
    }

    [Theory]
    [InlineData("http://10.0.0.5:5080")]
    [InlineData("http://192.168.1.20")]
    [InlineData("http://localhost:5080")]
    [InlineData("http://example.gov.cn")]
    [InlineData("ftp://127.0.0.1")]
    [InlineData("127.0.0.1:5080")]
    [InlineData("http://127.0.0.1:5080/assignments")]
    [InlineData("http://user:secret@127.0.0.1:5080")]
    public void Anything_else_is_refused_with_a_reason(string text)
    {
        Assert.Null(LoopbackTarget.Parse(text, out var refusal));
        Assert.False(string.IsNullOrEmpty(refusal));
    }
}

public class RunOptionsTests
{
    private static RunOptions? Parse(params string[] args) => RunOptions.Parse(args, TextWriter.Null);

    [Fact]
    public void Users_are_dealt_to_several_loopback_servers_and_circuits_default_to_every_user()
    {
        var options = Parse("--base-url", "http://127.0.0.1:5301,http://127.0.0.1:5302", "--users-file", "u.json", "--users", "40", "--duration", "30");

        Assert.NotNull(options);
        Assert.Equal([new Uri("http://127.0.0.1:5301/"), new Uri("http://127.0.0.1:5302/")], options.Targets);
        Assert.Equal(40, options.Circuits);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Duration);
    }

    [Fact]
    public void One_remote_server_in_the_list_refuses_the_whole_run()
    {
        var errors = new StringWriter();

        var options = RunOptions.Parse(["--base-url", "http://127.0.0.1:5301,http://10.1.2.3:5302", "--users-file", "u.json"], errors);

        Assert.Null(options);
        Assert.Contains("10.1.2.3", errors.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--users", "2001")]
    [InlineData("--users", "0")]
    [InlineData("--duration", "601")]
    [InlineData("--circuits", "101")]
    [InlineData("--ramp", "-5")]
    [InlineData("--think", "3s")]
    public void Counts_and_duration_are_bounded(string name, string value)
    {
        Assert.Null(Parse("--base-url", "http://127.0.0.1:5301", "--users-file", "u.json", "--users", "100", name, value));
    }

    [Fact]
    public void The_users_file_is_required()
    {
        Assert.Null(Parse("--base-url", "http://127.0.0.1:5301"));
    }
}

using WorkPlanTracker.Hosting;

namespace WorkPlanTracker.Tests.Hosting;

public class CommandLineArgumentsTests
{
    [Fact]
    public void No_verb_means_the_web_server_and_host_switches_pass_through()
    {
        var cli = CommandLineArguments.Parse(["--urls", "http://127.0.0.1:5999"]);

        Assert.Null(cli.Verb);
        Assert.Equal(["--urls", "http://127.0.0.1:5999"], cli.HostArguments);
    }

    [Theory]
    [InlineData("--data-dir", "/tmp/a")]
    [InlineData("--data-dir=/tmp/a", null)]
    public void Data_dir_becomes_the_storage_setting_in_both_spellings(string first, string? second)
    {
        string[] args = second is null ? ["import", "plan.txt", first] : ["import", "plan.txt", first, second];

        var cli = CommandLineArguments.Parse(args);

        Assert.Equal("import", cli.Verb);
        Assert.Equal(["plan.txt"], cli.VerbArguments);
        Assert.Equal(["--Storage:DataDirectory=/tmp/a"], cli.HostArguments);
    }

    [Fact]
    public void Data_dir_may_come_before_the_verb()
    {
        var cli = CommandLineArguments.Parse(["--data-dir", "d", "import", "x.txt", "--json"]);

        Assert.Equal("import", cli.Verb);
        Assert.Equal(["x.txt", "--json"], cli.VerbArguments);
    }

    [Fact]
    public void Data_dir_without_a_value_is_refused_with_a_message()
    {
        var error = new StringWriter();

        Assert.Null(CommandLineArguments.TryParse(["--data-dir"], error));
        Assert.Contains("--data-dir", error.ToString());
    }

    [Fact]
    public void Data_dir_given_twice_is_refused()
    {
        var error = new StringWriter();

        Assert.Null(CommandLineArguments.TryParse(["import", "x.txt", "--data-dir", "a", "--data-dir=b"], error));
        Assert.Contains("--data-dir 只能给一次", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Verb_options_in_either_spelling_go_to_the_verb_untouched()
    {
        var cli = CommandLineArguments.Parse(["import", "x.txt", "--year=2018", "--json", "--data-dir=d"]);

        Assert.Equal(["x.txt", "--year=2018", "--json"], cli.VerbArguments);
    }
}

using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Tests.Shared;

public class VerbArgumentsTests
{
    private const string Usage = "用法：import FILE [--dry-run] [--json] [--year N]";

    private static readonly VerbSyntax Import = new("import", Usage, ["--dry-run", "--json"], ["--year"], PositionalName: "文件");

    private static readonly VerbSyntax Reminders = new("reminders", "用法：reminders --as-of YYYY-MM-DD --dry-run [--json]", ["--dry-run", "--json"], ["--as-of"]);

    [Theory]
    [InlineData("plan.txt", "--year", "2018", "--json")]
    [InlineData("plan.txt", "--year=2018", "--json")]
    [InlineData("--year=2018", "plan.txt", "--json")]
    [InlineData("--json", "--year", "2018", "plan.txt")]
    public void An_option_takes_its_value_in_either_spelling_and_in_any_order(params string[] args)
    {
        var parsed = VerbArguments.Parse(args, Import);

        Assert.Equal("plan.txt", parsed.Positional);
        Assert.Equal("2018", parsed.Value("--year"));
        Assert.Equal(2018, parsed.Year());
        Assert.True(parsed.Has("--json"));
        Assert.False(parsed.Has("--dry-run"));
    }

    [Fact]
    public void An_inline_value_may_itself_contain_an_equals_sign()
    {
        var parsed = VerbArguments.Parse(["--as-of=a=b"], Reminders);

        Assert.Equal("a=b", parsed.Value("--as-of"));
    }

    [Fact]
    public void An_option_not_given_has_no_value()
    {
        var parsed = VerbArguments.Parse(["plan.txt"], Import);

        Assert.Null(parsed.Value("--year"));
        Assert.Null(parsed.Year());
        Assert.False(parsed.Has("--json"));
    }

    [Theory]
    [InlineData("--frobnicate")]
    [InlineData("--frobnicate=1")]
    public void An_unknown_option_is_refused_by_name_with_the_usage(string option)
    {
        var e = Assert.Throws<CommandLineException>(() => VerbArguments.Parse(["plan.txt", option], Import));

        Assert.Equal("import 不认识参数 --frobnicate；" + Usage, e.Message);
    }

    [Theory]
    [InlineData("plan.txt", "--year")]
    [InlineData("plan.txt", "--year=")]
    [InlineData("plan.txt", "--year", "--json")]
    public void An_option_without_its_value_is_refused(params string[] args)
    {
        var e = Assert.Throws<CommandLineException>(() => VerbArguments.Parse(args, Import));

        Assert.Equal("--year 后面需要一个值；" + Usage, e.Message);
    }

    [Fact]
    public void A_flag_given_a_value_is_refused()
    {
        var e = Assert.Throws<CommandLineException>(() => VerbArguments.Parse(["plan.txt", "--json=true"], Import));

        Assert.StartsWith("--json 不带值", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plan.txt", "--json", "--json")]
    [InlineData("plan.txt", "--year", "2018", "--year=2019")]
    [InlineData("plan.txt", "--year=2018", "--year", "2018")]
    public void An_option_given_twice_is_refused(params string[] args)
    {
        var e = Assert.Throws<CommandLineException>(() => VerbArguments.Parse(args, Import));

        Assert.EndsWith("只能给一次；" + Usage, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_positional_argument_is_refused()
    {
        var e = Assert.Throws<CommandLineException>(() => VerbArguments.Parse(["a.txt", "b.txt"], Import));

        Assert.Equal("import 只接受一个文件，多出了 b.txt；" + Usage, e.Message);
    }

    [Fact]
    public void A_missing_positional_argument_is_refused()
    {
        var e = Assert.Throws<CommandLineException>(() => VerbArguments.Parse(["--json"], Import));

        Assert.Equal("import 需要一个文件；" + Usage, e.Message);
    }

    [Fact]
    public void A_verb_without_positional_arguments_refuses_one()
    {
        var e = Assert.Throws<CommandLineException>(() => VerbArguments.Parse(["--as-of", "2024-08-07", "2024-08-08"], Reminders));

        Assert.StartsWith("reminders 不认识参数 2024-08-08；", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("明年")]
    [InlineData("1800")]
    [InlineData("-2018")]
    public void A_year_that_is_no_plan_year_is_refused(string year)
    {
        var parsed = VerbArguments.Parse(["plan.txt", "--year=" + year], Import);

        var e = Assert.Throws<CommandLineException>(() => parsed.Year());
        Assert.StartsWith("--year 需要一个年份", e.Message, StringComparison.Ordinal);
    }
}

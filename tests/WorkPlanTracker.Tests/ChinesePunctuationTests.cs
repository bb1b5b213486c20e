using System.Text.RegularExpressions;

namespace WorkPlanTracker.Tests;

/// <summary>
/// Chinese text the users read uses full-width punctuation (，：；（）？！); an ASCII comma or bracket among the
/// characters reads as a typing slip. Scans the app's source, so a new message such as "请填写,理由" fails here.
/// </summary>
public partial class ChinesePunctuationTests
{
    // The importer compares document text after turning full-width brackets into ASCII ones, so its patterns, sample
    // lines and unit names are written with ASCII brackets on purpose; only their exception messages are checked.
    private static readonly string[] NormalizedTextFiles = ["Features/Import/", "Domain/UnitNameRules.cs"];

    [Fact]
    public void Chinese_messages_in_the_app_use_full_width_punctuation()
    {
        var source = SampleFiles.AppSourceFolder;
        var found = new List<string>();
        foreach (var file in Directory.EnumerateFiles(source, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal)))
        {
            var relative = Path.GetRelativePath(source, file).Replace('\\', '/');
            if (relative.StartsWith("Data/Migrations/", StringComparison.Ordinal) || relative.StartsWith("obj/", StringComparison.Ordinal) || relative.StartsWith("bin/", StringComparison.Ordinal))
            {
                continue;
            }

            var normalizedText = NormalizedTextFiles.Any(p => relative.StartsWith(p, StringComparison.Ordinal));
            found.AddRange(Offences(File.ReadAllText(file), relative.EndsWith(".razor", StringComparison.Ordinal), normalizedText)
                .Select(o => $"{relative}:{o.Line}: {o.Text}"));
        }

        Assert.True(found.Count == 0, "ASCII punctuation in Chinese text:\n" + string.Join("\n", found));
    }

    [Theory]
    [InlineData("""throw new DomainRuleException("请填写,理由");""")]
    [InlineData("""var m = $"任务已被退回(理由:{reason})";""")]
    [InlineData("""Ensure(x ? "已申请办结;请等待" : null);""")]
    [InlineData("<p>请选择一个单位(可选)</p>")]
    public void The_scan_finds_a_planted_slip(string line) =>
        Assert.NotEmpty(Offences(line, razor: line.StartsWith('<'), normalizedText: false));

    [Theory]
    [InlineData("""throw new DomainRuleException("请填写，理由");""")]
    [InlineData("""var m = $"时限（{WorkCalendar.Format(date)}）须晚于{due:yyyy}";""")]
    [InlineData("""// 注释里的 (一) 是说明,不是消息""")]
    [InlineData("""var pattern = new Regex(@"^[(（][一二三][)）]");""")]
    [InlineData("""<td>@(month.Month)月</td> <span>@ChineseDate.Format(issued)印发</span>""")]
    public void The_scan_leaves_correct_text_comments_and_patterns_alone(string line) =>
        Assert.Empty(Offences(line, razor: line.StartsWith('<'), normalizedText: false));

    private static IEnumerable<(int Line, string Text)> Offences(string text, bool razor, bool normalizedText)
    {
        var lines = WithoutComments(text).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (razor)
            {
                // Razor expressions (@(year)年, @Format(day)印发) put C# brackets next to Chinese markup text.
                var markup = RazorExpression().Replace(lines[i], "@x");
                if (Slip().IsMatch(markup))
                {
                    yield return (i + 1, lines[i].Trim());
                }

                continue;
            }

            if (normalizedText && !lines[i].Contains("Exception(", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (Match literal in StringLiteral().Matches(lines[i]))
            {
                var body = literal.Groups["interpolated"].Success ? InterpolationHole().Replace(literal.Groups["body"].Value, "{}") : literal.Groups["body"].Value;
                // Regular-expression patterns match documents, which come with either punctuation.
                if (body.Contains("(?", StringComparison.Ordinal) || body.Contains('\\') || body.Contains('[') || body.Contains('|'))
                {
                    continue;
                }

                if (Slip().IsMatch(body))
                {
                    yield return (i + 1, literal.Value);
                }
            }
        }
    }

    // Comments explain in whatever punctuation; verbatim and raw strings are patterns. Line breaks are kept so the
    // reported line numbers stay right.
    private static string WithoutComments(string text)
    {
        string Blank(Match m) => new('\n', m.Value.Count(c => c == '\n'));
        text = BlockComment().Replace(text, Blank);
        text = VerbatimOrRawString().Replace(text, m => "\"\"" + Blank(m));
        return LineComment().Replace(text, "");
    }

    [GeneratedRegex(@"[\u4e00-\u9fff][,():;?!]|[,():;?!][\u4e00-\u9fff]")]
    private static partial Regex Slip();

    [GeneratedRegex(@"(?<interpolated>\$)?(?<!@)""(?<body>(?:[^""\\\n{]|\\.|\{[^{}\n]*\})*)""")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"\{[^{}]*\}")]
    private static partial Regex InterpolationHole();

    [GeneratedRegex(@"@[\w.]*\((?:[^()]|\([^()]*\))*\)")]
    private static partial Regex RazorExpression();

    [GeneratedRegex(@"@\*[\s\S]*?\*@|/\*[\s\S]*?\*/|<!--[\s\S]*?-->")]
    private static partial Regex BlockComment();

    [GeneratedRegex(@"""""""[\s\S]*?""""""|(?:@\$?|\$@)""(?:[^""]|"""")*""")]
    private static partial Regex VerbatimOrRawString();

    [GeneratedRegex(@"(?m)^\s*//.*$|\s//\s.*$")]
    private static partial Regex LineComment();
}

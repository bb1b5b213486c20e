using WorkPlanTracker.Features.Ledger;

namespace WorkPlanTracker.IntegrationTests.Features.Ledger;

/// <summary>The export-ledger verb as operators run it: the built executable on a data folder of its own.</summary>
public sealed class ExportLedgerCommandTests : IDisposable
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "wpt-cli", Guid.NewGuid().ToString("N"));

    public void Dispose() => AppFactory.DeleteDirectory(dataDirectory);

    [Fact]
    public async Task Export_ledger_for_a_year_writes_the_plan_ledger_of_the_sample_plan()
    {
        Directory.CreateDirectory(dataDirectory);
        var file = Path.Combine(dataDirectory, "台账.xlsx");

        var result = await CommandLineRunner.RunAsync("export-ledger", "--out", file, "--year", "2024", "--data-dir", dataDirectory);

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Contains("2024年宿州市政务公开重点工作任务台账：27 项任务", result.StandardOutput, StringComparison.Ordinal);
        using var workbook = LedgerFixture.Open(await File.ReadAllBytesAsync(file));
        var sheet = workbook.Worksheet(LedgerWorkbookWriter.PlanSheetName);
        Assert.Equal("2024年宿州市政务公开重点工作任务台账", sheet.Cell("A1").GetString());
        Assert.Contains(sheet.RowsUsed(), r => r.Cell(2).GetString() == "一.3" && r.Cell(4).GetString() == "市数据资源局");
        Assert.NotNull(workbook.Worksheet(LedgerWorkbookWriter.SummarySheetName));
    }

    [Fact]
    public async Task Export_ledger_for_one_unit_writes_that_units_ledger_which_is_empty_before_publishing()
    {
        Directory.CreateDirectory(dataDirectory);
        var file = Path.Combine(dataDirectory, "unit.xlsx");

        var result = await CommandLineRunner.RunAsync("export-ledger", "--out", file, "--year", "2024", "--unit", "市数据资源局", "--data-dir", dataDirectory);

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Contains("0 项任务", result.StandardOutput, StringComparison.Ordinal);
        using var workbook = LedgerFixture.Open(await File.ReadAllBytesAsync(file));
        Assert.Equal("2024年工作任务台账（市数据资源局）", workbook.Worksheet(LedgerWorkbookWriter.UnitSheetName).Cell("A1").GetString());
    }

    [Theory]
    [InlineData("缺少 --out", "--year", "2024")]
    [InlineData("--out 须是 .xlsx 文件", "--out", "ledger.csv")]
    [InlineData("--year 和 --plan 只能选一个", "--out", "x.xlsx", "--year", "2024", "--plan", "1")]
    [InlineData("--year 需要一个年份", "--out", "x.xlsx", "--year", "明年")]
    [InlineData("export-ledger 不认识参数 --format", "--out", "x.xlsx", "--format", "pdf")]
    [InlineData("找不到编号为 987654 的计划", "--out", "x.xlsx", "--plan", "987654")]
    [InlineData("找不到单位“不存在局”", "--out", "x.xlsx", "--unit", "不存在局")]
    public async Task Bad_arguments_end_with_one_line_on_stderr_and_exit_code_2_and_no_file(string message, params string[] args)
    {
        Directory.CreateDirectory(dataDirectory);
        var withOut = args.Select(a => a.EndsWith(".xlsx", StringComparison.Ordinal) || a.EndsWith(".csv", StringComparison.Ordinal) ? Path.Combine(dataDirectory, a) : a);

        var result = await CommandLineRunner.RunAsync(["export-ledger", .. withOut, "--data-dir", dataDirectory]);

        Assert.Equal(2, result.ExitCode);

        // The message is the last line; before it only the first start's own log lines (migrating, importing the samples) may stand.
        Assert.Contains(message, result.StandardError.Trim().Split('\n')[^1], StringComparison.Ordinal);
        Assert.Empty(result.StandardOutput);
        Assert.Empty(Directory.GetFiles(dataDirectory, "*.xlsx"));
    }

    [Fact]
    public async Task An_argument_error_is_exactly_one_line_and_touches_no_database()
    {
        var result = await CommandLineRunner.RunAsync("export-ledger", "--year", "2024", "--data-dir", dataDirectory);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("缺少 --out；" + ExportLedgerCommand.Usage, result.StandardError.Trim());
        Assert.False(Directory.Exists(dataDirectory));
    }
}

using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace WorkPlanTracker.IntegrationTests.Features.Import;

public sealed class ImportCommandTests : IDisposable
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "wpt-cli", Guid.NewGuid().ToString("N"));

    public void Dispose() => AppFactory.DeleteDirectory(dataDirectory);

    [Fact]
    public async Task Dry_run_json_prints_the_parsed_plan_as_the_cli_contract_says_and_writes_nothing()
    {
        // The one test that starts the built executable: exit code and UTF-8 output as an outside caller sees them.
        var result = await CommandLineRunner.RunProcessAsync("import", CommandLineRunner.SeedPath("002_e51a37d3a59f4f4a.txt"), "--dry-run", "--json", "--data-dir", dataDirectory);

        Assert.True(result.ExitCode == 0, result.StandardError);
        using var json = JsonDocument.Parse(result.StandardOutput);
        var plan = json.RootElement;
        Assert.Equal("2024年宿州市政务公开重点工作任务分工方案", plan.GetProperty("title").GetString());
        Assert.Equal("宿州市政务公开办公室", plan.GetProperty("issuer").GetString());
        Assert.Equal(2024, plan.GetProperty("year").GetInt32());
        Assert.Equal("宿政务办〔2024〕1号", plan.GetProperty("documentNumber").GetString());
        Assert.Equal("2024-05-21", plan.GetProperty("issuedOn").GetString());
        var task = plan.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("path").GetString() == "一.3");
        Assert.Equal("助力优化政务服务", task.GetProperty("title").GetString());
        Assert.StartsWith("助力优化政务服务", task.GetProperty("text").GetString());
        Assert.Equal(["市数据资源局"], task.GetProperty("leadUnits").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["县区政府", "市政府部门"], task.GetProperty("supportingUnits").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("2024-07-31", task.GetProperty("deadline").GetString());
        Assert.Equal("2024年7月底前", task.GetProperty("deadlineText").GetString());
        Assert.False(task.GetProperty("ongoing").GetBoolean());
        var milestone = Assert.Single(task.GetProperty("milestones").EnumerateArray());
        Assert.Equal("2024-07-31", milestone.GetProperty("date").GetString());
        Assert.Equal(JsonValueKind.Array, plan.GetProperty("warnings").ValueKind);
        Assert.False(File.Exists(Path.Combine(dataDirectory, "workplantracker.db")), "--dry-run must not create a database");
    }

    [Fact]
    public async Task Import_without_dry_run_saves_the_plan_into_the_data_dir()
    {
        var file = Path.Combine(Path.GetTempPath(), $"plan-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(file, "测试县2025年政务公开工作要点\n一、工作任务\n1.加强政策解读。(县政府办牵头,2025年6月底前)\n");
        try
        {
            var result = await CommandLineRunner.RunAsync("import", file, "--data-dir", dataDirectory);

            Assert.True(result.ExitCode == 0, result.StandardError);
            await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "workplantracker.db")}");
            await connection.OpenAsync();
            var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM Plans WHERE Title = '测试县2025年政务公开工作要点'";
            Assert.Equal(1L, await command.ExecuteScalarAsync());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Importing_the_same_plan_twice_updates_it_as_the_import_page_does_instead_of_adding_a_second_plan()
    {
        var file = Path.Combine(Path.GetTempPath(), $"plan-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(file, "测试县2026年政务公开工作要点\n一、工作任务\n1.加强政策解读。(县政府办牵头,2026年6月底前)\n");
        try
        {
            var first = await CommandLineRunner.RunAsync("import", file, "--data-dir", dataDirectory);
            await File.WriteAllTextAsync(file, "测试县2026年政务公开工作要点\n一、工作任务\n1.加强政策解读。(县政府办牵头,2026年9月底前)\n2.做好依申请公开。(县司法局牵头,2026年12月底前)\n");
            var second = await CommandLineRunner.RunAsync("import", file, "--data-dir", dataDirectory);

            Assert.True(first.ExitCode == 0, first.StandardError);
            Assert.True(second.ExitCode == 0, second.StandardError);
            Assert.Contains("已更新已有的计划 #", second.StandardOutput);
            Assert.Contains("新增 1 项，修改 1 项，删除 0 项", second.StandardOutput);
            await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "workplantracker.db")}");
            await connection.OpenAsync();
            var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM Plans WHERE Title = '测试县2026年政务公开工作要点'";
            Assert.Equal(1L, await command.ExecuteScalarAsync());
            command.CommandText = "SELECT Deadline FROM Tasks WHERE Path = '一.1' AND PlanId = (SELECT Id FROM Plans WHERE Title = '测试县2026年政务公开工作要点')";
            Assert.Equal("2026-09-30", await command.ExecuteScalarAsync());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_unit_only_similar_to_a_known_one_is_saved_as_a_new_unit_and_reported_not_merged()
    {
        var file = Path.Combine(Path.GetTempPath(), $"plan-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(file, "测试山区2026年政务公开工作要点\n一、工作任务\n1.加强政策解读。(测试山区市场局牵头,2026年6月底前)\n");
        try
        {
            var first = await CommandLineRunner.RunAsync("import", file, "--data-dir", dataDirectory);
            await File.WriteAllTextAsync(file, "测试山区2026年市场监管工作要点\n一、工作任务\n1.规范涉企检查。(测试山区市场监管局牵头,2026年9月底前)\n");
            var second = await CommandLineRunner.RunAsync("import", file, "--json", "--data-dir", dataDirectory);

            Assert.True(first.ExitCode == 0, first.StandardError);
            Assert.True(second.ExitCode == 0, second.StandardError);
            using var json = JsonDocument.Parse(second.StandardOutput);
            Assert.Equal("测试山区2026年市场监管工作要点", json.RootElement.GetProperty("title").GetString());
            var proposal = Assert.Single(json.RootElement.GetProperty("unitProposals").EnumerateArray());
            Assert.Equal("测试山区市场监管局", proposal.GetProperty("name").GetString());
            Assert.Equal("测试山区市场局", proposal.GetProperty("similarUnit").GetString());
            Assert.Equal(1, proposal.GetProperty("taskCount").GetInt32());
            Assert.False(proposal.GetProperty("merged").GetBoolean());
            await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "workplantracker.db")}");
            await connection.OpenAsync();
            var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM Units WHERE Name IN ('测试山区市场局', '测试山区市场监管局')";
            Assert.Equal(2L, await command.ExecuteScalarAsync());
            command.CommandText = "SELECT u.Name FROM TaskParties p JOIN Units u ON u.Id = p.OrgUnitId WHERE p.NameAsWritten = '测试山区市场监管局'";
            Assert.Equal("测试山区市场监管局", await command.ExecuteScalarAsync());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_pdf_plan_is_read_by_the_cli()
    {
        var pdf = Path.Combine(CommandLineRunner.RepositoryRoot, "tests", "WorkPlanTracker.Tests", "Features", "Import", "Documents", "Fixtures", "shijiazhuang-2020.pdf");

        var result = await CommandLineRunner.RunAsync("import", pdf, "--dry-run", "--json", "--data-dir", dataDirectory);

        Assert.True(result.ExitCode == 0, result.StandardError);
        using var json = JsonDocument.Parse(result.StandardOutput);
        Assert.Equal("石家庄市2020年政务公开工作要点", json.RootElement.GetProperty("title").GetString());
        Assert.True(json.RootElement.GetProperty("tasks").GetArrayLength() >= 20);
    }

    [Fact]
    public async Task A_missing_file_is_bad_input_with_a_one_line_message()
    {
        var result = await CommandLineRunner.RunAsync("import", "/no/such/plan.txt", "--dry-run", "--data-dir", dataDirectory);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("/no/such/plan.txt", result.StandardError);
        Assert.Single(result.StandardError.Trim().Split('\n'));
        Assert.Equal("", result.StandardOutput);
    }

    [Fact]
    public async Task An_annual_report_is_refused_as_not_a_plan()
    {
        var result = await CommandLineRunner.RunAsync("import", CommandLineRunner.SeedPath("004_8832242d3bb33792.txt"), "--dry-run", "--json", "--data-dir", dataDirectory);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("年度报告", result.StandardError);
        Assert.Equal("", result.StandardOutput);
    }

    [Fact]
    public async Task An_unknown_option_is_bad_input()
    {
        var result = await CommandLineRunner.RunAsync("import", CommandLineRunner.SeedPath("002_e51a37d3a59f4f4a.txt"), "--frobnicate", "--data-dir", dataDirectory);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--frobnicate", result.StandardError);
    }

    [Fact]
    public async Task Year_given_as_one_argument_or_two_gives_the_same_plan()
    {
        // A plan that does not say its year, so --year decides the year and the deadlines that take it.
        var file = Path.Combine(Path.GetTempPath(), $"plan-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(file, "测试县政务公开工作要点\n一、工作任务\n1.加强政策解读。(县政府办牵头,6月底前)\n");
        try
        {
            var inline = await CommandLineRunner.RunAsync("import", file, "--dry-run", "--json", "--year=2018", "--data-dir", dataDirectory);
            var separate = await CommandLineRunner.RunAsync("import", file, "--dry-run", "--json", "--year", "2018", "--data-dir", dataDirectory);

            Assert.True(inline.ExitCode == 0, inline.StandardError);
            Assert.True(separate.ExitCode == 0, separate.StandardError);
            Assert.Equal(separate.StandardOutput, inline.StandardOutput);
            using var json = JsonDocument.Parse(inline.StandardOutput);
            Assert.Equal(2018, json.RootElement.GetProperty("year").GetInt32());
            Assert.Equal("2018-06-30", json.RootElement.GetProperty("tasks")[0].GetProperty("deadline").GetString());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("--json", "--json")]
    [InlineData("--year=2018", "--year", "2019")]
    [InlineData("--year")]
    public async Task A_repeated_option_or_a_missing_value_is_bad_input_with_one_line(params string[] options)
    {
        var result = await CommandLineRunner.RunAsync(["import", CommandLineRunner.SeedPath("002_e51a37d3a59f4f4a.txt"), "--dry-run", .. options, "--data-dir", dataDirectory]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(options[0].Split('=')[0], result.StandardError, StringComparison.Ordinal);
        Assert.Single(result.StandardError.Trim().Split('\n'));
        Assert.Equal("", result.StandardOutput);
    }
}

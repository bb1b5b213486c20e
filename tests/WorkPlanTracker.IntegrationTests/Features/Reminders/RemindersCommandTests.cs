using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace WorkPlanTracker.IntegrationTests.Features.Reminders;

/// <summary><c>reminders --as-of DATE --dry-run --json</c> run as a process over a database with a published plan.</summary>
public class RemindersCommandTests : IAsyncLifetime
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "wpt-it", "reminders-cli-" + Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        using var app = new ReminderAppFactory(dataDirectory);
        app.StartServer();
        await app.PublishPlanAsync();
    }

    public Task DisposeAsync()
    {
        AppFactory.DeleteDirectory(dataDirectory);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Dry_run_json_lists_what_would_be_sent_that_day()
    {
        var result = await CommandLineRunner.RunAsync([.. TestDatabase.CommandLineStorageArguments(dataDirectory), "reminders", "--as-of", "2024-06-04", "--dry-run", "--json", "--data-dir", dataDirectory]);
        Assert.True(result.ExitCode == 0, result.StandardError);
        using var json = JsonDocument.Parse(result.StandardOutput);
        var rows = json.RootElement.EnumerateArray().ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(
            ["recipientUnit", "kind", "taskPath", "planYear", "deadline", "channel", "sendOn"],
            r.EnumerateObject().Select(p => p.Name).ToArray()));
        var row = Assert.Single(rows, r => r.GetProperty("recipientUnit").GetString() == "市数据资源局" && r.GetProperty("taskPath").GetString() == "一.3");
        Assert.Equal("unacknowledged", row.GetProperty("kind").GetString());
        Assert.Equal(2024, row.GetProperty("planYear").GetInt32());
        Assert.Equal("2024-07-31", row.GetProperty("deadline").GetString());
        Assert.Equal("inbox", row.GetProperty("channel").GetString());

        // Nothing was written: dry run.
        await using var db = NewContext();
        Assert.Equal(0, await db.ReminderDeliveries.CountAsync());
    }

    [Fact]
    public async Task Seven_days_after_the_deadline_it_lists_the_escalation_and_the_leaders()
    {
        var result = await CommandLineRunner.RunAsync([.. TestDatabase.CommandLineStorageArguments(dataDirectory), "reminders", "--as-of", "2024-08-07", "--dry-run", "--json", "--data-dir", dataDirectory]);
        Assert.True(result.ExitCode == 0, result.StandardError);
        using var json = JsonDocument.Parse(result.StandardOutput);
        var rows = json.RootElement.EnumerateArray().ToList();
        Assert.Contains(rows, r => r.GetProperty("recipientUnit").GetString() == "市数据资源局" && r.GetProperty("kind").GetString() == "escalation" && r.GetProperty("taskPath").GetString() == "一.3");
        Assert.Contains(rows, r => r.GetProperty("recipientUnit").GetString()!.StartsWith("领导：", StringComparison.Ordinal) && r.GetProperty("kind").GetString() == "escalation");
    }

    [Fact]
    public async Task A_holiday_lists_nothing_and_plain_text_says_so()
    {
        // 2024-10-01, National Day: no reminder lands on a holiday with the default settings.
        var result = await CommandLineRunner.RunAsync([.. TestDatabase.CommandLineStorageArguments(dataDirectory), "reminders", "--as-of", "2024-10-01", "--dry-run", "--json", "--data-dir", dataDirectory]);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("[]", result.StandardOutput.Trim());

        var text = await CommandLineRunner.RunAsync([.. TestDatabase.CommandLineStorageArguments(dataDirectory), "reminders", "--as-of", "2024-06-04", "--dry-run", "--data-dir", dataDirectory]);
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("2024年6月4日", text.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("未发送", text.StandardOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--as-of", "2024-06-04")]
    [InlineData("--as-of", "2024/06/04", "--dry-run")]
    [InlineData("--dry-run")]
    [InlineData("--as-of", "2024-06-04", "--dry-run", "--send")]
    public async Task Bad_or_unsupported_arguments_exit_2_with_one_line(params string[] args)
    {
        var result = await CommandLineRunner.RunAsync(["reminders", .. args, "--data-dir", dataDirectory]);
        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.StandardOutput);
        Assert.Single(result.StandardError.Trim().Split('\n'));
    }

    private WorkPlanTracker.Data.AppDbContext NewContext()
    {
        var options = new DbContextOptionsBuilder<WorkPlanTracker.Data.AppDbContext>();
        return TestDatabase.IsPostgreSql
            ? new WorkPlanTracker.Data.PostgreSqlAppDbContext(WorkPlanTracker.Data.DatabaseProvider.UsePostgreSql(options, TestDatabase.ConnectionStringFor(TestDatabase.DatabaseNameFor(dataDirectory))).Options)
            : new WorkPlanTracker.Data.AppDbContext(options.UseSqlite($"Data Source={Path.Combine(dataDirectory, "workplantracker.db")}").Options);
    }
}

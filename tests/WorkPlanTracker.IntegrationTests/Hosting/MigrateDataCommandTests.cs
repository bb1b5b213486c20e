using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Data;

namespace WorkPlanTracker.IntegrationTests.Hosting;

/// <summary>The <c>migrate-data</c> verb moves an office's SQLite database into an empty PostgreSQL one that the app then runs on.</summary>
public class MigrateDataCommandTests
{
    private const string PlanText = "迁移县2043年政务公开工作要点\n一、工作任务\n1.发布政策解读材料。(市数据资源局牵头,2043年6月底前)\n2.做好依申请公开。(市数据资源局牵头,2043年12月底前)\n";

    [PostgreSqlFact]
    public async Task An_office_s_database_moves_with_its_ids_and_the_app_runs_on_it_adding_new_rows_after_the_copied_ones()
    {
        var sqliteDirectory = Path.Combine(Path.GetTempPath(), "wpt-it", Guid.NewGuid().ToString("N"));
        var postgresDirectory = Path.Combine(Path.GetTempPath(), "wpt-it", Guid.NewGuid().ToString("N"));
        try
        {
            int assignmentId;
            using (var office = new AppFactory(sqliteDirectory))
            {
                office.Settings["Storage:Provider"] = "Sqlite";
                office.Settings["Storage:ConnectionString"] = "";
                assignmentId = (await office.PublishedAssignmentsAsync(PlanText, "迁移.txt", "市数据资源局"))[0];
            }

            var target = TestDatabase.EnsurePostgreSqlDatabase(postgresDirectory);
            var sourceFile = Path.Combine(sqliteDirectory, "workplantracker.db");

            var result = await CommandLineRunner.RunAsync("migrate-data", "--from", sourceFile, "--to", target);

            Assert.True(result.ExitCode == 0, result.StandardError + result.StandardOutput);
            Assert.Contains("行数一致", result.StandardOutput, StringComparison.Ordinal);
            await using (var sqlite = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseAppSqlite($"Data Source={sourceFile}").Options))
            await using (var postgres = new PostgreSqlAppDbContext(new DbContextOptionsBuilder<AppDbContext>().UsePostgreSql(target).Options))
            {
                Assert.Equal(await sqlite.AuditEntries.CountAsync(), await postgres.AuditEntries.CountAsync());
                Assert.Equal(await sqlite.Users.CountAsync(), await postgres.Users.CountAsync());
                var before = await sqlite.Assignments.AsNoTracking().Include(a => a.WorkTask).SingleAsync(a => a.Id == assignmentId);
                var after = await postgres.Assignments.AsNoTracking().Include(a => a.WorkTask).SingleAsync(a => a.Id == assignmentId);
                Assert.Equal((before.WorkTask!.Title, before.OrgUnitId, before.Status, before.Version), (after.WorkTask!.Title, after.OrgUnitId, after.Status, after.Version));
            }

            using (var moved = new AppFactory(postgresDirectory))
            {
                moved.Settings["Storage:ConnectionString"] = target;
                // The office's accounts came along: its administrator signs in with the same password.
                await moved.SignedInClientAsync("admin", AppFactory.AdminPassword);
                await using var db = moved.NewDbContext();
                var lastCopiedPlan = await db.Plans.MaxAsync(p => p.Id);
                var added = await moved.ImportPlanAsync(PlanText.Replace("迁移县", "新增县", StringComparison.Ordinal), "新增.txt");
                Assert.True(added > lastCopiedPlan, $"new plan id {added} must follow the copied ones (up to {lastCopiedPlan})");
            }

            var again = await CommandLineRunner.RunAsync("migrate-data", "--from", sourceFile, "--to", target);
            Assert.Equal(2, again.ExitCode);
            Assert.Contains("已有数据", again.StandardError, StringComparison.Ordinal);
        }
        finally
        {
            AppFactory.DeleteDirectory(sqliteDirectory);
            AppFactory.DeleteDirectory(postgresDirectory);
        }
    }

    [Theory]
    [InlineData("--from", "/nonexistent/wpt.db", "--to", "Host=127.0.0.1;Database=wpt", "找不到源数据库文件")]
    [InlineData("--to", "Host=127.0.0.1;Database=wpt", null, null, "--from")]
    public async Task Missing_or_wrong_arguments_exit_2_with_one_line_and_touch_nothing(string a, string b, string? c, string? d, string expected)
    {
        string[] args = c is null ? ["migrate-data", a, b] : ["migrate-data", a, b, c, d!];

        var result = await CommandLineRunner.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.StandardOutput);
        Assert.Contains(expected, Assert.Single(result.StandardError.Trim().Split('\n')), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_target_without_a_database_name_is_refused_before_anything_is_read()
    {
        var file = Path.GetTempFileName();
        try
        {
            var result = await CommandLineRunner.RunAsync("migrate-data", "--from", file, "--to", "Host=127.0.0.1;Username=wpt");

            Assert.Equal(2, result.ExitCode);
            Assert.Contains("--to 缺少数据库名", result.StandardError, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}

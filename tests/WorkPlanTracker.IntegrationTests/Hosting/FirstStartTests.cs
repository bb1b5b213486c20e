using Microsoft.EntityFrameworkCore;

namespace WorkPlanTracker.IntegrationTests.Hosting;

public class FirstStartTests
{
    private static readonly string[] SamplePlanTitles =
    [
        "2024年宿州市政务公开重点工作任务分工方案",
        "湖北省人民防空办公室2020年度政务公开工作要点",
        "石家庄市2020年政务公开工作要点",
        "西市区2018年政务公开工作要点",
    ];

    [Fact]
    public async Task First_start_migrates_and_imports_the_four_sample_plans_and_a_second_start_imports_nothing_again()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "wpt-it", Guid.NewGuid().ToString("N"));
        try
        {
            int tasks, units, audit;
            using (var first = new AppFactory(dataDirectory) { StartsOnPreparedDatabase = false })
            {
                first.StartServer();
                await using var db = first.NewDbContext();
                Assert.Equal(SamplePlanTitles.Order(), (await db.Plans.Select(p => p.Title).ToListAsync()).Order());
                Assert.Empty(await db.Database.GetPendingMigrationsAsync());
                tasks = await db.Tasks.CountAsync();
                units = await db.Units.CountAsync();
                audit = await db.AuditEntries.CountAsync();
                Assert.True(tasks > 50, $"only {tasks} tasks imported");
                Assert.True(TestDatabase.IsPostgreSql || File.Exists(Path.Combine(dataDirectory, "workplantracker.db")));
            }

            using (var second = new AppFactory(dataDirectory))
            {
                second.StartServer();
                await using var db = second.NewDbContext();
                Assert.Equal(4, await db.Plans.CountAsync());
                Assert.Equal(tasks, await db.Tasks.CountAsync());
                Assert.Equal(units, await db.Units.CountAsync());
                Assert.Equal(audit, await db.AuditEntries.CountAsync());
            }
        }
        finally
        {
            AppFactory.DeleteDirectory(dataDirectory);
        }
    }

    [SqliteOnlyFact("the prepared database is a SQLite file; on PostgreSQL each test app migrates a database of its own")]
    public async Task A_test_app_of_the_default_settings_starts_on_a_copy_of_the_prepared_database_with_an_installation_of_its_own()
    {
        using var first = new AppFactory();
        first.StartServer();
        using var second = new AppFactory();
        second.StartServer();

        // The copy needs neither migrating nor importing: the start that made it did both.
        Assert.DoesNotContain(first.LogMessages, m => m.Contains("已导入示例计划", StringComparison.Ordinal));
        await using var db = first.NewDbContext();
        Assert.Equal(SamplePlanTitles.Order(), (await db.Plans.Select(p => p.Title).ToListAsync()).Order());
        Assert.NotEqual(
            await File.ReadAllTextAsync(Path.Combine(first.DataDirectory, "installation-id")),
            await File.ReadAllTextAsync(Path.Combine(second.DataDirectory, "installation-id")));
    }

    [Fact]
    public async Task The_sample_annual_report_is_not_imported_as_a_plan()
    {
        using var app = new AppFactory();
        app.StartServer();
        await using var db = app.NewDbContext();

        Assert.DoesNotContain(await db.Plans.Select(p => p.SourceFileName).ToListAsync(), f => f == "004_8832242d3bb33792.txt");
    }
}

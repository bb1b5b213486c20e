using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using WorkPlanTracker.Data;

namespace WorkPlanTracker.Tests.Data;

/// <summary>Migrations that change stored data do it right for rows already there.</summary>
public class MigrationTests
{
    [Fact]
    public async Task Reports_made_before_the_day_of_month_column_get_their_China_day_from_the_stored_instant()
    {
        var path = Path.Combine(Path.GetTempPath(), $"wpt-migration-{Guid.NewGuid():N}.db");
        try
        {
            var options = new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={path}").Options;
            await using (var db = new AppDbContext(options))
            {
                await db.GetService<IMigrator>().MigrateAsync("Reminders");
            }

            // 2035-03-31 20:00 UTC is 1 April in China; 2035-04-10 03:00 UTC is still 10 April.
            await using (var raw = new SqliteConnection($"Data Source={path};Foreign Keys=False"))
            {
                await raw.OpenAsync();
                await using var insert = raw.CreateCommand();
                insert.CommandText = """
                    INSERT INTO "ProgressReports" ("AssignmentId", "ReportedAtUtc", "Progress", "EvidenceLinks") VALUES
                    (1, '2035-03-31 20:00:00', '月底夜里报送', '[]'),
                    (1, '2035-04-10 03:00:00', '月中报送', '[]');
                    """;
                await insert.ExecuteNonQueryAsync();
            }

            SqliteConnection.ClearAllPools();
            await using (var db = new AppDbContext(options))
            {
                await db.Database.MigrateAsync();
                var days = await db.ProgressReports.OrderBy(r => r.Id).Select(r => r.ReportedDayOfMonth).ToListAsync();
                Assert.Equal([1, 10], days);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    [Fact]
    public void A_new_report_takes_its_China_day_of_month_when_its_time_is_set()
    {
        var report = new WorkPlanTracker.Domain.ProgressReport { ReportedAtUtc = new DateTime(2035, 3, 31, 20, 0, 0, DateTimeKind.Utc) };

        Assert.Equal(1, report.ReportedDayOfMonth);
        Assert.True(report.IsOnTimeFor(5));
    }
}

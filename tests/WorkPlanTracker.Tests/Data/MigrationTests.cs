
namespace WorkPlanTracker.Tests.Data;

/// <summary>
/// The China day of a report, stored beside its instant. (The migration that filled it in for older rows was squashed
/// into the initial migration before any release; a database old enough to lack the column is refused, see
/// <see cref="SquashedMigrationsTests"/>.)
/// </summary>
public class MigrationTests
{
    [Fact]
    public void A_new_report_takes_its_China_day_of_month_when_its_time_is_set()
    {
        var report = new WorkPlanTracker.Domain.ProgressReport { ReportedAtUtc = new DateTime(2035, 3, 31, 20, 0, 0, DateTimeKind.Utc) };

        Assert.Equal(1, report.ReportedDayOfMonth);
        Assert.True(report.IsOnTimeFor(5));
    }
}

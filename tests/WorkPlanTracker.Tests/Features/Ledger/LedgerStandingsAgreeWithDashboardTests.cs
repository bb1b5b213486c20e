using ClosedXML.Excel;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Dashboard;
using WorkPlanTracker.Features.Ledger;
using WorkPlanTracker.Tests.Features.Dashboard;

namespace WorkPlanTracker.Tests.Features.Ledger;

/// <summary>
/// “推进中” (and 已办结, 已逾期, 持续推进, 未分派) means one thing: the year's ledger 汇总 counts the same tasks under each
/// word as the dashboard overview of that year, on generated data with every workflow path.
/// </summary>
public class LedgerStandingsAgreeWithDashboardTests(GeneratedDashboardData data) : IClassFixture<GeneratedDashboardData>
{
    [Theory]
    [InlineData(2023)]
    [InlineData(2024)]
    public async Task The_ledger_summary_counts_each_standing_as_the_dashboard_does(int year)
    {
        var overview = (await data.Database.Get<DashboardService>().OverviewAsync(DashboardFixture.Leader, new DashboardScope(year))).Value;
        Assert.True(overview.TaskCount > 0 && (year != 2024 || overview.Tasks[TaskStanding.InProgress] > 0), "the data set has tasks, in 2024 some in progress");
        var counted = new Dictionary<string, int>();

        // The dashboard counts published plans; the year ledger also lists a draft's tasks, so compare plan by plan.
        foreach (var plan in overview.Plans)
        {
            var document = (await data.Database.Get<LedgerService>().BuildLedgerAsync(new LedgerScope(plan.Id, null, null))).Value;
            using var buffer = new MemoryStream();
            LedgerWorkbookWriter.WritePlanLedger(document, buffer);
            using var workbook = new XLWorkbook(new MemoryStream(buffer.ToArray()));
            var summary = workbook.Worksheet(LedgerWorkbookWriter.SummarySheetName);
            foreach (var row in summary.RowsUsed().Where(r => r.RowNumber() >= LedgerSheetLayout.FirstDataRow).TakeWhile(r => r.Cell(1).GetString() != "承办单位"))
            {
                counted[row.Cell(1).GetString()] = counted.GetValueOrDefault(row.Cell(1).GetString()) + row.Cell(2).GetValue<int>();
            }
        }

        int Count(string label) => counted[label];
        foreach (var standing in Enum.GetValues<TaskStanding>())
        {
            Assert.Equal(overview.Tasks[standing], Count(TaskStandingNames.Of(standing)));
        }

        Assert.Equal(overview.TaskCount, Count("合计"));
    }
}

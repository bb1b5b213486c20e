using ClosedXML.Excel;
using WorkPlanTracker.Features.Ledger;
using WorkPlanTracker.Tests.Features.Dashboard;

namespace WorkPlanTracker.Tests.Features.Ledger;

/// <summary>The plan ledger's 备注 keeps what happened to closed work: how late it was closed and how often it was sent back.</summary>
public sealed class LedgerRemarkTests : IAsyncLifetime
{
    private readonly SeededDatabase database = new();
    private LateReturnedWork.Seeded seeded = null!;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        seeded = await LateReturnedWork.SeedAsync(database);
    }

    public Task DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task Work_closed_years_late_after_a_return_says_so_in_the_remark()
    {
        var document = (await database.Get<LedgerService>().LedgerAsync(DashboardFixture.Office, new LedgerScope(seeded.PlanId, null, null))).Value;
        using var buffer = new MemoryStream();

        LedgerWorkbookWriter.WritePlanLedger(document, buffer);

        using var workbook = new XLWorkbook(new MemoryStream(buffer.ToArray()));
        var sheet = workbook.Worksheet(LedgerWorkbookWriter.PlanSheetName);
        var remarkColumn = sheet.CellsUsed().First(c => c.GetString() == "备注").Address.ColumnNumber;
        var taskRow = sheet.CellsUsed().First(c => c.GetString().Contains("完善公开目录", StringComparison.Ordinal)).Address.RowNumber;
        Assert.Equal("迟办局：逾期办结1098天；退回1次", sheet.Cell(taskRow, remarkColumn).GetString());
    }
}

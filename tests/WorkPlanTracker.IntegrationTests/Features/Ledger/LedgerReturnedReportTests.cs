using WorkPlanTracker.Features.Assignments;
using WorkPlanTracker.Features.Ledger;

namespace WorkPlanTracker.IntegrationTests.Features.Ledger;

/// <summary>On a fixture of its own (it sends a report back): a returned report reads alike everywhere and the fill-in workbook says why.</summary>
public class LedgerReturnedReportTests(LedgerFixture fixture) : IClassFixture<LedgerFixture>
{
    private const string Reason = "请补充政策解读的发布链接和数量统计。";

    private async Task ReturnTheReportAsync()
    {
        var late = await fixture.AssignmentAsync("一.1", fixture.DataUnit);
        if (late.ReturnReason is null)
        {
            var returned = await fixture.Get<AssignmentService>().ReturnAsync(fixture.Office, late.Id, late.Version, Reason);
            Assert.True(returned.Succeeded, returned.Message);
        }
    }

    [Fact]
    public async Task The_fill_in_workbook_gives_a_returned_tasks_reason()
    {
        await ReturnTheReportAsync();

        var result = await fixture.Get<LedgerService>().FillInAsync(fixture.UserOf(fixture.DataUnit), fixture.DataUnit);
        using var buffer = new MemoryStream();
        FillInWorkbook.Write(result.Value!, buffer);
        using var workbook = LedgerFixture.Open(buffer.ToArray());
        var row = LedgerUploadTests.RowOf(workbook.Worksheet(FillInWorkbook.SheetName), "一.1");

        Assert.Equal("已退回", row.Cell(FillInWorkbook.CurrentStatusColumn).GetString());
        Assert.StartsWith("退回原因：" + Reason, row.Cell(FillInWorkbook.LatestColumn).GetString(), StringComparison.Ordinal);
        Assert.Equal("", LedgerUploadTests.RowOf(workbook.Worksheet(FillInWorkbook.SheetName), "二.3").Cell(FillInWorkbook.LatestColumn).GetString());
    }

    [Fact]
    public async Task A_returned_report_reads_the_same_in_the_overdue_list_and_in_the_plan_ledger()
    {
        await ReturnTheReportAsync();
        var ledgers = fixture.Get<LedgerService>();

        var overdue = await ledgers.OverdueAsync(fixture.Office, fixture.Today);
        var plan = await ledgers.LedgerAsync(fixture.Office, new LedgerScope(fixture.PlanId, null, null));

        var listed = overdue.Value!.Rows.Single(r => r.PlanTitle == LedgerFixture.PlanTitle && r.UnitName == "市数据资源局");
        Assert.Equal(LedgerService.ReturnedText, listed.LatestReport);
        var silent = overdue.Value.Rows.Single(r => r.PlanTitle == LedgerFixture.PlanTitle && r.UnitName == "台账乙局");
        Assert.Equal(LedgerService.NotReportedText, silent.LatestReport);
        using var buffer = new MemoryStream();
        LedgerWorkbookWriter.WritePlanLedger(plan.Value!, buffer);
        using var workbook = LedgerFixture.Open(buffer.ToArray());
        var progress = workbook.Worksheet(LedgerWorkbookWriter.PlanSheetName).RowsUsed().Single(r => r.Cell(2).GetString() == "一.1").Cell(7).GetString();
        Assert.Contains("市数据资源局：" + LedgerService.ReturnedText, progress, StringComparison.Ordinal);
    }
}

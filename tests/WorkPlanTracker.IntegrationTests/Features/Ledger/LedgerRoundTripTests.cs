using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Ledger;
using static WorkPlanTracker.IntegrationTests.Features.Ledger.LedgerUploadTests;

namespace WorkPlanTracker.IntegrationTests.Features.Ledger;

/// <summary>The round trip on a fixture of its own (it changes the assignments): export the fill-in workbook, fill it in with ClosedXML as a unit would in Excel, preview, import.</summary>
public class LedgerRoundTripTests(LedgerFixture fixture) : IClassFixture<LedgerFixture>
{
    [Fact]
    public async Task A_filled_workbook_is_previewed_without_saving_then_imported_through_the_workflow_for_that_unit_only()
    {
        var uploads = fixture.Get<LedgerUploadService>();
        var unitUser = fixture.UserOf(fixture.DataUnit);
        var filled = Edit(await FillInWorkbookAsync(fixture, fixture.DataUnit), sheet =>
        {
            var website = RowOf(sheet, "二.3");
            website.Cell(FillInWorkbook.ProgressColumn).SetValue("网站集约化改造已完成80%。");
            website.Cell(FillInWorkbook.PercentColumn).SetValue(80);
            website.Cell(FillInWorkbook.LinksColumn).SetValue("https://www.example.gov.cn/wz/1.html\nhttps://www.example.gov.cn/wz/2.html");
            website.Cell(FillInWorkbook.StatusColumn).SetValue(FillInWorkbook.StatusReport);
            var ongoing = RowOf(sheet, "二.4");
            ongoing.Cell(FillInWorkbook.ProgressColumn).SetValue("基层公开标准目录已全部上线。");
            ongoing.Cell(FillInWorkbook.StatusColumn).SetValue(FillInWorkbook.StatusRequestCompletion);
            ongoing.Cell(FillInWorkbook.SummaryColumn).SetValue("标准目录全部上线，已建立常态更新机制。");
        });
        var before = await fixture.ReportCountAsync();

        var preview = await uploads.PreviewAsync(unitUser, filled);

        Assert.Null(preview.FileError);
        Assert.Empty(preview.Errors);
        Assert.True(preview.CanImport);
        Assert.Equal("市数据资源局", preview.UnitName);
        Assert.Equal(["二.3", "二.4"], preview.Rows.Select(r => r.Path));
        Assert.Equal(["报送进展", "报送进展并申请办结"], preview.Rows.Select(r => r.Action));
        Assert.Equal(2, preview.Rows[0].EvidenceLinks.Count);
        Assert.Equal(before, await fixture.ReportCountAsync());

        var imported = await uploads.ImportAsync(unitUser, filled);

        Assert.True(imported.Saved);
        Assert.Equal(before + 2, await fixture.ReportCountAsync());
        var website = await fixture.AssignmentAsync("二.3", fixture.DataUnit);
        Assert.Equal(AssignmentStatus.InProgress, website.Status);
        var report = Assert.Single(website.Reports);
        Assert.Equal("网站集约化改造已完成80%。", report.Progress);
        Assert.Equal(80, report.PercentComplete);
        Assert.Equal(["https://www.example.gov.cn/wz/1.html", "https://www.example.gov.cn/wz/2.html"], report.EvidenceLinks);
        var ongoing = await fixture.AssignmentAsync("二.4", fixture.DataUnit);
        Assert.Equal(AssignmentStatus.CompletionRequested, ongoing.Status);
        Assert.Equal("标准目录全部上线，已建立常态更新机制。", ongoing.CompletionSummary);
        await using var db = fixture.App.NewDbContext();
        var id = report.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(ProgressReport) && e.EntityId == id), "the import is in the audit trail");
    }

}

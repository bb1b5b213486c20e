using System.Net;
using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Features.Accounts;
using WorkPlanTracker.Features.Assignments;
using WorkPlanTracker.Features.Ledger;
using WorkPlanTracker.Features.UpperPlans;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.IntegrationTests.Features.UpperPlans;

/// <summary>
/// The loop between two levels: the province's fill-in workbook for the city goes down, the city answers it from the
/// work it linked to the province's tasks, and the filled workbook imports cleanly back into the province's instance.
/// </summary>
public class TwoLevelRoundTripTests(TwoLevelFixture fixture) : IClassFixture<TwoLevelFixture>
{
    [Fact]
    public async Task The_upper_fill_in_workbook_comes_back_filled_from_the_linked_work_and_imports_cleanly_upstairs()
    {
        // 1. Upstairs: the province downloads the city's fill-in workbook, as for any unit.
        var cityUpstairs = await fixture.Upper.UnitIdAsync(TwoLevelFixture.City);
        var document = await fixture.Upper.Get<LedgerService>().FillInAsync(TestActors.Office, cityUpstairs);
        Assert.True(document.Succeeded, document.Message);
        using var download = new MemoryStream();
        FillInWorkbook.Write(document.Value, download);

        // 2. Downstairs: the city confirms what was proposed, gives the third task to a unit directly, units report.
        var service = fixture.Lower.Get<UpperPlanService>();
        var view = (await service.GetAsync(TestActors.Office, fixture.LowerUpperPlanId)).Value;
        var ownFirst = await TwoLevelFixture.TaskAsync(fixture.Lower, fixture.LowerOwnPlanId, "一.1");
        var ownSecond = await TwoLevelFixture.TaskAsync(fixture.Lower, fixture.LowerOwnPlanId, "一.2");
        Assert.Equal([ownFirst.Id], view.Tasks[0].Proposals.Select(p => p.TaskId));
        Assert.StartsWith("内容相近", view.Tasks[0].Proposals[0].Reason, StringComparison.Ordinal);
        Assert.Equal([ownSecond.Id], view.Tasks[1].Proposals.Select(p => p.TaskId));
        Assert.Contains("省要点第2项", view.Tasks[1].Proposals[0].Reason, StringComparison.Ordinal);
        Assert.Empty(view.Tasks[2].Proposals);
        Assert.All(view.Tasks, t => Assert.Equal(UpwardRollup.NoWork, t.Progress.Status));

        foreach (var (upper, own) in view.Tasks.Take(2).Select(t => (t.TaskId, t.Proposals[0].TaskId)))
        {
            var linked = await service.LinkAsync(TestActors.Office, upper, own);
            Assert.True(linked.Succeeded, linked.Message);
        }

        var dataUnit = await fixture.Lower.UnitIdAsync("市数据资源局");
        var assigned = await service.AssignAsync(TestActors.Office, view.Tasks[2].TaskId, dataUnit);
        Assert.True(assigned.Succeeded, assigned.Message);

        var reports = fixture.Lower.Get<AssignmentService>();
        var direct = Assert.Single((await TwoLevelFixture.TaskAsync(fixture.Lower, fixture.LowerUpperPlanId, "一.3")).Assignments);
        foreach (var (assignment, progress, percent) in new[]
        {
            (ownFirst.Assignments.Single(), "已发布重大政策解读材料15篇。", 70),
            (direct, "政府网站集约化平台已完成迁移。", 90),
        })
        {
            var reported = await reports.SubmitReportAsync(TestActors.UserOf(assignment.OrgUnitId), assignment.Id, assignment.Version, new ReportInput
            {
                Progress = progress,
                PercentComplete = percent,
            });
            Assert.True(reported.Succeeded, reported.Message);
        }

        view = (await service.GetAsync(TestActors.Office, fixture.LowerUpperPlanId)).Value;
        Assert.Equal(UpwardRollup.InProgress, view.Tasks[0].Progress.Status);
        Assert.Equal("市数据资源局：已发布重大政策解读材料15篇。（2035年7月15日报送）", view.Tasks[0].ReportText);
        Assert.Equal(UpwardRollup.NotReported, view.Tasks[1].Progress.Status);
        Assert.Equal(90, view.Tasks[2].Progress.Percent);

        const string Edited = "我市已发布重大政策解读材料15篇，解读质量明显提高。";
        var saved = await service.SaveReportTextAsync(TestActors.Office, view.Tasks[0].TaskId, Edited);
        Assert.True(saved.Succeeded, saved.Message);

        var received = await service.ReceiveFillInAsync(TestActors.Office, fixture.LowerUpperPlanId, "进展填报表.xlsx", download.ToArray());
        Assert.True(received.Succeeded, received.Message);
        var filled = await service.FilledFillInAsync(TestActors.Office, fixture.LowerUpperPlanId);
        Assert.True(filled.Succeeded, filled.Message);

        // 3. Back upstairs: the filled workbook is the city's own upload, and imports without a single error.
        var uploads = fixture.Upper.Get<LedgerUploadService>();
        var imported = await uploads.ImportAsync(TestActors.UserOf(cityUpstairs), filled.Value.Content);

        Assert.Null(imported.FileError);
        Assert.Empty(imported.Errors);
        Assert.True(imported.Saved);
        Assert.Equal(["一.1", "一.3"], imported.Rows.Select(r => r.Path));
        var first = await TwoLevelFixture.TaskAsync(fixture.Upper, await UpperPlanIdAsync(), "一.1");
        Assert.Equal(Edited, Assert.Single(Assert.Single(first.Assignments).Reports).Progress);
        var third = Assert.Single((await TwoLevelFixture.TaskAsync(fixture.Upper, await UpperPlanIdAsync(), "一.3")).Assignments);
        var thirdReport = Assert.Single(third.Reports);
        Assert.Equal("市数据资源局：政府网站集约化平台已完成迁移。（2035年7月15日报送）", thirdReport.Progress);
        Assert.Equal(90, thirdReport.PercentComplete);
        Assert.Empty(Assert.Single((await TwoLevelFixture.TaskAsync(fixture.Upper, await UpperPlanIdAsync(), "一.2")).Assignments).Reports);
    }

    [Fact]
    public async Task Units_and_leaders_cannot_see_or_change_the_upward_report_and_the_office_downloads_it()
    {
        var service = fixture.Lower.Get<UpperPlanService>();
        var dataUnit = await fixture.Lower.UnitIdAsync("市数据资源局");
        var upperTask = await TwoLevelFixture.TaskAsync(fixture.Lower, fixture.LowerUpperPlanId, "一.2");

        foreach (var actor in new[] { TestActors.UserOf(dataUnit), TestActors.Leader })
        {
            Assert.Equal(OutcomeKind.Forbidden, (await service.GetAsync(actor, fixture.LowerUpperPlanId)).Kind);
            Assert.Equal(OutcomeKind.Forbidden, (await service.SaveReportTextAsync(actor, upperTask.Id, "单位自行改写")).Kind);
            Assert.Equal(OutcomeKind.Forbidden, (await service.LinkAsync(actor, upperTask.Id, upperTask.Id)).Kind);
        }

        Assert.Null((await TwoLevelFixture.TaskAsync(fixture.Lower, fixture.LowerUpperPlanId, "一.2")).UpwardReportText);

        var unit = await fixture.Lower.SignedInClientAsync("unit", DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.GetAsync("/" + UpperPlanEndpoints.ReportUrl(fixture.LowerUpperPlanId))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.GetAsync("/" + UpperPlanEndpoints.FillInUrl(fixture.LowerUpperPlanId))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.GetAsync("/" + UpperPlanEndpoints.DocumentUrl(fixture.LowerUpperPlanId))).StatusCode);

        var office = await fixture.Lower.SignedInClientAsync("office", DemoAccounts.Password);
        var report = await office.GetAsync("/" + UpperPlanEndpoints.ReportUrl(fixture.LowerUpperPlanId));
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        using var workbook = new ClosedXML.Excel.XLWorkbook(await report.Content.ReadAsStreamAsync());
        var sheet = workbook.Worksheet(UpwardReportWorkbook.SheetName);
        Assert.Equal("《示范省2035年政务公开工作要点》落实情况", sheet.Cell(1, 1).GetString());
        Assert.Equal("一.1", sheet.Cell(4, 1).GetString());

        var word = await office.GetAsync("/" + UpperPlanEndpoints.DocumentUrl(fixture.LowerUpperPlanId));
        Assert.Equal(HttpStatusCode.OK, word.StatusCode);
        using var docx = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await word.Content.ReadAsByteArrayAsync()), false);
        var text = docx.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("关于《示范省2035年政务公开工作要点》落实情况的报告", text, StringComparison.Ordinal);
        Assert.Contains("2. 推进基层政务公开标准化规范化建设", text, StringComparison.Ordinal);
        Assert.Contains("落实状态：尚未", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_upper_plan_is_never_published_as_a_whole_and_a_workbook_of_another_plan_is_refused()
    {
        var published = await fixture.Lower.Get<WorkPlanTracker.Features.Plans.PlanPublishingService>().PublishAsync(TestActors.Office, fixture.LowerUpperPlanId);
        Assert.Equal(OutcomeKind.Conflict, published.Kind);
        await using (var db = fixture.Lower.NewDbContext())
        {
            Assert.False(await db.Assignments.AnyAsync(a => a.WorkTask!.PlanId == fixture.LowerUpperPlanId && a.OrgUnit!.Name == TwoLevelFixture.City));
        }

        var service = fixture.Lower.Get<UpperPlanService>();
        var notOurs = await service.ReceiveFillInAsync(TestActors.Office, fixture.LowerUpperPlanId, "x.xlsx", [1, 2, 3]);
        Assert.Equal(OutcomeKind.Invalid, notOurs.Kind);
        await using (var db = fixture.Lower.NewDbContext())
        {
            Assert.False(await db.ReceivedFillIns.AnyAsync(r => r.Content.Length == 3));
        }
    }

    private async Task<int> UpperPlanIdAsync()
    {
        await using var db = fixture.Upper.NewDbContext();
        return await db.Plans.Where(p => p.Title == "示范省2035年政务公开工作要点").Select(p => p.Id).SingleAsync();
    }
}

using ClosedXML.Excel;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Ledger;

namespace WorkPlanTracker.Tests.Features.Ledger;

/// <summary>The 进展情况 column of the plan ledger says where each unit stands.</summary>
public class LedgerProgressColumnTests
{
    private static LedgerReport Report(int day, string text, bool returned) => new(new DateOnly(2035, 7, day), text, null, returned, [], []);

    private static LedgerAssignmentRow Unit(string name, params LedgerReport[] reports) =>
        new(1, name, AssignmentRole.Lead, AssignmentStatus.InProgress, new DateOnly(2035, 9, 30), new DateOnly(2035, 9, 30), false, null, null, reports);

    [Fact]
    public void A_unit_whose_only_report_was_sent_back_is_shown_as_such_not_with_the_returned_text_nor_as_not_reported()
    {
        var task = new LedgerTaskRow(1, "进展县2035年政务公开工作要点", "一.1", "一、公开重点", "加强政策解读", "加强政策解读。", "甲局", "乙局、丙局",
            "2035年9月底前", new DateOnly(2035, 9, 30), false, AssignmentStatus.InProgress, false,
            [
                Unit("甲局", Report(1, "已发布解读3篇", returned: false), Report(5, "被退回的说法", returned: true)),
                Unit("乙局", Report(3, "乙局写的草稿", returned: true)),
                Unit("丙局"),
            ]);
        using var buffer = new MemoryStream();

        LedgerWorkbookWriter.WritePlanLedger(new LedgerDocument("进展县2035年政务公开工作台账", new DateOnly(2035, 7, 15), null, [task]), buffer);

        using var workbook = new XLWorkbook(new MemoryStream(buffer.ToArray()));
        var progress = workbook.Worksheet(LedgerWorkbookWriter.PlanSheetName).CellsUsed().Select(c => c.GetString()).Single(t => t.Contains("甲局（", StringComparison.Ordinal));
        Assert.Contains("甲局（2035年7月1日）：已发布解读3篇", progress, StringComparison.Ordinal);
        Assert.Contains("乙局：所报进展已退回，待重新报送", progress, StringComparison.Ordinal);
        Assert.Contains("尚未报送：丙局", progress, StringComparison.Ordinal);
        Assert.DoesNotContain("被退回的说法", progress, StringComparison.Ordinal);
        Assert.DoesNotContain("乙局写的草稿", progress, StringComparison.Ordinal);
    }
}

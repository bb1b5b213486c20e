using WorkPlanTracker.Domain;
using L = WorkPlanTracker.Features.Ledger.LedgerSheetLayout;

namespace WorkPlanTracker.Features.UpperPlans;

/// <summary>
/// The upward report in this app's own layout (when the upper office sent no fill-in workbook): one row per upper
/// task with what the office reports, printed like the ledgers (title, 填报单位 line, header on every page, A4 landscape).
/// </summary>
public static class UpwardReportWorkbook
{
    public const string SheetName = "落实情况";

    public static IReadOnlyList<Ledger.LedgerColumn> Columns { get; } =
    [
        new("序号", 8),
        Ledger.LedgerColumn.ForChinese("上级计划任务", 14),
        Ledger.LedgerColumn.ForChinese("完成时限", 5),
        Ledger.LedgerColumn.ForChinese("落实情况", 28),
        Ledger.LedgerColumn.ForChinese("完成进度", 3),
        Ledger.LedgerColumn.ForChinese("落实状态", 4),
    ];

    public static string FileName(UpwardReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return $"{report.PlanTitle}落实情况.xlsx";
    }

    public static void Write(UpwardReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var workbook = L.NewWorkbook();
        var info = L.FormFields(null) + $"　　报送日期：{WorkCalendar.Format(report.MadeOn)}";
        var sheet = L.Begin(workbook, SheetName, $"《{report.PlanTitle}》落实情况", info, Columns);
        var row = L.FirstDataRow;
        foreach (var item in report.Rows)
        {
            L.WriteRow(sheet, row++, Columns, [item.Path, item.Title, item.DeadlineText, item.Text, item.Percent is { } p ? $"{p}%" : "", item.Status]);
        }

        L.Finish(sheet, Columns.Count, row - 1);
        L.Save(workbook, output);
    }
}

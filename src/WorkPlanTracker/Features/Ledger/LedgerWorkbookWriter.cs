using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using WorkPlanTracker.Domain;
using L = WorkPlanTracker.Features.Ledger.LedgerSheetLayout;

namespace WorkPlanTracker.Features.Ledger;

/// <summary>Writes the ledgers (工作台账, a unit's 台账, the overdue list) as .xlsx workbooks ready to print and send upward.</summary>
public static class LedgerWorkbookWriter
{
    public const string PlanSheetName = "工作台账";
    public const string SummarySheetName = "汇总";
    public const string UnitSheetName = "单位台账";
    public const string OverdueSheetName = "逾期督办清单";

    // Each set of columns fits A4 landscape at 100 % (LedgerSheetLayout.CheckFitsThePage): the section is the group row
    // above its tasks, so it needs no column; 序号 is the running number, 编号 the plan's own.

    public static IReadOnlyList<LedgerColumn> PlanColumns { get; } =
    [
        new("序号", 5),
        new("编号", 8),
        LedgerColumn.ForChinese("工作任务", 10),
        LedgerColumn.ForChinese("牵头单位", 4),
        LedgerColumn.ForChinese("责任单位", 4),
        LedgerColumn.ForChinese("完成时限", 5),
        LedgerColumn.ForChinese("进展情况", 11),
        LedgerColumn.ForChinese("完成状态", 4),
        LedgerColumn.ForChinese("佐证材料", 6),
        LedgerColumn.ForChinese("备注", 5),
    ];

    public static IReadOnlyList<LedgerColumn> UnitColumns { get; } =
    [
        new("序号", 5),
        new("编号", 8),
        LedgerColumn.ForChinese("工作任务", 12),
        LedgerColumn.ForChinese("承担方式", 3),
        LedgerColumn.ForChinese("完成时限", 5),
        LedgerColumn.ForChinese("完成状态", 4),
        LedgerColumn.ForChinese("报送记录（进展情况）", 13),
        LedgerColumn.ForChinese("佐证材料", 6),
        LedgerColumn.ForChinese("备注", 4),
    ];

    public static IReadOnlyList<LedgerColumn> OverdueColumns { get; } =
    [
        new("序号", 5),
        LedgerColumn.ForChinese("所属计划", 6),
        new("任务编号", 8),
        LedgerColumn.ForChinese("工作任务", 8),
        LedgerColumn.ForChinese("承办单位", 5),
        LedgerColumn.ForChinese("承担方式", 2),
        LedgerColumn.ForChinese("完成时限", 5),
        LedgerColumn.ForChinese("逾期天数", 2),
        LedgerColumn.ForChinese("当前状态", 3),
        LedgerColumn.ForChinese("最近报送", 9),
        LedgerColumn.ForChinese("督办情况", 6),
    ];

    /// <summary>The plan ledger: tasks grouped by section, overdue rows marked, and a summary sheet by status and by unit.</summary>
    public static void WritePlanLedger(LedgerDocument document, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        using var workbook = L.NewWorkbook();
        var columns = PlanColumns.Count;
        var sheet = L.Begin(workbook, PlanSheetName, document.Title, Info(document), PlanColumns);
        var (plainStyle, lateStyle) = L.CellStyles(workbook);
        var row = L.FirstDataRow;
        var manyPlans = ManyPlans(document);
        string? group = null;
        var number = 1;
        foreach (var task in document.Tasks)
        {
            row = GroupRowIfNew(sheet, row, columns, GroupLabel(task, manyPlans), ref group);
            L.WriteRow(sheet, row, PlanColumns, PlanRow(task), task.Overdue ? lateStyle : plainStyle);
            sheet.Cell(row, 1).SetValue(number++);
            row++;
        }

        L.Finish(sheet, columns, row - 1, drawBorders: false);
        L.DropScratch(workbook);
        WriteSummary(workbook, document);
        L.Save(workbook, output);
    }

    /// <summary>A unit's ledger: each of its assignments with every report it made, oldest first.</summary>
    public static void WriteUnitLedger(LedgerDocument document, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        using var workbook = L.NewWorkbook();
        var columns = UnitColumns.Count;
        var sheet = L.Begin(workbook, UnitSheetName, document.Title, Info(document), UnitColumns);
        var (plainStyle, lateStyle) = L.CellStyles(workbook);
        var row = L.FirstDataRow;
        var manyPlans = ManyPlans(document);
        string? group = null;
        var number = 1;
        foreach (var task in document.Tasks)
        {
            var label = GroupLabel(task, manyPlans);
            foreach (var assignment in task.Assignments)
            {
                row = GroupRowIfNew(sheet, row, columns, label, ref group);
                var standing = TaskStandings.Of(assigned: true, assignment.Status == AssignmentStatus.Closed, assignment.Overdue, task.Ongoing);
                L.WriteRow(sheet, row, UnitColumns,
                [
                    "", task.Path, task.Content, LedgerService.RoleText(assignment.Role), LedgerService.DueText(assignment.DueDate, task.Ongoing),
                    StandingText(standing, assignment.Status),
                    AllReports(assignment), Evidence(assignment.Reports), AssignmentRemark(assignment),
                ],
                assignment.Overdue ? lateStyle : plainStyle);
                sheet.Cell(row, 1).SetValue(number++);
                row++;
            }
        }

        L.Finish(sheet, columns, row - 1, drawBorders: false);
        L.DropScratch(workbook);
        L.Save(workbook, output);
    }

    /// <summary>The overdue list for a chosen day, most days late first, with the escalation notices issued.</summary>
    public static void WriteOverdueList(OverdueDocument document, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        using var workbook = L.NewWorkbook();
        var columns = OverdueColumns.Count;
        var info = L.FormFields(document.UnitName) + "\n"
            + $"统计截至：{WorkCalendar.Format(document.AsOf)}　　导出日期：{WorkCalendar.Format(document.ExportedOn)}　　逾期任务：{document.Rows.Count} 项";
        var sheet = L.Begin(workbook, OverdueSheetName, document.Title, info, OverdueColumns);
        var row = L.FirstDataRow;
        var number = 1;
        foreach (var item in document.Rows)
        {
            L.WriteRow(sheet, row, OverdueColumns,
            [
                "", item.PlanTitle, item.Path, item.TaskTitle, item.UnitName, LedgerService.RoleText(item.Role),
                WorkCalendar.Format(item.DueDate), "", LedgerService.StatusText(item.Status), item.LatestReport,
                item.Escalations.Length == 0 ? "未下发督办单" : item.Escalations,
            ]);
            sheet.Cell(row, 1).SetValue(number++);
            sheet.Cell(row, 8).SetValue(item.DaysLate);
            row++;
        }

        if (document.Rows.Count == 0)
        {
            sheet.Range(row, 1, row, columns).Merge().FirstCell().SetValue("截至该日没有逾期任务。");
            row++;
        }

        L.Finish(sheet, columns, row - 1);
        sheet.Column(8).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        L.Save(workbook, output);
    }

    /// <summary>The texts of one task's row in the plan ledger, column by column (序号 is written as a number afterwards).</summary>
    public static string[] PlanRow(LedgerTaskRow task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return
        [
            "", task.Path, task.Content, task.LeadUnits, task.SupportingUnits, task.DeadlineText,
            LatestProgress(task), TaskStatusText(task), Evidence(task.Assignments.SelectMany(a => a.Reports)), Remark(task),
        ];
    }

    /// <summary>The task's standing (the dashboard's word for it), with the step of the workflow it waits on.</summary>
    public static string TaskStatusText(LedgerTaskRow task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return StandingText(task.Standing, task.Status);
    }

    /// <summary>"已逾期（待签收）", "推进中（已签收）", "已办结": the standing first, then the workflow step when it adds something.</summary>
    public static string StandingText(TaskStanding standing, AssignmentStatus? step)
    {
        var text = TaskStandingNames.Of(standing);
        if (step is not { } s || standing is TaskStanding.Closed or TaskStanding.Unassigned)
        {
            return text;
        }

        var stepText = LedgerService.StatusText(s);
        return stepText == text ? text : $"{text}（{stepText}）";
    }

    private static string Info(LedgerDocument document) =>
        L.FormFields(document.UnitName) + "\n"
        + $"导出日期：{WorkCalendar.Format(document.ExportedOn)}　　任务数：{document.Tasks.Count} 项"
        + $"　　已逾期：{document.Tasks.Count(t => t.Overdue)} 项";

    private static bool ManyPlans(LedgerDocument document) => document.Tasks.Select(t => t.PlanTitle).Distinct().Skip(1).Any();

    private static string GroupLabel(LedgerTaskRow task, bool manyPlans) =>
        manyPlans ? $"{task.PlanTitle}　{task.SectionTitle}".Trim() : task.SectionTitle;

    /// <summary>Writes a heading row at <paramref name="row"/> when <paramref name="label"/> starts a new group; returns the row for the data.</summary>
    private static int GroupRowIfNew(IXLWorksheet sheet, int row, int columns, string label, ref string? group)
    {
        if (label.Length > 0 && label != group)
        {
            L.GroupRow(sheet, row++, columns, label);
        }

        group = label;
        return row;
    }

    /// <summary>进展情况: each unit's newest standing report; units that have not reported are named together.</summary>
    private static string LatestProgress(LedgerTaskRow task)
    {
        var text = new StringBuilder();
        var silent = new List<string>();
        foreach (var assignment in task.Assignments)
        {
            if (assignment.LatestReport is { } report)
            {
                Line(text, $"{assignment.UnitName}（{WorkCalendar.Format(report.ReportedOn)}）：{report.Progress}{Percent(report)}");
            }
            else if (assignment.Reports.Count > 0)
            {
                // Sent back: what the unit wrote does not stand, and it has reported, so it is not 尚未报送 either.
                Line(text, $"{assignment.UnitName}：{LedgerService.ReportingText(null, reportedAtAll: true)}");
            }
            else
            {
                silent.Add(assignment.UnitName);
            }
        }

        if (silent.Count > 0)
        {
            Line(text, LedgerService.NotReportedText + "：" + string.Join("、", silent));
        }

        return text.ToString();
    }

    private static string AllReports(LedgerAssignmentRow assignment)
    {
        if (assignment.Reports.Count == 0)
        {
            return LedgerService.NotReportedText;
        }

        var text = new StringBuilder();
        foreach (var report in assignment.Reports)
        {
            Line(text, $"{WorkCalendar.Format(report.ReportedOn)}：{report.Progress}{Percent(report)}{(report.Returned ? "（已退回）" : "")}");
        }

        return text.ToString();
    }

    private static string Percent(LedgerReport report) =>
        report.PercentComplete is { } p ? string.Create(CultureInfo.InvariantCulture, $"（完成{p}%）") : "";

    /// <summary>The evidence of every report, oldest first, each link or file once: a later report does not make earlier evidence go away.</summary>
    private static string Evidence(IEnumerable<LedgerReport> reports)
    {
        var lines = new List<string>();
        foreach (var report in reports.OrderBy(r => r.ReportedOn))
        {
            lines.AddRange(report.EvidenceLinks);
            lines.AddRange(report.EvidenceFiles.Select(f => "附件：" + f));
        }

        return string.Join("\n", lines.Distinct(StringComparer.Ordinal));
    }

    /// <summary>备注: who is late and by how much, what was sent back, which dates were extended.</summary>
    private static string Remark(LedgerTaskRow task)
    {
        var text = new StringBuilder();
        foreach (var assignment in task.Assignments)
        {
            var remark = AssignmentRemark(assignment);
            if (remark.Length > 0)
            {
                Line(text, $"{assignment.UnitName}：{remark}");
            }
        }

        if (task.Assignments.Count == 0)
        {
            Line(text, "尚未分派");
        }

        return text.ToString();
    }

    private static string AssignmentRemark(LedgerAssignmentRow assignment)
    {
        var parts = new List<string>();
        if (assignment.DaysLate is { } late)
        {
            parts.Add($"逾期{late}天");
        }

        if (assignment.DaysClosedLate is { } closedLate)
        {
            parts.Add($"逾期办结{closedLate}天");
        }

        if (assignment.DueDate is { } due && assignment.OriginalDueDate is { } original && due != original)
        {
            parts.Add($"已延期至{WorkCalendar.Format(due)}（原时限{WorkCalendar.Format(original)}）");
        }

        if (assignment.ReturnReason is { } reason)
        {
            parts.Add($"已退回：{reason}");
        }

        // The count stays after the unit reported again or the work was closed: how often it was sent back is part of the record.
        if (assignment.ReturnCount > 0)
        {
            parts.Add($"退回{assignment.ReturnCount}次");
        }

        return string.Join("；", parts);
    }

    private static void Line(StringBuilder text, string line)
    {
        if (text.Length > 0)
        {
            text.Append('\n');
        }

        text.Append(line);
    }

    /// <summary>汇总: tasks by completion status, then each unit's assignments by outcome.</summary>
    private static void WriteSummary(XLWorkbook workbook, LedgerDocument document)
    {
        IReadOnlyList<LedgerColumn> columns =
        [
            LedgerColumn.ForChinese("项目", 12),
            LedgerColumn.ForChinese("任务数", 4),
            LedgerColumn.ForChinese("牵头", 3),
            LedgerColumn.ForChinese("配合", 3),
            LedgerColumn.ForChinese("已办结", 4),
            LedgerColumn.ForChinese("已逾期", 4),
            LedgerColumn.ForChinese("尚未报送", 4),
        ];
        var sheet = L.Begin(workbook, SummarySheetName, document.Title + "汇总", Info(document), columns);
        sheet.Cell(L.HeaderRow, 1).SetValue("完成状态");
        var row = L.FirstDataRow;

        // Each task once, by the dashboard's standings (推进中 means the same in both), so the column adds up to 合计.
        var byStanding = document.Tasks.GroupBy(t => t.Standing).ToDictionary(g => g.Key, g => g.Count());
        foreach (var standing in StandingOrder)
        {
            sheet.Cell(row, 1).SetValue(TaskStandingNames.Of(standing));
            sheet.Cell(row, 2).SetValue(byStanding.GetValueOrDefault(standing));
            row++;
        }

        sheet.Cell(row, 1).SetValue("合计");
        sheet.Cell(row, 2).SetValue(document.Tasks.Count);
        sheet.Range(row, 1, row, 2).Style.Font.Bold = true;
        row++;

        // Second table: a header row of its own, inside the same bordered block.
        var unitHeader = row;
        string[] headers = ["承办单位", "承办任务数", "牵头", "配合", "已办结", "已逾期", "尚未报送"];
        for (var i = 0; i < headers.Length; i++)
        {
            sheet.Cell(row, i + 1).SetValue(headers[i]);
        }

        var headerRange = sheet.Range(row, 1, row, headers.Length);
        headerRange.Style.Font.Bold = true;
        headerRange.Style.Fill.BackgroundColor = XLColor.FromHtml("#D9E1F2");
        headerRange.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        row++;
        var byUnit = document.Tasks.SelectMany(t => t.Assignments)
            .GroupBy(a => a.UnitName)
            .OrderBy(g => g.Key, ChineseOrder.Names);
        foreach (var unit in byUnit)
        {
            sheet.Cell(row, 1).SetValue(unit.Key);
            sheet.Cell(row, 2).SetValue(unit.Count());
            sheet.Cell(row, 3).SetValue(unit.Count(a => a.Role == AssignmentRole.Lead));
            sheet.Cell(row, 4).SetValue(unit.Count(a => a.Role == AssignmentRole.Supporting));
            sheet.Cell(row, 5).SetValue(unit.Count(a => a.Status == AssignmentStatus.Closed));
            sheet.Cell(row, 6).SetValue(unit.Count(a => a.Overdue));
            sheet.Cell(row, 7).SetValue(unit.Count(a => a.Reports.Count == 0));
            row++;
        }

        L.Finish(sheet, columns.Count, row - 1);
        sheet.Range(L.HeaderRow, 2, row - 1, columns.Count).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        sheet.Cell(unitHeader, 1).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
    }

    private static readonly TaskStanding[] StandingOrder =
    [
        TaskStanding.Closed, TaskStanding.InProgress, TaskStanding.Overdue, TaskStanding.Ongoing, TaskStanding.Unassigned,
    ];
}

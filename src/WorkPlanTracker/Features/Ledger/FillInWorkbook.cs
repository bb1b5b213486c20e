using System.Globalization;
using ClosedXML.Excel;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Uploads;
using L = WorkPlanTracker.Features.Ledger.LedgerSheetLayout;

namespace WorkPlanTracker.Features.Ledger;

/// <summary>
/// The per-unit fill-in workbook (进展填报表) and how it is read back. The sheet is protected: the key columns
/// (a hidden row key = the assignment id, plan, number, task, role, deadline) are locked, only the columns for this
/// round's progress, evidence links, status (a dropdown) and completion note can be typed in. The protection only
/// guards against slips (its password ships with the app); the upload compares every locked cell with the
/// database and refuses edits.
/// </summary>
public static partial class FillInWorkbook
{
    public const string SheetName = "进展填报";

    /// <summary>Guards against accidental edits only; the real check is the comparison on upload.</summary>
    public const string ProtectionPassword = "wpt-ledger";

    public const string StatusReport = "推进中";
    public const string StatusRequestCompletion = "申请办结";
    public static IReadOnlyList<string> Statuses { get; } = [StatusReport, StatusRequestCompletion];

    public const int KeyColumn = 1;
    public const int PlanColumn = 2;
    public const int PathColumn = 3;
    public const int TaskColumn = 4;
    public const int RoleColumn = 5;
    public const int DeadlineColumn = 6;
    public const int CurrentStatusColumn = 7;
    public const int LatestColumn = 8;
    public const int ProgressColumn = 9;
    public const int PercentColumn = 10;
    public const int LinksColumn = 11;
    public const int StatusColumn = 12;
    public const int SummaryColumn = 13;

    /// <summary>
    /// What an uploaded fill-in workbook may ask of the server: a unit has at most a few hundred tasks, so 5,000 rows
    /// is generous, and a workbook of ours decompresses to well under a MB.
    /// </summary>
    public static OfficePackageLimits UploadLimits { get; } = new()
    {
        MaxUncompressedBytes = 50 * 1024 * 1024,
        MaxSheetRows = 5_000,
        MaxCells = 100_000,
        MaxSharedStringsBytes = 20 * 1024 * 1024,
        TimeBudget = TimeSpan.FromSeconds(2),
    };

    /// <summary>The columns a unit types into, by name for messages.</summary>
    public static IReadOnlyDictionary<int, string> InputColumns { get; } = new Dictionary<int, string>
    {
        [ProgressColumn] = "本次进展情况",
        [PercentColumn] = "完成进度%",
        [LinksColumn] = "佐证材料链接",
        [StatusColumn] = "填报状态",
        [SummaryColumn] = "办结情况说明",
    };

    /// <summary>The hidden cell that says which unit the workbook belongs to.</summary>
    public const int UnitKeyRow = L.InfoRow;

    public static IReadOnlyList<LedgerColumn> Columns { get; } =
    [
        new("行键", 8),
        LedgerColumn.ForChinese("所属计划", 4),
        new("任务编号", 8),
        LedgerColumn.ForChinese("工作任务", 7),
        LedgerColumn.ForChinese("承担方式", 2),
        LedgerColumn.ForChinese("完成时限", 5),
        LedgerColumn.ForChinese("当前状态", 3),
        LedgerColumn.ForChinese("最近一次报送", 7),
        LedgerColumn.ForChinese("本次进展情况（必填）", 9),
        LedgerColumn.ForChinese("完成进度%", 2),
        LedgerColumn.ForChinese("佐证材料链接（每行一个）", 5),
        LedgerColumn.ForChinese("填报状态", 3),
        LedgerColumn.ForChinese("办结情况说明（申请办结时填写）", 5),
    ];

    /// <summary>Names of the locked columns the upload compares with the database, for messages.</summary>
    public static IReadOnlyDictionary<int, string> ComparedColumns { get; } = new Dictionary<int, string>
    {
        [PlanColumn] = "所属计划",
        [PathColumn] = "任务编号",
        [TaskColumn] = "工作任务",
        [RoleColumn] = "承担方式",
        [DeadlineColumn] = "完成时限",
    };

    public static void Write(FillInDocument document, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        using var workbook = L.NewWorkbook();
        var columns = Columns.Count;
        var info = L.FormFields(document.UnitName) + $"　　导出日期：{WorkCalendar.Format(document.ExportedOn)}\n"
            + "填写“本次进展情况”等黄色列后，在系统“上传填报表”页面上传；不需要报送的任务留空即可。";
        var sheet = L.Begin(workbook, SheetName, document.Title, info, Columns);

        // The info row is merged from column B, so the hidden column A of that row can carry the unit key.
        sheet.Range(L.InfoRow, 1, L.InfoRow, columns).Unmerge();
        sheet.Range(L.InfoRow, 2, L.InfoRow, columns).Merge();
        sheet.Cell(L.InfoRow, 2).SetValue(info);
        sheet.Cell(L.InfoRow, 1).Clear();
        sheet.Cell(UnitKeyRow, KeyColumn).SetValue(document.UnitId);

        var row = L.FirstDataRow;
        foreach (var item in document.Rows)
        {
            L.WriteRow(sheet, row, Columns,
            [
                "", item.PlanTitle, item.Path, item.TaskTitle, item.RoleText, item.DeadlineText, item.StatusText, item.LatestProgress,
            ]);
            sheet.Cell(row, KeyColumn).SetValue(item.AssignmentId);
            // Rows get room for a few lines of progress even when the locked columns are short.
            sheet.Row(row).Height = Math.Max(sheet.Row(row).Height, 45);
            row++;
        }

        var lastRow = row - 1;
        if (document.Rows.Count == 0)
        {
            sheet.Range(row, 2, row, columns).Merge().FirstCell().SetValue("本单位目前没有需要报送进展的任务。");
            lastRow = row;
        }

        // Hidden first: the page is fitted to the columns that print.
        sheet.Column(KeyColumn).Hide();
        L.Finish(sheet, columns, lastRow);
        sheet.SheetView.Freeze(L.HeaderRow, PathColumn);

        if (document.Rows.Count > 0)
        {
            var editable = sheet.Range(L.FirstDataRow, ProgressColumn, lastRow, SummaryColumn);
            editable.Style.Protection.SetLocked(false);
            editable.Style.Fill.BackgroundColor = XLColor.FromHtml("#FFF9E0");

            var status = sheet.Range(L.FirstDataRow, StatusColumn, lastRow, StatusColumn).SetDataValidation();
            status.List("\"" + string.Join(",", Statuses) + "\"", true);
            status.IgnoreBlanks = true;
            status.ShowErrorMessage = true;
            status.ErrorStyle = XLErrorStyle.Stop;
            status.ErrorTitle = "填报状态";
            status.ErrorMessage = "请从下拉列表中选择：" + string.Join("、", Statuses);
            status.ShowInputMessage = true;
            status.InputTitle = "填报状态";
            status.InputMessage = "推进中：报送本次进展；申请办结：报送进展并申请办结（请填写办结情况说明）。";

            var percent = sheet.Range(L.FirstDataRow, PercentColumn, lastRow, PercentColumn).SetDataValidation();
            percent.WholeNumber.Between(0, 100);
            percent.IgnoreBlanks = true;
            percent.ShowErrorMessage = true;
            percent.ErrorStyle = XLErrorStyle.Stop;
            percent.ErrorTitle = "完成进度";
            percent.ErrorMessage = "请填写0至100之间的整数。";
        }

        sheet.Protect(ProtectionPassword)
            .AllowElement(XLSheetProtectionElements.SelectLockedCells)
            .AllowElement(XLSheetProtectionElements.SelectUnlockedCells)
            .AllowElement(XLSheetProtectionElements.FormatRows)
            .AllowElement(XLSheetProtectionElements.FormatColumns);
        L.Save(workbook, output);
    }

    /// <summary>
    /// Reads a filled workbook back; throws <see cref="LedgerUploadException"/> when it is not one of ours, or when
    /// <see cref="OfficePackageGuard"/> refuses it (too big, too many rows, too slow) before ClosedXML opens it.
    /// Cells are read as stored: a formula is never evaluated (its cached text is kept, and a formula in an input
    /// column makes the row wrong, see <see cref="FilledRow.FormulaColumns"/>).
    /// </summary>
    public static FilledWorkbook Read(Stream input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        try
        {
            OfficePackageGuard.Check(input, UploadLimits, cancellationToken);
        }
        catch (OfficePackageRefusedException e) when (e.Problem == OfficePackageProblem.Corrupt)
        {
            throw new LedgerUploadException("无法读取这个文件：请上传从本系统下载、用 Excel 或 WPS 填写后保存的 .xlsx 填报表。");
        }
        catch (OfficePackageRefusedException e)
        {
            throw new LedgerUploadException($"这个文件不能导入：{e.Message}。为安全起见已拒绝读取，请上传从本系统下载、用 Excel 或 WPS 填写后保存的 .xlsx 填报表。");
        }

        XLWorkbook workbook;
        try
        {
            workbook = new XLWorkbook(input);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new LedgerUploadException("无法读取这个文件：请上传从本系统下载、用 Excel 或 WPS 填写后保存的 .xlsx 填报表。");
        }

        using (workbook)
        {
            if (!workbook.TryGetWorksheet(SheetName, out var sheet)
                || StoredText(sheet.Cell(L.HeaderRow, KeyColumn)) != Columns[KeyColumn - 1].Header)
            {
                throw new LedgerUploadException($"这不是本系统的进展填报表（没有“{SheetName}”工作表或表头被改动）：请先下载本单位的填报表再填写。");
            }

            if (!int.TryParse(StoredText(sheet.Cell(UnitKeyRow, KeyColumn)), NumberStyles.None, CultureInfo.InvariantCulture, out var unitId))
            {
                throw new LedgerUploadException("填报表中的单位标识缺失或被改动：请重新下载本单位的填报表再填写。");
            }

            var rows = new List<FilledRow>();
            var last = sheet.LastRowUsed()?.RowNumber() ?? L.HeaderRow;
            for (var r = L.FirstDataRow; r <= last; r++)
            {
                var formulas = InputColumns.Keys.Where(c => sheet.Cell(r, c).HasFormula).Select(c => InputColumns[c]).ToList();
                string Text(int column) => StoredText(sheet.Cell(r, column));
                var filled = new FilledRow(
                    r, Text(KeyColumn), Text(PlanColumn), Text(PathColumn), Text(TaskColumn), Text(RoleColumn), Text(DeadlineColumn),
                    Text(ProgressColumn), Text(PercentColumn), Text(LinksColumn), Text(StatusColumn), Text(SummaryColumn))
                {
                    FormulaColumns = formulas,
                };
                if (!filled.IsBlank)
                {
                    rows.Add(filled);
                }
            }

            var exported = ExportedOnPattern().Match(StoredText(sheet.Cell(L.InfoRow, KeyColumn + 1)));
            return new FilledWorkbook(unitId, rows) { ExportedOnText = exported.Success ? exported.Groups[1].Value : "" };
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("导出日期：(\\S+)")]
    private static partial System.Text.RegularExpressions.Regex ExportedOnPattern();

    /// <summary>
    /// The text the file holds, never a computed one: ClosedXML would evaluate a formula (=50+50 becoming 100, or
    /// =HYPERLINK(...) becoming the name of a .NET type), so a formula cell gives Excel's cached result instead.
    /// </summary>
    private static string StoredText(IXLCell cell)
    {
        if (!cell.HasFormula)
        {
            return cell.GetString().Trim();
        }

        return Convert.ToString(cell.CachedValue, CultureInfo.InvariantCulture)?.Trim() ?? "";
    }
}

/// <summary>A fill-in workbook as read back: the unit it claims to be for and its non-empty rows.</summary>
public sealed record FilledWorkbook(int UnitId, IReadOnlyList<FilledRow> Rows)
{
    /// <summary>The 导出日期 the download printed in its info row ("" when the row was edited away).</summary>
    public string ExportedOnText { get; init; } = "";

    /// <summary>
    /// Lower-case hex SHA-256 of what the unit filled in (unit, download date, each row's key and typed columns):
    /// the same file opened and saved again in Excel or WPS has other bytes but the same fingerprint, while the same
    /// words typed into a later download are a new report.
    /// </summary>
    public string Fingerprint()
    {
        var text = new System.Text.StringBuilder().Append("fill-in v1\n").Append(UnitId).Append('\n').Append(ExportedOnText).Append('\n');
        foreach (var row in Rows.Where(r => r.HasInput))
        {
            foreach (var value in new[] { row.Key, row.Progress, row.Percent, row.Links, row.Status, row.CompletionSummary })
            {
                text.Append(value.ReplaceLineEndings("\n").Trim()).Append('\t');
            }

            text.Append('\n');
        }

        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text.ToString())));
    }
}

/// <summary>One row as the file has it; <see cref="RowNumber"/> is the row number Excel shows.</summary>
public sealed record FilledRow(
    int RowNumber, string Key, string PlanTitle, string Path, string TaskTitle, string RoleText, string DeadlineText,
    string Progress, string Percent, string Links, string Status, string CompletionSummary)
{
    /// <summary>Names of the input columns that hold a formula instead of typed text; such a row is refused.</summary>
    public IReadOnlyList<string> FormulaColumns { get; init; } = [];

    /// <summary>The unit typed something into this row's own columns.</summary>
    public bool HasInput => Progress.Length + Percent.Length + Links.Length + Status.Length + CompletionSummary.Length > 0 || FormulaColumns.Count > 0;

    /// <summary>Neither a task row (no row key) nor typed into: a note row such as "没有需要报送进展的任务".</summary>
    public bool IsBlank => !HasInput && Key.Length == 0;

    public string LockedValue(int column) => column switch
    {
        FillInWorkbook.PlanColumn => PlanTitle,
        FillInWorkbook.PathColumn => Path,
        FillInWorkbook.TaskColumn => TaskTitle,
        FillInWorkbook.RoleColumn => RoleText,
        FillInWorkbook.DeadlineColumn => DeadlineText,
        _ => throw new ArgumentOutOfRangeException(nameof(column), column, "not a compared column"),
    };
}

/// <summary>The uploaded file as a whole cannot be used; the message says why in words for the unit.</summary>
public sealed class LedgerUploadException(string message) : Exception(message);

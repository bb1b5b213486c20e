using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Data;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Uploads;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Features.Ledger;

/// <summary>
/// Takes a unit's filled-in workbook back. Every row is checked first (the task exists, belongs to the workbook's
/// unit, the locked cells still say what the database says, the status is one of the list) and then put through the
/// same domain steps the web form uses (<see cref="ProgressReport.Written"/>, <see cref="TaskAssignment.SubmitReport"/>,
/// <see cref="TaskAssignment.RequestCompletion"/>), so the same rules and the audit trail apply. The preview runs the
/// steps without saving; the import saves all rows in one SaveChanges, or nothing when any row is wrong. A file
/// already imported for the unit (same filled-in content, see <see cref="LedgerImport"/>) is refused with when and by whom,
/// since importing it again would report every row twice.
/// </summary>
public sealed class LedgerUploadService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, HeavyUploadGate gate)
{
    public const long MaxFileBytes = 10 * 1024 * 1024;

    /// <summary>What the import would do, without saving anything.</summary>
    public Task<LedgerUploadOutcome> PreviewAsync(Actor actor, byte[] content, CancellationToken cancellationToken = default) =>
        RunAsync(actor, content, save: false, cancellationToken);

    /// <summary>Checks everything again against the database as it is now, and saves every row or none.</summary>
    public Task<LedgerUploadOutcome> ImportAsync(Actor actor, byte[] content, CancellationToken cancellationToken = default) =>
        RunAsync(actor, content, save: true, cancellationToken);

    private async Task<LedgerUploadOutcome> RunAsync(Actor actor, byte[] content, bool save, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(content);
        if (!actor.IsUnitUser || actor.UnitIds.Count == 0)
        {
            return LedgerUploadOutcome.Refused("只有承办单位的用户可以上传本单位的进展填报表。");
        }

        if (content.Length == 0 || content.Length > MaxFileBytes)
        {
            return LedgerUploadOutcome.Refused($"文件为空或超过 {MaxFileBytes / 1024 / 1024} MB，请上传从本系统下载的填报表。");
        }

        using var slot = gate.TryEnter(actor.UserName);
        if (slot is null)
        {
            return LedgerUploadOutcome.Refused(HeavyUploadGate.BusyMessage);
        }

        FilledWorkbook file;
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            file = FillInWorkbook.Read(stream, cancellationToken);
        }
        catch (LedgerUploadException e)
        {
            return LedgerUploadOutcome.Refused(e.Message);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == file.UnitId, cancellationToken);
        if (unit is null || !actor.UnitIds.Contains(unit.Id))
        {
            return LedgerUploadOutcome.Refused(unit is null
                ? "填报表中的单位标识无效：请重新下载本单位的填报表再填写。"
                : $"这是“{unit.Name}”的填报表，您不是该单位的用户，不能上传。");
        }

        // Imports before fingerprints were kept by the file's bytes: both are looked for.
        var hash = file.Fingerprint();
        var bytesHash = Convert.ToHexStringLower(SHA256.HashData(content));
        var earlier = await db.LedgerImports.AsNoTracking()
            .Where(i => i.OrgUnitId == unit.Id && (i.ContentHash == hash || i.ContentHash == bytesHash))
            .OrderBy(i => i.ImportedAtUtc)
            .FirstOrDefaultAsync(cancellationToken);
        if (earlier is not null)
        {
            var who = await db.Users.AsNoTracking().Where(u => u.UserName == earlier.ImportedBy).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);
            return LedgerUploadOutcome.Refused(AlreadyImportedMessage(earlier, string.IsNullOrWhiteSpace(who) ? earlier.ImportedBy : who), unit.Name);
        }

        var keys = file.Rows.Select(r => ParseKey(r.Key)).OfType<int>().Distinct().ToList();
        var assignments = await db.Assignments
            .Where(a => keys.Contains(a.Id))
            .Include(a => a.WorkTask!).ThenInclude(t => t.Plan)
            .Include(a => a.Reports)
            .AsSplitQuery()
            .ToDictionaryAsync(a => a.Id, cancellationToken);

        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new List<LedgerUploadError>();
        var accepted = new List<LedgerUploadRow>();
        var seen = new Dictionary<int, int>();
        foreach (var row in file.Rows)
        {
            var error = Check(row, unit, actor, assignments, seen, now, accepted);
            if (error is not null)
            {
                errors.Add(new LedgerUploadError(row.RowNumber, error));
            }
        }

        if (errors.Count == 0 && accepted.Count == 0)
        {
            return LedgerUploadOutcome.Refused("填报表中没有填写任何进展：请在黄色列中填写本次进展情况后再上传。", unit.Name);
        }

        if (errors.Count > 0 || !save)
        {
            return new LedgerUploadOutcome(null, unit.Name, accepted, errors, Saved: false);
        }

        db.LedgerImports.Add(new LedgerImport { OrgUnitId = unit.Id, ContentHash = hash, ImportedAtUtc = now, ImportedBy = actor.UserName, RowCount = accepted.Count });
        try
        {
            db.ChangeReason = "通过Excel填报表报送";
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return LedgerUploadOutcome.Refused("有任务刚被其他人处理过，本次上传未导入任何内容，请重新上传。", unit.Name);
        }

        return new LedgerUploadOutcome(null, unit.Name, accepted, [], Saved: true);
    }

    /// <summary>The warning for a file imported before: when, by whom, how many rows, and what to do instead.</summary>
    public static string AlreadyImportedMessage(LedgerImport earlier, string who)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        var at = earlier.ImportedAtUtc + WorkCalendar.UtcOffset;
        return $"这个文件已于{WorkCalendar.Format(DateOnly.FromDateTime(at))} {at.ToString("HH:mm", CultureInfo.InvariantCulture)}由{who}导入过（{earlier.RowCount} 项进展），"
            + "再次导入会把每一项重复报送一遍，因此本次未导入。如需报送新的进展，请重新下载填报表填写后上传。";
    }

    /// <summary>Why the row is refused, or null when its steps were applied to the (tracked, not yet saved) assignment.</summary>
    private static string? Check(
        FilledRow row, OrgUnit unit, Actor actor, Dictionary<int, TaskAssignment> assignments, Dictionary<int, int> seen, DateTime now,
        List<LedgerUploadRow> accepted)
    {
        if (ParseKey(row.Key) is not { } id || !assignments.TryGetValue(id, out var assignment))
        {
            return row.Key.Length == 0
                ? "找不到这项任务：这一行不是下载时的任务行（行键为空），请不要插入新行"
                : $"找不到这项任务（行键 {row.Key}）：请勿修改隐藏的行键，或重新下载填报表";
        }

        if (assignment.OrgUnitId != unit.Id || !actor.ActsFor(assignment))
        {
            return $"这不是本单位（{unit.Name}）的任务，不能报送";
        }

        if (seen.TryGetValue(id, out var firstRow))
        {
            return $"与第 {firstRow} 行是同一项任务，每项任务只能填写一行";
        }

        seen[id] = row.RowNumber;
        var expected = LedgerService.FillInRowOf(assignment);
        var edited = FillInWorkbook.ComparedColumns
            .Select(c => (Name: c.Value, Expected: Expected(expected, c.Key), Found: row.LockedValue(c.Key)))
            .Where(c => !string.Equals(c.Found, c.Expected, StringComparison.Ordinal))
            .Select(c => $"{c.Name}（应为“{c.Expected}”，表中为“{c.Found}”）")
            .ToList();
        if (edited.Count > 0)
        {
            return "锁定的列被修改：" + string.Join("；", edited) + "。请重新下载填报表后填写";
        }

        if (!row.HasInput)
        {
            return null;
        }

        if (row.FormulaColumns.Count > 0)
        {
            return $"“{string.Join("”“", row.FormulaColumns)}”中填写的是公式，系统不计算公式：请直接填写文字或数字后重新上传";
        }

        if (row.Status.Length > 0 && !FillInWorkbook.Statuses.Contains(row.Status))
        {
            return $"填报状态“{row.Status}”无效，请从下拉列表中选择：{string.Join("、", FillInWorkbook.Statuses)}";
        }

        int? percent = null;
        if (row.Percent.Length > 0)
        {
            if (!int.TryParse(row.Percent, NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) || p is < 0 or > 100)
            {
                return $"完成进度“{row.Percent}”无效，请填写0至100之间的整数";
            }

            percent = p;
        }

        var report = ProgressReport.Written(now, row.Progress, percent, problems: null, nextSteps: null, row.Links);
        var completing = row.Status == FillInWorkbook.StatusRequestCompletion;
        try
        {
            assignment.SubmitReport(report, now);
            if (completing)
            {
                assignment.RequestCompletion(row.CompletionSummary, now);
            }
        }
        catch (DomainRuleException e)
        {
            return e.Message;
        }

        accepted.Add(new LedgerUploadRow(
            row.RowNumber, assignment.WorkTask!.Path, assignment.WorkTask.Title, completing ? "报送进展并申请办结" : "报送进展",
            report.Progress, percent, report.EvidenceLinks, completing ? row.CompletionSummary : null));
        return null;
    }

    private static string Expected(FillInRow row, int column) => column switch
    {
        FillInWorkbook.PlanColumn => row.PlanTitle,
        FillInWorkbook.PathColumn => row.Path,
        FillInWorkbook.TaskColumn => row.TaskTitle,
        FillInWorkbook.RoleColumn => row.RoleText,
        FillInWorkbook.DeadlineColumn => row.DeadlineText,
        _ => throw new ArgumentOutOfRangeException(nameof(column), column, "not a compared column"),
    };

    private static int? ParseKey(string key) =>
        int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}

/// <summary>
/// The result of a preview or import: a whole-file refusal (<see cref="FileError"/>), or the rows that would be (or
/// were) reported and the rows that are wrong. An import with any error saved nothing.
/// </summary>
public sealed record LedgerUploadOutcome(
    string? FileError, string? UnitName, IReadOnlyList<LedgerUploadRow> Rows, IReadOnlyList<LedgerUploadError> Errors, bool Saved)
{
    public bool CanImport => FileError is null && Errors.Count == 0 && Rows.Count > 0;

    public static LedgerUploadOutcome Refused(string message, string? unitName = null) => new(message, unitName, [], [], false);
}

public sealed record LedgerUploadRow(
    int RowNumber, string Path, string TaskTitle, string Action, string Progress, int? PercentComplete, IReadOnlyList<string> EvidenceLinks, string? CompletionSummary);

public sealed record LedgerUploadError(int RowNumber, string Reason);

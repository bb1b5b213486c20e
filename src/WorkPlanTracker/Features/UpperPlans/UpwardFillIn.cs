using ClosedXML.Excel;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Ledger;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Features.UpperPlans;

/// <summary>
/// The upper office's fill-in workbook (<see cref="FillInWorkbook"/>, made by the upper level's instance for this office
/// as one of its units) filled from the upward report: only the input columns are written, every locked cell and the
/// hidden keys stay as received, so the upper instance's upload (<see cref="LedgerUploadService"/>) takes it as if the
/// office had typed it. Rows are matched to upper tasks by number and title (both instances read the same document),
/// by title alone when the numbering differs.
/// </summary>
public static class UpwardFillIn
{
    public static Outcome<FillInMatch> Match(byte[] content, IReadOnlyList<WorkTask> upperTasks, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upperTasks);
        var read = Read(content, cancellationToken);
        if (!read.Succeeded)
        {
            return read.As<FillInMatch>();
        }

        var keys = upperTasks.Select(t => (t.Path, t.Title)).ToList();
        var matched = new List<int>();
        var unmatched = new List<int>();
        foreach (var row in read.Value.Rows.Where(r => r.Key.Length > 0))
        {
            (IndexOf(row, keys) is null ? unmatched : matched).Add(row.RowNumber);
        }

        return Outcome.Ok(new FillInMatch(matched, unmatched));
    }

    /// <summary>The workbook with each matched row's progress, percent and status written; rows with nothing to say stay blank.</summary>
    public static Outcome<byte[]> Fill(byte[] content, UpwardReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        var read = Read(content, cancellationToken);
        if (!read.Succeeded)
        {
            return read.As<byte[]>();
        }

        var keys = report.Rows.Select(r => (r.Path, r.Title)).ToList();
        using var workbook = new XLWorkbook(new MemoryStream(content, writable: false));
        var sheet = workbook.Worksheet(FillInWorkbook.SheetName);
        foreach (var row in read.Value.Rows.Where(r => r.Key.Length > 0))
        {
            if (IndexOf(row, keys) is not { } index || report.Rows[index] is not { Text.Length: > 0 } answer)
            {
                continue;
            }

            var cells = sheet.Row(row.RowNumber);
            cells.Cell(FillInWorkbook.ProgressColumn).SetValue(answer.Text);
            if (answer.Percent is { } percent)
            {
                cells.Cell(FillInWorkbook.PercentColumn).SetValue(percent);
            }

            cells.Cell(FillInWorkbook.StatusColumn).SetValue(answer.AllClosed ? FillInWorkbook.StatusRequestCompletion : FillInWorkbook.StatusReport);
            cells.Cell(FillInWorkbook.SummaryColumn).SetValue(answer.AllClosed ? answer.Text : "");
        }

        using var output = new MemoryStream();
        workbook.SaveAs(output);
        return Outcome.Ok(output.ToArray());
    }

    private static Outcome<FilledWorkbook> Read(byte[] content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            return Outcome.Ok(FillInWorkbook.Read(stream, cancellationToken));
        }
        catch (LedgerUploadException e)
        {
            return Outcome.Invalid(e.Message.Replace("请先下载本单位的填报表再填写", "请上传上级下发的进展填报表", StringComparison.Ordinal)).As<FilledWorkbook>();
        }
    }

    private static int? IndexOf(FilledRow row, IReadOnlyList<(string Path, string Title)> keys)
    {
        var exact = keys.ToList().FindIndex(k => k.Path == row.Path && k.Title == row.TaskTitle);
        if (exact >= 0)
        {
            return exact;
        }

        var byTitle = keys.Select((k, i) => (k, i)).Where(x => x.k.Title == row.TaskTitle).ToList();
        return byTitle.Count == 1 ? byTitle[0].i : null;
    }
}

/// <summary>Row numbers (as Excel shows them) of the received workbook's task rows that match an upper task, and those that do not.</summary>
public sealed record FillInMatch(IReadOnlyList<int> Matched, IReadOnlyList<int> Unmatched);

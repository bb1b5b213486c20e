using WorkPlanTracker.Domain;

namespace WorkPlanTracker.Features.Ledger;

/// <summary>Which tasks a ledger covers: one plan, or every plan of a year (or every plan when neither), optionally one unit's assignments only.</summary>
public sealed record LedgerScope(int? PlanId, int? Year, int? UnitId);

/// <summary>A ledger as the writer needs it: rows already in document order, texts already in Chinese.</summary>
public sealed record LedgerDocument(string Title, DateOnly ExportedOn, string? UnitName, IReadOnlyList<LedgerTaskRow> Tasks)
{
    /// <summary>Name for the downloaded file: title and export date.</summary>
    public string FileName => LedgerFileNames.For(Title, ExportedOn);
}

/// <summary>One task of the ledger with its assignments (all of them, or the chosen unit's only).</summary>
public sealed record LedgerTaskRow(
    int TaskId,
    string PlanTitle,
    string Path,
    string SectionTitle,
    string Title,
    string Text,
    string LeadUnits,
    string SupportingUnits,
    string DeadlineText,
    DateOnly? Deadline,
    bool Ongoing,
    AssignmentStatus? Status,
    bool Overdue,
    IReadOnlyList<LedgerAssignmentRow> Assignments)
{
    /// <summary>已办结 / 推进中 / 已逾期 / 持续推进 / 未分派, by the same rule as the dashboard.</summary>
    public TaskStanding Standing => TaskStandings.Of(Status is not null, Status == AssignmentStatus.Closed, Overdue, Ongoing);

    /// <summary>The task as the ledger prints it: its full text when it has one, else its title.</summary>
    public string Content => string.IsNullOrWhiteSpace(Text) ? Title : Text;
}

public sealed record LedgerAssignmentRow(
    int AssignmentId,
    string UnitName,
    AssignmentRole Role,
    AssignmentStatus Status,
    DateOnly? DueDate,
    DateOnly? OriginalDueDate,
    bool Overdue,
    int? DaysLate,
    string? ReturnReason,
    IReadOnlyList<LedgerReport> Reports,
    int ReturnCount = 0,
    int? DaysClosedLate = null)
{
    /// <summary>The newest report that the office did not send back, if any.</summary>
    public LedgerReport? LatestReport
    {
        get
        {
            for (var i = Reports.Count - 1; i >= 0; i--)
            {
                if (!Reports[i].Returned)
                {
                    return Reports[i];
                }
            }

            return null;
        }
    }
}

public sealed record LedgerReport(DateOnly ReportedOn, string Progress, int? PercentComplete, bool Returned, IReadOnlyList<string> EvidenceLinks, IReadOnlyList<string> EvidenceFiles);

/// <summary>逾期任务清单 / 督办清单 for one day; <see cref="UnitName"/> names the unit(s) when it is a unit user's own list.</summary>
public sealed record OverdueDocument(DateOnly AsOf, DateOnly ExportedOn, IReadOnlyList<OverdueRow> Rows, string? UnitName = null)
{
    public string Title => UnitName is null
        ? $"逾期任务督办清单（截至{WorkCalendar.Format(AsOf)}）"
        : $"{UnitName}逾期任务督办清单（截至{WorkCalendar.Format(AsOf)}）";

    public string FileName => LedgerFileNames.For(UnitName is null ? "逾期任务督办清单" : UnitName + "逾期任务督办清单", AsOf);
}

public sealed record OverdueRow(
    int AssignmentId,
    string PlanTitle,
    string Path,
    string TaskTitle,
    string UnitName,
    AssignmentRole Role,
    DateOnly DueDate,
    int DaysLate,
    AssignmentStatus Status,
    string LatestReport,
    string Escalations);

/// <summary>What a unit's fill-in workbook holds: the unit, and the assignments it can still report on.</summary>
public sealed record FillInDocument(int UnitId, string UnitName, DateOnly ExportedOn, IReadOnlyList<FillInRow> Rows)
{
    public string Title => $"{UnitName}工作任务进展填报表";

    public string FileName => LedgerFileNames.For(Title, ExportedOn);
}

/// <summary>The locked key columns of one fill-in row, as the database has them; the upload compares against these.</summary>
public sealed record FillInRow(int AssignmentId, string PlanTitle, string Path, string TaskTitle, string RoleText, string DeadlineText, string StatusText, string LatestProgress);

public static class LedgerFileNames
{
    /// <summary>"title_2024-07-31.xlsx", without characters a file system refuses.</summary>
    public static string For(string title, DateOnly date)
    {
        var invalid = Path.GetInvalidFileNameChars().Concat(['\\', '/', ':', '*', '?', '"', '<', '>', '|']).ToHashSet();
        var clean = new string(title.Select(c => invalid.Contains(c) ? '_' : c).ToArray()).Trim();
        return $"{clean}_{date:yyyy-MM-dd}.xlsx";
    }
}

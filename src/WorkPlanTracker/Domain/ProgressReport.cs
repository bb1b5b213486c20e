namespace WorkPlanTracker.Domain;

/// <summary>进展情况: what a unit did in one reporting cycle, with evidence. Added through <see cref="TaskAssignment.SubmitReport"/>.</summary>
public class ProgressReport : IAudited
{
    public int Id { get; set; }
    public int AssignmentId { get; set; }
    public TaskAssignment? Assignment { get; set; }
    private DateTime reportedAtUtc;

    public DateTime ReportedAtUtc
    {
        get => reportedAtUtc;
        set
        {
            reportedAtUtc = value;
            ReportedDayOfMonth = WorkCalendar.DateOf(value).Day;
        }
    }

    /// <summary>
    /// The China day of the month the report was made, stored beside the instant: the ranking compares it with the
    /// cycle's day for a year of reports at once, and a plain column spares the database a date conversion per row.
    /// </summary>
    public int ReportedDayOfMonth { get; private set; }
    public string Progress { get; set; } = "";
    public int? PercentComplete { get; set; }
    public string? Problems { get; set; }
    public string? NextSteps { get; set; }

    /// <summary>佐证材料: links to published pages or stored files.</summary>
    public List<string> EvidenceLinks { get; set; } = [];

    /// <summary>佐证材料 uploaded as files with this report.</summary>
    public List<EvidenceFile> Files { get; set; } = [];

    /// <summary>Why the office sent this report back (退回理由); null while it stands. Set by <see cref="TaskAssignment.Return"/>.</summary>
    public string? ReturnReason { get; private set; }

    /// <summary>When the office sent this report back; null while it stands.</summary>
    public DateTime? ReturnedAtUtc { get; private set; }

    /// <summary>The longest public summary (公开摘要) the office may approve.</summary>
    public const int MaxPublicSummaryLength = 1000;

    /// <summary>
    /// 公开摘要: the text the office approved for the public progress page, written or edited by the office from the
    /// report. Nothing else of a report (problems, next steps, evidence, return reasons) is ever public.
    /// </summary>
    public string? PublicSummary { get; private set; }

    /// <summary>When the office approved <see cref="PublicSummary"/>; null while nothing of the report is public.</summary>
    public DateTime? PublicSummaryApprovedAtUtc { get; private set; }

    public bool HasPublicSummary => PublicSummaryApprovedAtUtc is not null;

    /// <summary>The office sent this report back; a returned report does not count for its reporting cycle.</summary>
    public bool IsReturned => ReturnedAtUtc is not null;

    /// <summary>The China calendar day the report was made.</summary>
    public DateOnly ReportedOn => WorkCalendar.DateOf(ReportedAtUtc);

    /// <summary>
    /// 按时报送 for the dashboards' ranking: the report stands (was not returned) and was made by the cycle's day of its
    /// month (<paramref name="reportingDay"/>, e.g. 每月5日前); under a cycle without a day every standing report counts.
    /// </summary>
    public bool IsOnTimeFor(int? reportingDay) => !IsReturned && (reportingDay is not { } day || ReportedDayOfMonth <= day);

    /// <summary>退回: the office sent the report back; it no longer counts for its cycle. Done by <see cref="TaskAssignment.Return"/>.</summary>
    internal void MarkReturned(string reason, DateTime nowUtc)
    {
        ReturnReason = reason;
        ReturnedAtUtc = nowUtc;
    }

    /// <summary>审核公开摘要: the office approves <paramref name="summary"/> (its own wording) as the report's public text.</summary>
    public void ApprovePublicSummary(string summary, DateTime nowUtc)
    {
        var text = summary?.Trim() ?? "";
        if (text.Length == 0)
        {
            throw new DomainRuleException("请填写公开摘要；如不公开这次进展，请不要审核通过。");
        }

        if (text.Length > MaxPublicSummaryLength)
        {
            throw new DomainRuleException($"公开摘要最多{MaxPublicSummaryLength}字，现为{text.Length}字，请精简后再审核。");
        }

        if (IsReturned)
        {
            throw DomainRuleException.StateConflict("这次进展已被退回，不能公开；请等承办单位重新报送后再审核。");
        }

        PublicSummary = text;
        PublicSummaryApprovedAtUtc = nowUtc;
    }

    /// <summary>撤回公开: the report's summary leaves the public page; its text is kept for the office to approve again.</summary>
    public void WithdrawPublicSummary()
    {
        if (!HasPublicSummary)
        {
            throw DomainRuleException.StateConflict("这次进展没有公开的摘要，无需撤回。");
        }

        PublicSummaryApprovedAtUtc = null;
    }

    /// <summary>A report being submitted stands, whatever it carried before.</summary>
    internal void MarkStanding()
    {
        ReturnReason = null;
        ReturnedAtUtc = null;
    }

    /// <summary>
    /// A report as a unit wrote it, on the web form or in a filled-in ledger: texts trimmed, empty optional texts
    /// left out, one evidence link per line.
    /// </summary>
    public static ProgressReport Written(DateTime nowUtc, string progress, int? percentComplete, string? problems, string? nextSteps, string evidenceLinks) => new()
    {
        ReportedAtUtc = nowUtc,
        Progress = progress.Trim(),
        PercentComplete = percentComplete,
        Problems = string.IsNullOrWhiteSpace(problems) ? null : problems.Trim(),
        NextSteps = string.IsNullOrWhiteSpace(nextSteps) ? null : nextSteps.Trim(),
        EvidenceLinks = evidenceLinks.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
    };

    /// <summary>Why the report cannot be accepted as it is, in words for the unit; null when it can.</summary>
    public string? ValidationError()
    {
        if (string.IsNullOrWhiteSpace(Progress))
        {
            return "请填写进展情况";
        }

        if (PercentComplete is < 0 or > 100)
        {
            return "完成进度须在0%至100%之间";
        }

        return null;
    }
}

namespace WorkPlanTracker.Domain;

/// <summary>
/// 督办单: the office's formal chase of a late assignment, numbered 督办〔year〕n号, printed and stamped, and seen by
/// leaders. The unit signs for it (签收) and answers in writing; while unanswered it is open, and an assignment has at
/// most one open notice. Created and changed only through its methods; kept as history.
/// </summary>
public class EscalationNotice : IAudited
{
    public const int MaxTextLength = 2000;

    public int Id { get; set; }
    public int AssignmentId { get; set; }
    public TaskAssignment? Assignment { get; set; }

    /// <summary>The China year the notice was issued in; numbering starts again each year.</summary>
    public int Year { get; private set; }

    /// <summary>The notice's place among the year's notices, from 1.</summary>
    public int Sequence { get; private set; }

    /// <summary>督办〔2035〕3号, as printed on the notice.</summary>
    public string Number => $"督办〔{Year}〕{Sequence}号";

    /// <summary>What the office demands (督办事项).</summary>
    public string Text { get; private set; } = "";

    /// <summary>The date the unit must answer by (China date).</summary>
    public DateOnly RespondBy { get; private set; }

    /// <summary>The due date the unit missed, kept as it was on issue: a later extension must not change a printed notice.</summary>
    public DateOnly MissedDueDate { get; private set; }

    public string IssuedBy { get; private set; } = "";
    public DateTime IssuedAtUtc { get; private set; }
    public DateTime? AcknowledgedAtUtc { get; private set; }
    public string? Response { get; private set; }
    public DateTime? RespondedAtUtc { get; private set; }

    public DateOnly IssuedOn => WorkCalendar.DateOf(IssuedAtUtc);

    /// <summary>Whole days past the missed due date on the day of issue.</summary>
    public int DaysOverdueWhenIssued => IssuedOn.DayNumber - MissedDueDate.DayNumber;

    /// <summary>Still waiting for the unit's written answer.</summary>
    public bool IsOpen => RespondedAtUtc is null;

    public bool IsAcknowledged => AcknowledgedAtUtc is not null;

    /// <summary>Unanswered after its respond-by date.</summary>
    public bool IsResponseLate(DateOnly today) => IsOpen && today > RespondBy;

    public bool CanAcknowledge => WhyNotAcknowledge() is null;

    public bool CanRespond => WhyNotRespond() is null;

    /// <summary>
    /// 下发督办单 for <paramref name="assignment"/>, which must be overdue and not closed, with no open notice among
    /// <paramref name="earlierNotices"/> (the assignment's notices so far). <paramref name="sequence"/> is the next
    /// number in the year of <paramref name="nowUtc"/>.
    /// </summary>
    public static EscalationNotice Issue(
        TaskAssignment assignment, IEnumerable<EscalationNotice> earlierNotices, int sequence, string text, DateOnly respondBy, string issuedBy, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        ArgumentNullException.ThrowIfNull(earlierNotices);
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        var today = WorkCalendar.DateOf(nowUtc);
        EnsureState(assignment.Status == AssignmentStatus.Closed ? "任务已办结，不能下发督办单" : null);
        EnsureState(!assignment.IsOverdue(today) ? "任务尚未逾期，不能下发督办单" : null);
        var open = earlierNotices.FirstOrDefault(n => n.IsOpen);
        EnsureState(open is not null ? $"该任务已有未回复的督办单（{open.Number}），请等承办单位回复后再下发" : null);
        Ensure(string.IsNullOrWhiteSpace(text) ? "请填写督办事项" : null);
        Ensure(text.Trim().Length > MaxTextLength ? $"督办事项不能超过{MaxTextLength}字" : null);
        Ensure(respondBy < today ? $"回复期限（{WorkCalendar.Format(respondBy)}）不能早于今天（{WorkCalendar.Format(today)}）" : null);

        return new EscalationNotice
        {
            AssignmentId = assignment.Id,
            Year = today.Year,
            Sequence = sequence,
            Text = text.Trim(),
            RespondBy = respondBy,
            MissedDueDate = assignment.DueDate!.Value,
            IssuedBy = issuedBy,
            IssuedAtUtc = nowUtc,
        };
    }

    /// <summary>签收: the unit confirms it has received the notice.</summary>
    public void Acknowledge(DateTime nowUtc)
    {
        EnsureState(WhyNotAcknowledge());
        AcknowledgedAtUtc = nowUtc;
    }

    /// <summary>书面回复: the unit answers; answering signs for an unsigned notice on the way, as with assignments.</summary>
    public void Respond(string response, DateTime nowUtc)
    {
        EnsureState(WhyNotRespond());
        Ensure(string.IsNullOrWhiteSpace(response) ? "回复督办单时请填写整改落实情况" : null);
        Ensure(response.Trim().Length > MaxTextLength ? $"回复内容不能超过{MaxTextLength}字" : null);
        AcknowledgedAtUtc ??= nowUtc;
        Response = response.Trim();
        RespondedAtUtc = nowUtc;
    }

    private string? WhyNotAcknowledge() => AcknowledgedAtUtc is { } at
        ? $"督办单已于{WorkCalendar.Format(WorkCalendar.DateOf(at))}签收，无需重复签收"
        : null;

    private string? WhyNotRespond() => RespondedAtUtc is { } at
        ? $"督办单已于{WorkCalendar.Format(WorkCalendar.DateOf(at))}回复，不能重复回复"
        : null;

    private static void EnsureState(string? brokenRule)
    {
        if (brokenRule is not null)
        {
            throw DomainRuleException.StateConflict(brokenRule);
        }
    }

    private static void Ensure(string? brokenRule)
    {
        if (brokenRule is not null)
        {
            throw new DomainRuleException(brokenRule);
        }
    }
}

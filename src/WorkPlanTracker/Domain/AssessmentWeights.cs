namespace WorkPlanTracker.Domain;

/// <summary>
/// 考核权重: how much each figure of a unit counts in its score on the unit ranking. Set by the planning office; one
/// row holds the weights in force. Each weight is 0–100; the score is
/// 100 × (closed·完成率 + onTime·按时办结率 + reports·按时报送率 − overdue·逾期率 − returned·退回率) / (closed + onTime + reports),
/// so with the defaults a unit that closes everything on time and reports on time scores 100.
/// </summary>
public class AssessmentWeights : IAudited
{
    public const int MaxWeight = 100;

    public int Id { get; set; }
    public int Closed { get; set; } = 40;
    public int ClosedOnTime { get; set; } = 30;
    public int ReportsOnTime { get; set; } = 30;
    public int OverduePenalty { get; set; } = 20;
    public int ReturnedPenalty { get; set; } = 10;
    public DateTime? ChangedAtUtc { get; set; }
    public string? ChangedBy { get; set; }

    /// <summary>Takes the five weights of <paramref name="other"/>; the row's id and who changed it stay.</summary>
    public void CopyWeightsFrom(AssessmentWeights other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Closed = other.Closed;
        ClosedOnTime = other.ClosedOnTime;
        ReportsOnTime = other.ReportsOnTime;
        OverduePenalty = other.OverduePenalty;
        ReturnedPenalty = other.ReturnedPenalty;
    }

    /// <summary>Why these weights cannot be used, in words for the office; null when they can.</summary>
    public string? ValidationError()
    {
        int[] all = [Closed, ClosedOnTime, ReportsOnTime, OverduePenalty, ReturnedPenalty];
        if (all.Any(w => w is < 0 or > MaxWeight))
        {
            return $"每项权重须在0至{MaxWeight}之间";
        }

        return Closed + ClosedOnTime + ReportsOnTime == 0 ? "完成率、按时办结率、按时报送率的权重不能同时为0" : null;
    }

    /// <summary>The weighted score of one unit's rates (each 0–1), rounded to one decimal.</summary>
    public double Score(double closedRate, double onTimeRate, double reportsOnTimeRate, double overdueRate, double returnedRate)
    {
        var positive = Closed + ClosedOnTime + ReportsOnTime;
        if (positive == 0)
        {
            return 0;
        }

        var raw = (Closed * closedRate) + (ClosedOnTime * onTimeRate) + (ReportsOnTime * reportsOnTimeRate)
            - (OverduePenalty * overdueRate) - (ReturnedPenalty * returnedRate);
        return Math.Round(100 * raw / positive, 1, MidpointRounding.AwayFromZero);
    }
}

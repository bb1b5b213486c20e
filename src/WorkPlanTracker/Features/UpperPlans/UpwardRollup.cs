using WorkPlanTracker.Domain;

namespace WorkPlanTracker.Features.UpperPlans;

/// <summary>
/// Rolls the work that answers one upper task up into what goes into the upward report: one line per unit with its
/// latest standing report (a returned report does not count), the overall status and the average progress.
/// </summary>
public static class UpwardRollup
{
    public const string NoWork = "尚未落实";
    public const string NotReported = "尚未报送";
    public const string InProgress = "推进中";
    public const string Completed = "已完成";

    public static UpwardProgress Of(IReadOnlyList<AnsweringTask> tasks)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        var assignments = tasks.SelectMany(t => t.Assignments).ToList();
        if (assignments.Count == 0)
        {
            return new UpwardProgress(NoWork, null, "", AllClosed: false);
        }

        var allClosed = assignments.All(a => a.Status == AssignmentStatus.Closed);
        var lines = new List<string>();
        foreach (var task in tasks.Where(t => t.Assignments.Count > 0))
        {
            var prefix = tasks.Count > 1 ? $"【{task.Title}】" : "";
            foreach (var a in task.Assignments.OrderBy(a => a.Role).ThenBy(a => a.UnitName, ChineseOrder.Names))
            {
                var said = a.Status == AssignmentStatus.Closed && !string.IsNullOrWhiteSpace(a.CompletionSummary)
                    ? "已办结：" + a.CompletionSummary!.Trim()
                    : a.LatestProgress is { Length: > 0 } progress ? progress.Trim() + $"（{WorkCalendar.Format(a.LatestOn!.Value)}报送）"
                    : a.Status == AssignmentStatus.Closed ? "已办结。" : null;
                if (said is not null)
                {
                    lines.Add($"{prefix}{a.UnitName}：{said}");
                }
            }
        }

        var percents = assignments.Select(a => a.Status == AssignmentStatus.Closed ? 100 : a.LatestPercent).OfType<int>().ToList();
        int? percent = percents.Count == 0 ? null : (int)Math.Round(percents.Average(), MidpointRounding.AwayFromZero);
        var status = allClosed ? Completed : lines.Count == 0 ? NotReported : InProgress;
        return new UpwardProgress(status, percent, string.Join("\n", lines), allClosed);
    }
}

/// <summary>An own task (or the upper task itself, when given to units directly) and the units carrying it.</summary>
public sealed record AnsweringTask(string Title, IReadOnlyList<AnsweringAssignment> Assignments);

public sealed record AnsweringAssignment(
    string UnitName, AssignmentRole Role, AssignmentStatus Status, string? LatestProgress, DateOnly? LatestOn, int? LatestPercent, string? CompletionSummary)
{
    public static AnsweringAssignment Of(TaskAssignment assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        var latest = assignment.LatestStandingReport();
        return new AnsweringAssignment(
            assignment.OrgUnit?.Name ?? "", assignment.Role, assignment.Status, latest?.Progress, latest?.ReportedOn, latest?.PercentComplete,
            assignment.CompletionSummary);
    }
}

/// <summary>The rolled-up status, average percent (null when nobody gave one) and text; <see cref="AllClosed"/> asks to close upward.</summary>
public sealed record UpwardProgress(string Status, int? Percent, string Text, bool AllClosed);

using WorkPlanTracker.Domain;

namespace WorkPlanTracker.Tests.Domain;

/// <summary>Assignments walked to a given status through the real workflow methods.</summary>
internal static class AssignmentFixtures
{
    public static readonly DateOnly Deadline = new(2024, 7, 31);

    /// <summary>2024-03-01 10:00 China time.</summary>
    public static readonly DateTime T0 = new(2024, 3, 1, 2, 0, 0, DateTimeKind.Utc);

    public static DateTime Day(int n) => T0.AddDays(n);

    public static ProgressReport Report(string text = "已完成专栏建设", int? percent = null) =>
        new() { Progress = text, PercentComplete = percent };

    public static TaskAssignment New(DateOnly? deadline = null, bool ongoing = false, AssignmentRole role = AssignmentRole.Lead) =>
        TaskAssignment.Create(TaskDue(deadline ?? Deadline, ongoing), 3, role, T0);

    /// <summary>A task with <paramref name="deadline"/> as the plan wrote it.</summary>
    public static WorkTask TaskDue(DateOnly? deadline, bool ongoing = false)
    {
        var task = new WorkTask { Id = 7 };
        task.SetDeadlineAsWritten(deadline, deadline is { } d ? WorkCalendar.Format(d) + "前" : null, ongoing);
        return task;
    }

    public static TaskAssignment At(AssignmentStatus status, AssignmentRole role = AssignmentRole.Lead)
    {
        var a = New(role: role);
        switch (status)
        {
            case AssignmentStatus.Assigned:
                break;
            case AssignmentStatus.Acknowledged:
                a.Acknowledge(Day(1));
                break;
            case AssignmentStatus.InProgress:
                a.Acknowledge(Day(1));
                a.SubmitReport(Report(), Day(2));
                break;
            case AssignmentStatus.CompletionRequested:
                a.Acknowledge(Day(1));
                a.SubmitReport(Report(), Day(2));
                a.RequestCompletion("专栏已上线", Day(3));
                break;
            case AssignmentStatus.Closed:
                a.Acknowledge(Day(1));
                a.SubmitReport(Report(), Day(2));
                a.RequestCompletion("专栏已上线", Day(3));
                a.ApproveCompletion(Day(4));
                break;
            case AssignmentStatus.Returned:
                a.Acknowledge(Day(1));
                a.SubmitReport(Report(), Day(2));
                a.Return("佐证材料缺少链接", Day(3));
                break;
            case AssignmentStatus.ExtensionRequested:
                a.Acknowledge(Day(1));
                a.SubmitReport(Report(), Day(2));
                a.RequestExtension(new DateOnly(2024, 9, 30), "系统招标延迟", Day(3));
                break;
        }

        Assert.Equal(status, a.Status);
        return a;
    }
}

using WorkPlanTracker.Domain;

namespace WorkPlanTracker.Features.Api;

// What /api/v1 sends: plain records (camelCase JSON), dates as ISO dates, instants as UTC with an offset, statuses by
// their code and their Chinese name. Changing a field's meaning is a new API version; adding a field is not.

public sealed record ApiPlan(int Id, int Year, string Title, string? Issuer, string? DocumentNumber, DateOnly? IssuedOn, string Status, int TaskCount);

public sealed record ApiTask(int Id, int PlanId, string Path, string Title, string Text, DateOnly? Deadline, string? DeadlineText, bool Ongoing);

public sealed record ApiAssignment(
    int Id, int PlanId, string PlanTitle, int TaskId, string TaskPath, string TaskTitle, int UnitId, string UnitName,
    string Role, string Status, string StatusName, DateOnly? DueDate, bool Overdue, Guid Version);

public sealed record ApiAssignmentDetail(
    int Id, int PlanId, string PlanTitle, int TaskId, string TaskPath, string TaskTitle, string TaskText, int UnitId, string UnitName,
    string Role, string Status, string StatusName, DateOnly? DueDate, DateOnly? OriginalDueDate, bool Overdue,
    DateTimeOffset AssignedAt, DateTimeOffset? AcknowledgedAt, DateTimeOffset? ClosedAt, string? ReturnReason, Guid Version,
    IReadOnlyList<ApiReport> Reports)
{
    public static ApiAssignmentDetail From(TaskAssignment a, DateOnly today)
    {
        var task = a.WorkTask!;
        var plan = task.Plan!;
        return new ApiAssignmentDetail(
            a.Id, plan.Id, plan.DisplayTitle, task.Id, task.Path, task.Title, task.Text, a.OrgUnitId, a.OrgUnit!.Name,
            RoleCode(a.Role), a.Status.ToString(), a.Status.ChineseName(), a.DueDate, a.OriginalDueDate, IsOverdue(a.Status, a.DueDate, today),
            Utc(a.AssignedAtUtc), Utc(a.AcknowledgedAtUtc), Utc(a.ClosedAtUtc), a.ReturnReason, a.Version,
            a.Reports.OrderByDescending(r => r.ReportedAtUtc).ThenByDescending(r => r.Id).Select(ApiReport.From).ToList());
    }

    public static string RoleCode(AssignmentRole role) => role == AssignmentRole.Lead ? "lead" : "supporting";

    public static bool IsOverdue(AssignmentStatus status, DateOnly? due, DateOnly today) => status != AssignmentStatus.Closed && due is { } d && d < today;

    public static DateTimeOffset Utc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    public static DateTimeOffset? Utc(DateTime? utc) => utc is { } value ? Utc(value) : null;
}

/// <summary>A progress report; a returned one (退回) carries the office's reason and does not count for its cycle.</summary>
public sealed record ApiReport(
    int Id, DateTimeOffset ReportedAt, string Progress, int? PercentComplete, string? Problems, string? NextSteps,
    IReadOnlyList<string> EvidenceLinks, bool Returned, string? ReturnReason)
{
    public static ApiReport From(ProgressReport r) => new(
        r.Id, ApiAssignmentDetail.Utc(r.ReportedAtUtc), r.Progress, r.PercentComplete, r.Problems, r.NextSteps, r.EvidenceLinks, r.IsReturned, r.ReturnReason);
}

/// <summary>A progress report as another system sends it; the version may come here or in an If-Match header.</summary>
public sealed record ApiReportRequest(string? Progress, int? PercentComplete, string? Problems, string? NextSteps, IReadOnlyList<string>? EvidenceLinks, Guid? Version);

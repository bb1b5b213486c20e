using System.Text.Json;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Features.Assignments;

/// <summary>One line of an assignment's history, read from the audit trail and put in words.</summary>
public sealed record HistoryLine(DateTime AtUtc, PersonName Who, string What);

/// <summary>Turns audit entries of an assignment and its reports into sentences a civil servant reads.</summary>
public static class AssignmentHistory
{
    // Each entity's fields are read against that entity: a Status of 1 is 已签收 for an assignment but 同意 for an
    // extension request, so one table for all would put the one's change in the other's words.
    private static readonly Dictionary<string, Dictionary<string, string>> FieldNames = new(StringComparer.Ordinal)
    {
        [nameof(TaskAssignment)] = new(StringComparer.Ordinal)
        {
            ["Status"] = "状态",
            ["DueDate"] = "完成时限",
            ["OriginalDueDate"] = "原定时限",
            ["ReturnReason"] = "退回理由",
            ["CompletionSummary"] = "办结说明",
            ["ExtensionRefusalReason"] = "不同意延期的理由",
            ["Role"] = "角色",
        },
        [nameof(WorkTask)] = new(StringComparer.Ordinal)
        {
            ["Deadline"] = "任务完成时限",
            ["Ongoing"] = "持续推进",
            ["Milestones"] = "工作节点",
            ["ReportingCycleKind"] = "报送周期",
            ["ReportingDay"] = "报送日",
        },
        [nameof(ProgressReport)] = new(StringComparer.Ordinal)
        {
            ["Progress"] = "进展",
            ["PercentComplete"] = "完成比例",
        },
        [nameof(EscalationNotice)] = new(StringComparer.Ordinal)
        {
            ["Response"] = "督办答复",
        },
    };

    public static IReadOnlyList<HistoryLine> Describe(IEnumerable<AuditEntry> entries, PersonNames people) =>
        entries.OrderBy(e => e.AtUtc).ThenBy(e => e.Id)
            .Select(e => new HistoryLine(e.AtUtc, people.Of(e.UserName), Describe(e)))
            .Where(l => l.What.Length > 0)
            .ToList();

    /// <summary>One entry in words, with the office's reason when it gave one; empty when nothing a reader cares about changed.</summary>
    public static string Describe(AuditEntry entry) => WithReason(Sentence(entry), entry.Reason);

    /// <summary>A number stored in the entry's before or after values, e.g. the unit of a removed assignment.</summary>
    public static int? IntValue(AuditEntry entry, string field) =>
        (Parse(entry.After).TryGetValue(field, out var value) || Parse(entry.Before).TryGetValue(field, out value))
        && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : null;

    private static string Sentence(AuditEntry entry) => (entry.EntityType, entry.Action) switch
    {
        (nameof(TaskAssignment), AuditAction.Added) => "分派任务",
        (nameof(TaskAssignment), AuditAction.Deleted) => "移除承办单位",
        (nameof(WorkTask), AuditAction.Added) => "任务列入计划",
        (nameof(ProgressReport), AuditAction.Added) => "报送进展：" + Value(entry.After, "Progress"),
        (nameof(ExtensionRequest), AuditAction.Added) => $"申请延期至 {Value(entry.After, "RequestedDate")}：{Value(entry.After, "Reason")}",
        (nameof(EvidenceFile), AuditAction.Added) => $"上传佐证材料：{Value(entry.After, "FileName")}",
        (nameof(EscalationNotice), AuditAction.Added) =>
            $"发出督办单 督办〔{Value(entry.After, "Year")}〕{Value(entry.After, "Sequence")}号，{Value(entry.After, "RespondBy")} 前答复：{Value(entry.After, "Text")}",
        (nameof(EscalationNotice), AuditAction.Modified) when Parse(entry.After).ContainsKey("AcknowledgedAtUtc") && !Parse(entry.After).ContainsKey("Response") => "签收督办单",
        (nameof(ExtensionRequest), AuditAction.Modified) => ExtensionDecision(entry),
        // The return of a report comes with the assignment's own entry of the same moment, which says it and why.
        (nameof(ProgressReport), AuditAction.Modified) when Parse(entry.After).ContainsKey("ReturnedAtUtc") => "",
        (nameof(ProgressReport), AuditAction.Modified) when Parse(entry.After).TryGetValue("PublicSummaryApprovedAtUtc", out var approved) =>
            approved.ValueKind == JsonValueKind.Null ? "撤回公开摘要" : ("审核通过公开摘要：" + Value(entry.After, "PublicSummary")).TrimEnd('：'),
        (_, AuditAction.Modified) => Changes(entry),
        (nameof(EvidenceFile), AuditAction.Deleted) => $"删除佐证材料：{Value(entry.Before, "FileName")}",
        (nameof(ProgressReport), AuditAction.Deleted) => "删除进展报送：" + Value(entry.Before, "Progress"),
        (nameof(ExtensionRequest), AuditAction.Deleted) => "删除延期申请",
        (nameof(EscalationNotice), AuditAction.Deleted) => $"删除督办单 督办〔{Value(entry.Before, "Year")}〕{Value(entry.Before, "Sequence")}号",
        (_, AuditAction.Deleted) => "删除了记录",
        _ => "",
    };

    // The office's reason for an edit (调整原因) belongs next to what it changed.
    private static string WithReason(string what, string? reason) =>
        what.Length > 0 && !string.IsNullOrWhiteSpace(reason) ? $"{what}（原因：{reason}）" : what;

    private static string Changes(AuditEntry entry)
    {
        if (!FieldNames.TryGetValue(entry.EntityType, out var names))
        {
            return "";
        }

        var before = Parse(entry.Before);
        var after = Parse(entry.After);
        var parts = after
            .Where(p => names.ContainsKey(p.Key))
            .Select(p => $"{names[p.Key]}：{Show(p.Key, before.GetValueOrDefault(p.Key))} → {Show(p.Key, p.Value)}");
        // A value's own closing 。 before the ； that joins the changes would read “。；”.
        return string.Join("；", parts.Select(p => p.TrimEnd('。')));
    }

    /// <summary>The office's decision on an extension request, as the request's own event.</summary>
    private static string ExtensionDecision(AuditEntry entry) =>
        Parse(entry.After).TryGetValue("Status", out var status) && status.TryGetInt32(out var decided) ? (ExtensionStatus)decided switch
        {
            ExtensionStatus.Approved => $"同意延期至 {Value(entry.After, "ApprovedDate")}",
            ExtensionStatus.Refused => "不同意延期：" + Value(entry.After, "RefusalReason"),
            _ => "",
        }
        : "";

    // Only an assignment's fields come here under these names (see FieldNames), so Status and Role are the assignment's.
    private static string Show(string field, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null when field == "ReportingCycleKind" => "按计划",
        JsonValueKind.Undefined or JsonValueKind.Null => "（空）",
        JsonValueKind.Number when field == "Status" && value.TryGetInt32(out var status) => AssignmentStatusBadge.TextOf((AssignmentStatus)status),
        JsonValueKind.Number when field == "Role" && value.TryGetInt32(out var role) => ((AssignmentRole)role).ChineseName(),
        JsonValueKind.Number when field == "ReportingCycleKind" && value.TryGetInt32(out var kind) => ((ReportingCycleKind)kind) switch
        {
            ReportingCycleKind.Monthly => "每月",
            ReportingCycleKind.Quarterly => "每季度",
            ReportingCycleKind.OnMilestones => "按节点",
            _ => "不定期",
        },
        JsonValueKind.Array => value.GetArrayLength() == 0 ? "（无）" : string.Join("、", value.EnumerateArray().Select(v => v.ToString())),
        JsonValueKind.True => "是",
        JsonValueKind.False => "否",
        // Dates are stored as 2035-07-22; people read 2035年7月22日.
        JsonValueKind.String when DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var date) => WorkCalendar.Format(date),
        JsonValueKind.String => value.GetString() ?? "",
        _ => value.ToString(),
    };

    private static string Value(string? json, string field) =>
        Parse(json).TryGetValue(field, out var value) ? Show(field, value) : "";

    private static Dictionary<string, JsonElement> Parse(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json) ?? [];
}

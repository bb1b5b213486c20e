using System.Text.Json;
using WorkPlanTracker.Domain;

namespace WorkPlanTracker.Features.Assignments;

/// <summary>One line of an assignment's history, read from the audit trail and put in words.</summary>
public sealed record HistoryLine(DateTime AtUtc, string UserName, string What);

/// <summary>Turns audit entries of an assignment and its reports into sentences a civil servant reads.</summary>
public static class AssignmentHistory
{
    private static readonly Dictionary<string, string> FieldNames = new(StringComparer.Ordinal)
    {
        ["Status"] = "状态",
        ["DueDate"] = "完成时限",
        ["OriginalDueDate"] = "原定时限",
        ["ReturnReason"] = "退回理由",
        ["CompletionSummary"] = "办结说明",
        ["ExtensionRefusalReason"] = "不同意延期的理由",
        ["Progress"] = "进展",
        ["PercentComplete"] = "完成比例",
        ["Role"] = "角色",
    };

    public static IReadOnlyList<HistoryLine> Describe(IEnumerable<AuditEntry> entries) =>
        entries.OrderBy(e => e.AtUtc).ThenBy(e => e.Id)
            .Select(e => new HistoryLine(e.AtUtc, e.UserName, Sentence(e)))
            .Where(l => l.What.Length > 0)
            .ToList();

    private static string Sentence(AuditEntry entry) => (entry.EntityType, entry.Action) switch
    {
        (nameof(TaskAssignment), AuditAction.Added) => "分派任务",
        (nameof(ProgressReport), AuditAction.Added) => "报送进展：" + Value(entry.After, "Progress"),
        (nameof(ExtensionRequest), AuditAction.Added) => $"申请延期至 {Value(entry.After, "RequestedDate")}：{Value(entry.After, "Reason")}",
        (_, AuditAction.Modified) => Changes(entry),
        (_, AuditAction.Deleted) => "删除了记录",
        _ => "",
    };

    private static string Changes(AuditEntry entry)
    {
        var before = Parse(entry.Before);
        var after = Parse(entry.After);
        var parts = after
            .Where(p => FieldNames.ContainsKey(p.Key))
            .Select(p => $"{FieldNames[p.Key]}：{Show(p.Key, before.GetValueOrDefault(p.Key))} → {Show(p.Key, p.Value)}");
        return string.Join("；", parts);
    }

    private static string Show(string field, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null => "（空）",
        JsonValueKind.Number when field == "Status" && value.TryGetInt32(out var status) => AssignmentStatusBadge.TextOf((AssignmentStatus)status),
        JsonValueKind.String => value.GetString() ?? "",
        _ => value.ToString(),
    };

    private static string Value(string? json, string field) =>
        Parse(json).TryGetValue(field, out var value) ? Show(field, value) : "";

    private static Dictionary<string, JsonElement> Parse(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json) ?? [];
}

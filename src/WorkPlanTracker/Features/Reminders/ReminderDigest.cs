using System.Text;
using System.Text.Json;
using WorkPlanTracker.Domain;

namespace WorkPlanTracker.Features.Reminders;

/// <summary>One item of a digest as stored in <see cref="ReminderDelivery.ItemsJson"/>.</summary>
public sealed record ReminderItem(int AssignmentId, string UnitName, ReminderKind Kind, string TaskPath, string TaskTitle, int PlanYear, string PlanTitle, DateOnly? Date, string Text)
{
    public static ReminderItem From(DueReminder due) =>
        new(due.AssignmentId, due.UnitName, due.Kind, due.TaskPath, due.TaskTitle, due.PlanYear, due.PlanTitle, due.Date, due.Describe());
}

/// <summary>A delivery the planner wants for one recipient, channel and day, with all its items (one message, not one per task).</summary>
public sealed record PlannedDelivery(
    string RecipientKey,
    string RecipientName,
    int? OrgUnitId,
    string? UserId,
    ReminderChannel Channel,
    string Address,
    WebhookKind WebhookKind,
    IReadOnlyList<ReminderItem> Items);

/// <summary>The text of a digest: a title and the items grouped by kind, as plain text (inbox, mail) and markdown (chat robots).</summary>
public static class ReminderDigest
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Title(DateOnly day, string recipientName, int count) =>
        $"【催办提醒】{WorkCalendar.Format(day)} {recipientName}：{count} 项";

    public static IReadOnlyList<ReminderItem> Items(string json) =>
        JsonSerializer.Deserialize<List<ReminderItem>>(json, Json) ?? [];

    public static string PlainText(string recipientName, IReadOnlyList<ReminderItem> items, string? baseUrl)
    {
        var text = new StringBuilder();
        text.Append(recipientName).Append("：以下 ").Append(items.Count).Append(" 项工作需要关注。\n");
        foreach (var group in items.GroupBy(i => i.Kind).OrderByDescending(g => Urgency(g.Key)))
        {
            text.Append('\n').Append('〔').Append(group.Key.ChineseName()).Append("〕\n");
            foreach (var item in group)
            {
                // Leaders' digests span units: name the unit; a unit's own digest need not repeat it.
                text.Append("· ").Append(item.UnitName == recipientName ? "" : item.UnitName + " ").Append(Task(item)).Append("：").Append(item.Text);
                if (Link(baseUrl, item) is { } link)
                {
                    text.Append(' ').Append(link);
                }

                text.Append('\n');
            }
        }

        return text.ToString();
    }

    public static string Markdown(string title, IReadOnlyList<ReminderItem> items, string? baseUrl)
    {
        var text = new StringBuilder();
        text.Append("### ").Append(title).Append('\n');
        foreach (var group in items.GroupBy(i => i.Kind).OrderByDescending(g => Urgency(g.Key)))
        {
            text.Append("\n**").Append(group.Key.ChineseName()).Append("**\n");
            foreach (var item in group)
            {
                var task = Link(baseUrl, item) is { } link ? $"[{Task(item)}]({link})" : Task(item);
                text.Append("> ").Append(item.UnitName).Append(" ").Append(task).Append("：").Append(item.Text).Append('\n');
            }
        }

        return text.ToString();
    }

    private static string Task(ReminderItem item) => $"《{item.PlanTitle}》{item.TaskPath} {item.TaskTitle}";

    private static string? Link(string? baseUrl, ReminderItem item) =>
        string.IsNullOrWhiteSpace(baseUrl) ? null : $"{baseUrl.TrimEnd('/')}/assignments/{item.AssignmentId}";

    private static int Urgency(ReminderKind kind) => kind switch
    {
        ReminderKind.Escalation => 9,
        ReminderKind.Overdue => 8,
        ReminderKind.ReportMissing => 7,
        ReminderKind.DueToday => 6,
        ReminderKind.Unacknowledged => 5,
        _ => 0,
    };
}

using System.Text;
using System.Text.Json;
using WorkPlanTracker.Domain;

namespace WorkPlanTracker.Features.Reminders;

/// <summary>One item of a digest as stored in <see cref="ReminderDelivery.ItemsJson"/>.</summary>
/// <param name="FiredOn">The day the rules fired for it: the digest's own day, or an earlier one for an item caught up.</param>
/// <param name="Link">App-relative address of a decision notice (<see cref="ReminderKind.Decision"/>); other items link to their assignment.</param>
public sealed record ReminderItem(int AssignmentId, string UnitName, ReminderKind Kind, string TaskPath, string TaskTitle, int PlanYear, string PlanTitle, DateOnly? Date, string Text, DateOnly? FiredOn = null, string? Link = null)
{
    public static ReminderItem From(DueReminder due, DateOnly firedOn) =>
        new(due.AssignmentId, due.UnitName, due.Kind, due.TaskPath, due.TaskTitle, due.PlanYear, due.PlanTitle, due.Date, due.Describe(), firedOn);

    /// <summary>
    /// A decision notice as a digest item: its title where others name the task (for the log and the CLI), its body
    /// as the text; the digest prints the body alone, which names the task itself.
    /// </summary>
    public static ReminderItem FromDecision(UnitNotice notice, string unitName) =>
        new(0, unitName, ReminderKind.Decision, "", notice.Title, WorkCalendar.DateOf(notice.CreatedAtUtc).Year, "", null, notice.Body, WorkCalendar.DateOf(notice.CreatedAtUtc), notice.Link);
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

    /// <summary>Leadership accounts are listed as “领导：name” (log, CLI); the message itself addresses them by name only.</summary>
    public const string LeaderLabel = "领导：";

    public static string Addressee(string recipientName) =>
        recipientName.StartsWith(LeaderLabel, StringComparison.Ordinal) ? recipientName[LeaderLabel.Length..] : recipientName;

    public static string Title(DateOnly day, string recipientName, int count) =>
        $"【催办提醒】{WorkCalendar.Format(day)} {Addressee(recipientName)}：{count} 项";

    /// <summary>
    /// A Message-ID stable for one delivery row of one installation, so a mail sent again after a crash between the
    /// server's acceptance and our record is recognisably the same message (mail clients and servers may fold it).
    /// </summary>
    public static string MessageId(ReminderDelivery delivery, string installation) =>
        $"reminder-{delivery.Id}-{delivery.Day:yyyyMMdd}@{installation}";

    public static IReadOnlyList<ReminderItem> Items(string json) =>
        JsonSerializer.Deserialize<List<ReminderItem>>(json, Json) ?? [];

    public static string PlainText(string recipientName, IReadOnlyList<ReminderItem> items, string? baseUrl)
    {
        var text = new StringBuilder();
        text.Append(Addressee(recipientName)).Append("：以下 ").Append(items.Count).Append(" 项工作需要关注。\n");
        foreach (var group in items.GroupBy(i => i.Kind).OrderByDescending(g => Urgency(g.Key)))
        {
            text.Append('\n').Append('〔').Append(group.Key.ChineseName()).Append("〕\n");
            foreach (var item in group)
            {
                // Leaders' digests span units: name the unit; a unit's own digest need not repeat it.
                text.Append("· ").Append(item.UnitName == recipientName ? "" : item.UnitName + " ").Append(Line(item, Task(item)));
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
        foreach (var (heading, lines) in MarkdownGroups(items, baseUrl, int.MaxValue))
        {
            text.Append(heading);
            foreach (var line in lines)
            {
                text.Append(line);
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// The markdown digest cut to the robot's limit (<paramref name="maxBytes"/> of UTF-8 per message): one message when
    /// it fits, else numbered parts “（1/2）” that each fit, the last one linking to the full list when the app's
    /// address is known. A single item too long for a part is shortened.
    /// </summary>
    public static IReadOnlyList<string> MarkdownParts(string title, IReadOnlyList<ReminderItem> items, string? baseUrl, int maxBytes)
    {
        var whole = Markdown(title, items, baseUrl);
        if (Bytes(whole) <= maxBytes)
        {
            return [whole];
        }

        var footer = string.IsNullOrWhiteSpace(baseUrl) ? "" : $"\n[在督办台查看全部 {items.Count} 项]({baseUrl.TrimEnd('/')}/assignments)\n";
        var header = (string n) => $"### {title}（{n}）\n";

        // Room for the header with the widest part number and the footer in every part.
        var room = maxBytes - Bytes(header("999/999")) - Bytes(footer);
        var parts = new List<StringBuilder>();
        StringBuilder? current = null;
        var used = 0;
        foreach (var (heading, lines) in MarkdownGroups(items, baseUrl, room - Bytes("\n**升级督办（续）**\n")))
        {
            // A group cut by a part boundary starts the next part again under its heading, marked （续）.
            var continued = heading.Replace("**\n", "（续）**\n", StringComparison.Ordinal);
            var open = false;
            for (var index = 0; index < lines.Count; index++)
            {
                var head = index == 0 ? heading : continued;
                if (current is null || used + Bytes(lines[index]) + (open ? 0 : Bytes(head)) > room)
                {
                    current = new StringBuilder();
                    parts.Add(current);
                    used = 0;
                    open = false;
                }

                if (!open)
                {
                    current.Append(head);
                    used += Bytes(head);
                    open = true;
                }

                current.Append(lines[index]);
                used += Bytes(lines[index]);
            }
        }

        return parts.Select((body, i) => header($"{i + 1}/{parts.Count}") + body + (i == parts.Count - 1 ? footer : "")).ToList();
    }

    public static int Bytes(string text) => Encoding.UTF8.GetByteCount(text);

    private static IEnumerable<(string Heading, List<string> Lines)> MarkdownGroups(IReadOnlyList<ReminderItem> items, string? baseUrl, int maxLineBytes)
    {
        foreach (var group in items.GroupBy(i => i.Kind).OrderByDescending(g => Urgency(g.Key)))
        {
            var lines = group.Select(item =>
            {
                var link = Link(baseUrl, item);
                var line = MarkdownLine(item, Task(item), link);
                if (Bytes(line) > maxLineBytes && item.Kind == ReminderKind.Decision)
                {
                    // A decision's text is a notice's body, up to 2000 characters: shorten the text, keep the link.
                    var text = item.Text;
                    while (text.Length > 0 && Bytes(line) > maxLineBytes)
                    {
                        text = text[..Math.Max(0, text.Length - Math.Max(1, (Bytes(line) - maxLineBytes) / 3))];
                        line = MarkdownLine(item with { Text = text + "…" }, "", link);
                    }
                }
                else if (Bytes(line) > maxLineBytes)
                {
                    // A hostile or endless title: keep the unit, the path, the link and the reminder; shorten the task's title.
                    var over = Bytes(line) - maxLineBytes;
                    var title = item.TaskTitle;
                    while (title.Length > 0 && Bytes(title) > Math.Max(0, Bytes(item.TaskTitle) - over - 3))
                    {
                        title = title[..^1];
                    }

                    line = MarkdownLine(item, $"《{item.PlanTitle}》{item.TaskPath} {title}…", link);
                    if (Bytes(line) > maxLineBytes)
                    {
                        line = MarkdownLine(item, item.TaskPath, link);
                    }
                }

                return line;
            }).ToList();
            yield return ($"\n**{group.Key.ChineseName()}**\n", lines);
        }
    }

    private static string MarkdownLine(ReminderItem item, string task, string? link) => item.Kind == ReminderKind.Decision
        ? $"> {item.UnitName} {item.Text}{(link is null ? "" : $" [查看]({link})")}\n"
        : $"> {item.UnitName} {(link is null ? task : $"[{task}]({link})")}：{item.Text}\n";

    /// <summary>An item's line after the unit: a decision's text names its task already.</summary>
    private static string Line(ReminderItem item, string task) => item.Kind == ReminderKind.Decision ? item.Text : $"{task}：{item.Text}";

    private static string Task(ReminderItem item) => $"《{item.PlanTitle}》{item.TaskPath} {item.TaskTitle}";

    private static string? Link(string? baseUrl, ReminderItem item) =>
        string.IsNullOrWhiteSpace(baseUrl) ? null : $"{baseUrl.TrimEnd('/')}/{item.Link ?? $"assignments/{item.AssignmentId}"}";

    private static int Urgency(ReminderKind kind) => kind switch
    {
        ReminderKind.Decision => 10,
        ReminderKind.Escalation => 9,
        ReminderKind.Overdue => 8,
        ReminderKind.ReportMissing => 7,
        ReminderKind.DueToday => 6,
        ReminderKind.Unacknowledged => 5,
        _ => 0,
    };
}

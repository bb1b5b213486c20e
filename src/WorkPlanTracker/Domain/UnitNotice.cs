namespace WorkPlanTracker.Domain;

/// <summary>
/// A message to a unit in the app (e.g. "this plan was published, you carry 3 tasks"): written once per unit
/// and event, never once per task, so publishing a plan does not flood anyone. Reminder delivery builds on it.
/// </summary>
public class UnitNotice
{
    /// <summary>A notice's title and body are cut to what the columns hold (see UnitNoticeConfiguration).</summary>
    public const int TitleLength = 200;

    public const int BodyLength = 2000;

    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public OrgUnit? OrgUnit { get; set; }
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";

    /// <summary>App-relative address the notice points to, e.g. "assignments".</summary>
    public string Link { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }

    public UnitNoticeKind Kind { get; set; }

    /// <summary>
    /// The day whose digest carried a <see cref="UnitNoticeKind.Decision"/> notice to the unit's mail and robots; null
    /// until then. Set in the same save as that day's deliveries, so a restart never carries it twice.
    /// </summary>
    public DateOnly? DigestDay { get; set; }

    /// <summary>
    /// What the office decided on the unit's work on <paramref name="task"/> (退回, 办结, 延期, 督办单, a unit added or
    /// removed, a deadline moved). The body names the task by its plan, number and short title, so it reads on its
    /// own in a mail; <paramref name="reason"/> is the office's reason where it gave one. Needs the task's plan loaded.
    /// </summary>
    public static UnitNotice Decision(int orgUnitId, WorkTask task, string headline, string detail, string? reason, string link, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(task);
        var name = $"{task.Path} {ShortTitle(task.Title)}".Trim();
        var body = $"《{task.Plan?.DisplayTitle}》{name}：{detail.TrimEnd('。')}。"
            + (string.IsNullOrWhiteSpace(reason) ? "" : $"理由：{reason.Trim()}");
        return new UnitNotice
        {
            OrgUnitId = orgUnitId,
            Title = Cut($"{headline}：{name}", TitleLength),
            Body = Cut(body, BodyLength),
            Link = link,
            CreatedAtUtc = nowUtc,
            Kind = UnitNoticeKind.Decision,
        };
    }

    /// <summary>A decision on one assignment, pointing to its page. Needs the assignment's task and plan loaded.</summary>
    public static UnitNotice Decision(TaskAssignment assignment, string headline, string detail, string? reason, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        return Decision(assignment.OrgUnitId, assignment.WorkTask!, headline, detail, reason, $"assignments/{assignment.Id}", nowUtc);
    }

    /// <summary>
    /// Many tasks given to a unit at once (分派): one notice naming them, not one per task. Needs the tasks' plans loaded.
    /// </summary>
    public static UnitNotice TasksAdded(int orgUnitId, IReadOnlyList<WorkTask> tasks, string role, string? reason, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        if (tasks.Count == 1)
        {
            return Decision(orgUnitId, tasks[0], "新增承办任务", $"本单位被增加为{role}，请及时签收", reason, "assignments", nowUtc);
        }

        var names = string.Join("；", tasks.Take(10).Select(t => $"《{t.Plan?.DisplayTitle}》{t.Path} {ShortTitle(t.Title)}".Trim()));
        var body = $"本单位被增加为 {tasks.Count} 项任务的{role}，请及时签收：{names}{(tasks.Count > 10 ? $" 等 {tasks.Count} 项" : "")}。"
            + (string.IsNullOrWhiteSpace(reason) ? "" : $"理由：{reason.Trim()}");
        return new UnitNotice
        {
            OrgUnitId = orgUnitId,
            Title = $"新增承办任务 {tasks.Count} 项",
            Body = Cut(body, BodyLength),
            Link = "assignments",
            CreatedAtUtc = nowUtc,
            Kind = UnitNoticeKind.Decision,
        };
    }

    /// <summary>牵头单位 or 配合单位, as a notice names a unit's part in a task.</summary>
    public static string RoleName(AssignmentRole role) => role.ChineseName() + "单位";

    private static string ShortTitle(string title) => title.Length > 30 ? title[..30] + "…" : title;

    private static string Cut(string text, int length) => text.Length > length ? text[..(length - 1)] + "…" : text;
}

public enum UnitNoticeKind
{
    /// <summary>News for the unit's inbox only: a plan published, the day's reminder digest.</summary>
    Information = 0,

    /// <summary>An office decision on the unit's work: in the inbox at once, and in the next digest for mail and robots.</summary>
    Decision = 1,
}

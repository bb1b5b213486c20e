namespace WorkPlanTracker.Domain;

/// <summary>
/// An in-app message to one person (e.g. an escalation digest to a leader, who belongs to no unit). Messages to a
/// unit are <see cref="UnitNotice"/>s, which every user of the unit reads; per-user read state of those is
/// <see cref="NoticeReadMark"/>.
/// </summary>
public class PersonalNotice
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public string Link { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? ReadAtUtc { get; set; }
}

/// <summary>One user has read one unit notice (the notice itself is shared by all users of the unit).</summary>
public class NoticeReadMark
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public long UnitNoticeId { get; set; }
    public DateTime ReadAtUtc { get; set; }
}

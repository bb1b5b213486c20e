namespace WorkPlanTracker.Domain;

/// <summary>
/// One item put in one recipient's digest (whatever the channels): what the recipient has been told, item by item.
/// The daily run reads it to catch up on items that fell due after an earlier day's run (a deadline corrected in
/// the afternoon, a plan published or a report returned later) and to never repeat one.
/// </summary>
public class ReminderSentItem
{
    public long Id { get; set; }

    /// <summary>As <see cref="ReminderDelivery.RecipientKey"/>.</summary>
    public string RecipientKey { get; set; } = "";

    public int AssignmentId { get; set; }
    public ReminderKind Kind { get; set; }

    /// <summary>The date the item is about (deadline, milestone, report date).</summary>
    public DateOnly? ItemDate { get; set; }

    /// <summary>The day the rules fired for it.</summary>
    public DateOnly FiredOn { get; set; }

    /// <summary>The day of the digest that carried it.</summary>
    public DateOnly DigestDay { get; set; }
}

/// <summary>A China date the daily run has planned: items falling due on it afterwards go with the next digest.</summary>
public class ReminderPlannedDay
{
    public DateOnly Day { get; set; }
    public DateTime PlannedAtUtc { get; set; }
}

using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Data;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Features.Reminders;

/// <summary>
/// Works out from the database what is due on a day (<see cref="ReminderRules"/>), who gets it on which channel
/// (unit contacts, personal preferences, leader contacts and leadership for escalations), and writes one durable
/// <see cref="ReminderDelivery"/> per recipient, channel and day, with the items each recipient was told
/// (<see cref="ReminderSentItem"/>). Running it again the same day adds nothing.
/// </summary>
public sealed class ReminderPlanner(IDbContextFactory<AppDbContext> dbFactory, WorkingDayCalendar calendar, TimeProvider clock)
{
    public DateOnly Today => WorkCalendar.DateOf(clock.GetUtcNow().UtcDateTime);

    public async Task<IReadOnlyList<DueReminder>> DueOnAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var settings = await ReminderSettingsService.LoadAsync(db, cancellationToken);
        var cases = await CasesAsync(db, cancellationToken);
        return ReminderRules.DueOn(day, cases, settings, calendar);
    }

    /// <summary>How far back the daily job looks for items that fell due while it did not run or after it ran.</summary>
    public const int CatchUpDays = 7;

    /// <summary>
    /// What the daily job sends on <paramref name="day"/> (the dry run shows the same). When the day was not planned
    /// yet: its items plus those of the last <see cref="CatchUpDays"/> days the recipient was never told of. When it
    /// was: the digests it carried; items that fell due after its run wait for the next digest
    /// (<see cref="DayPlan.Later"/>).
    /// </summary>
    public async Task<DayPlan> PreviewAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await PlanDayAsync(db, day, cancellationToken);
    }

    /// <summary>The digests that go out on <paramref name="day"/> (see <see cref="PreviewAsync"/>).</summary>
    public async Task<IReadOnlyList<PlannedDelivery>> PlanAsync(DateOnly day, CancellationToken cancellationToken = default) =>
        (await PreviewAsync(day, cancellationToken)).Now;

    private async Task<DayPlan> PlanDayAsync(AppDbContext db, DateOnly day, CancellationToken cancellationToken)
    {
        var settings = await ReminderSettingsService.LoadAsync(db, cancellationToken);
        var cases = await CasesAsync(db, cancellationToken);
        var since = day.AddDays(-CatchUpDays);
        var plannedDays = (await db.ReminderPlannedDays.AsNoTracking().Where(d => d.Day >= since && d.Day <= day).Select(d => d.Day).ToListAsync(cancellationToken)).ToHashSet();
        var alreadyPlanned = plannedDays.Contains(day);
        var sendingDay = !settings.SkipHolidays || calendar.IsWorkingDay(day);
        var nextDigest = day.AddDays(1);
        while (settings.SkipHolidays && !calendar.IsWorkingDay(nextDigest) && nextDigest < day.AddDays(30))
        {
            nextDigest = nextDigest.AddDays(1);
        }

        var due = ReminderRules.DueOn(day, cases, settings, calendar).Select(d => (Due: d, FiredOn: day)).ToList();
        if (sendingDay)
        {
            due.AddRange(CatchUpCandidates(day, due.Select(d => d.Due).ToList(), cases, settings, plannedDays));
        }

        // The office's decisions go with the first digest after them (the inbox has them already); a planned day shows what it carried.
        var decisions = alreadyPlanned || sendingDay ? await DecisionsAsync(db, day, alreadyPlanned, cancellationToken) : [];
        var all = await RecipientsAsync(db, due, decisions, cancellationToken);
        if (all.Count == 0)
        {
            return new DayPlan(day, alreadyPlanned, nextDigest, [], []);
        }

        // What each recipient has been told in the window, item by item.
        var told = (await db.ReminderSentItems.AsNoTracking()
                .Where(i => i.DigestDay >= since && i.DigestDay <= day)
                .Select(i => new { i.RecipientKey, i.AssignmentId, i.Kind, i.ItemDate, i.FiredOn, i.DigestDay })
                .ToListAsync(cancellationToken))
            .ToLookup(i => (i.RecipientKey, i.AssignmentId, i.Kind, i.ItemDate));

        // Digests written before items were tracked (days without a planning mark): as before, any digest since an
        // escalation's day counts as having told the recipient, so an upgrade repeats nothing.
        var legacyDigests = (await db.ReminderDeliveries.AsNoTracking()
                .Where(d => d.Day >= since && d.Day < day)
                .Select(d => new { d.RecipientKey, d.Day })
                .ToListAsync(cancellationToken))
            .Where(d => !plannedDays.Contains(d.Day))
            .ToLookup(d => d.RecipientKey, d => d.Day);

        var now = new List<PlannedDelivery>();
        var later = new List<(PlannedDelivery, ReminderItem)>();
        foreach (var delivery in all)
        {
            var keep = new List<ReminderItem>();
            foreach (var item in delivery.Items)
            {
                if (item.Kind == ReminderKind.Decision)
                {
                    keep.Add(item);
                    continue;
                }

                var firedOn = item.FiredOn ?? day;
                var sent = told[(delivery.RecipientKey, item.AssignmentId, item.Kind, item.Date)];
                if (alreadyPlanned)
                {
                    // The day's run is over: what it carried is what went out today; the rest goes with the next digest.
                    if (sent.Any(s => s.DigestDay == day && s.FiredOn == firedOn))
                    {
                        keep.Add(item);
                    }
                    else if (firedOn == day)
                    {
                        later.Add((delivery, item));
                    }
                }
                else if (firedOn == day
                    || !(sent.Any(s => s.DigestDay >= firedOn) || legacyDigests[delivery.RecipientKey].Any(d => d >= firedOn)))
                {
                    keep.Add(item);
                }
            }

            if (keep.Count > 0)
            {
                now.Add(delivery with { Items = keep });
            }
        }

        return new DayPlan(day, alreadyPlanned, nextDigest, now, later, decisions.Select(d => d.NoticeId).ToList());
    }

    /// <summary>
    /// The office's decision notices for the digest of <paramref name="day"/>: those it carried once it is planned, else
    /// every one written up to that day that no digest has carried yet.
    /// </summary>
    private static async Task<IReadOnlyList<DecisionNotice>> DecisionsAsync(AppDbContext db, DateOnly day, bool alreadyPlanned, CancellationToken cancellationToken)
    {
        // The end of the China day in UTC, so the database picks the day's notices (a long-unplanned backlog stays there).
        var endUtc = day.AddDays(1).ToDateTime(TimeOnly.MinValue) - WorkCalendar.UtcOffset;
        var notices = db.UnitNotices.AsNoTracking().Where(n => n.Kind == UnitNoticeKind.Decision && n.CreatedAtUtc < endUtc);
        notices = alreadyPlanned ? notices.Where(n => n.DigestDay == day) : notices.Where(n => n.DigestDay == null);
        var found = await notices.OrderBy(n => n.Id).Select(n => new { Notice = n, Unit = n.OrgUnit!.Name }).ToListAsync(cancellationToken);
        return found
            .Select(f => new DecisionNotice(f.Notice.Id, f.Notice.OrgUnitId, f.Unit, ReminderItem.FromDecision(f.Notice, f.Unit)))
            .ToList();
    }

    /// <summary>
    /// Items of the last <see cref="CatchUpDays"/> days that may have reached nobody: escalations of any day (an
    /// escalation fires once; the app may have been down), and, of days whose run happened before they fell due (a
    /// deadline corrected, a plan published or a report returned after the run), every item still meaningful today.
    /// An item of a task that has a reminder today is left to today's. Days are counted as of <paramref name="day"/>.
    /// </summary>
    private IEnumerable<(DueReminder Due, DateOnly FiredOn)> CatchUpCandidates(
        DateOnly day, IReadOnlyList<DueReminder> dueToday, IReadOnlyList<ReminderCase> cases, ReminderSettings settings, IReadOnlySet<DateOnly> plannedDays)
    {
        var today = dueToday.Select(d => d.AssignmentId).ToHashSet();
        var escalatedToday = dueToday.Where(d => d.Kind == ReminderKind.Escalation).Select(d => d.AssignmentId).ToHashSet();
        var seen = new HashSet<(int, ReminderKind, DateOnly?)>();
        for (var back = CatchUpDays; back >= 1; back--)
        {
            var past = day.AddDays(-back);
            foreach (var item in ReminderRules.DueOn(past, cases, settings, calendar))
            {
                DueReminder? caught = item.Kind switch
                {
                    ReminderKind.Escalation when !escalatedToday.Contains(item.AssignmentId) => item with { Days = item.Days + back },
                    _ when !plannedDays.Contains(past) || today.Contains(item.AssignmentId) => null,
                    ReminderKind.Overdue or ReminderKind.ReportMissing or ReminderKind.Unacknowledged => item with { Days = item.Days + back },
                    ReminderKind.BeforeDeadline when item.Date > day => item with { Days = item.Days - back },
                    ReminderKind.Milestone or ReminderKind.ReportDue when item.Date >= day => item with { Days = item.Days - back },
                    _ => null,
                };
                if (caught is not null && seen.Add((item.AssignmentId, item.Kind, item.Date)))
                {
                    yield return (caught, past);
                }
            }
        }
    }

    /// <summary>Who gets which items on which channel: units, their users' own channels, leader contacts, leadership.</summary>
    private static async Task<IReadOnlyList<PlannedDelivery>> RecipientsAsync(
        AppDbContext db, IReadOnlyList<(DueReminder Due, DateOnly FiredOn)> due, IReadOnlyList<DecisionNotice> decisions, CancellationToken cancellationToken)
    {
        if (due.Count == 0 && decisions.Count == 0)
        {
            return [];
        }

        var contacts = await db.ReminderContacts.AsNoTracking().ToListAsync(cancellationToken);
        var unitContacts = contacts.Where(c => c.OrgUnitId is not null).ToDictionary(c => c.OrgUnitId!.Value);
        var userContacts = contacts.Where(c => c.UserId is not null).ToDictionary(c => c.UserId!);
        var dueByUnit = due.ToLookup(d => d.Due.UnitId);
        var decisionsByUnit = decisions.ToLookup(d => d.UnitId);
        var units = due.Select(d => (d.Due.UnitId, d.Due.UnitName)).Concat(decisions.Select(d => (d.UnitId, d.UnitName))).Distinct().ToList();
        var unitIds = units.Select(u => u.UnitId).ToList();
        var unitUsers = await db.Users.AsNoTracking()
            .SelectMany(u => u.Units, (u, x) => new { UnitId = x.Id, u.Id, u.UserName, u.DisplayName })
            .Where(x => unitIds.Contains(x.UnitId))
            .ToListAsync(cancellationToken);

        var plan = new DeliveryPlan();
        foreach (var unit in units.Select(u => (Key: u, Items: dueByUnit[u.UnitId].Select(d => ReminderItem.From(d.Due, d.FiredOn)).Concat(decisionsByUnit[u.UnitId].Select(d => d.Item)).ToList())))
        {
            var items = unit.Items;
            var contact = unitContacts.GetValueOrDefault(unit.Key.UnitId);
            plan.AddChannels($"unit:{unit.Key.UnitId}", unit.Key.UnitName, unit.Key.UnitId, null, contact, items, includeInbox: true);

            // A unit user who chose mail or a chat robot gets the unit's digest there too (the inbox already shows it).
            foreach (var user in unitUsers.Where(u => u.UnitId == unit.Key.UnitId))
            {
                if (userContacts.GetValueOrDefault(user.Id) is { } own)
                {
                    plan.AddChannels($"user:{user.Id}", Name(user.DisplayName, user.UserName), null, user.Id, own, items, includeInbox: false);
                }
            }

            var escalations = items.Where(i => i.Kind == ReminderKind.Escalation).ToList();
            if (escalations.Count > 0 && contact is { LeaderEmail: { Length: > 0 } leaderEmail })
            {
                var leaderName = $"{unit.Key.UnitName}{(string.IsNullOrWhiteSpace(contact.LeaderName) ? "分管领导" : contact.LeaderName)}";
                plan.Add($"leader:{unit.Key.UnitId}", leaderName, unit.Key.UnitId, null, ReminderChannel.Email, leaderEmail.Trim(), WebhookKind.WeCom, escalations);
            }
        }

        var allEscalations = due.Where(d => d.Due.Kind == ReminderKind.Escalation).Select(d => ReminderItem.From(d.Due, d.FiredOn)).ToList();
        if (allEscalations.Count > 0)
        {
            // Leaders hear only of escalations: look them up only on a day that has some.
            var leaders = await db.Users.AsNoTracking()
                .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == AppRoles.Leadership)))
                .Select(u => new { u.Id, u.UserName, u.DisplayName })
                .ToListAsync(cancellationToken);
            foreach (var leader in leaders)
            {
                var own = userContacts.GetValueOrDefault(leader.Id);
                plan.AddChannels($"user:{leader.Id}", ReminderDigest.LeaderLabel + Name(leader.DisplayName, leader.UserName), null, leader.Id, own, allEscalations, includeInbox: true);
            }
        }

        return plan.Result();
    }

    /// <summary>
    /// The daily run: writes the day's deliveries, the items each recipient is told and the day's planning mark in
    /// one transaction, and returns the new rows' ids. A second run the same day (a restart, a second instance) adds
    /// nothing: what fell due after the first run goes with the next day's digest, as the dry run says.
    /// </summary>
    public async Task<IReadOnlyList<long>> CreateDeliveriesAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        // Every start after the daily time runs this catch-up: a day already planned is one indexed look-up, not a
        // reading of every open assignment (9–15 CPU-s on a database of ten years).
        if (await db.ReminderPlannedDays.AnyAsync(d => d.Day == day, cancellationToken))
        {
            return [];
        }

        var plan = await PlanDayAsync(db, day, cancellationToken);
        if (plan.AlreadyPlanned)
        {
            return [];
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var rows = new List<ReminderDelivery>();
        db.ReminderPlannedDays.Add(new ReminderPlannedDay { Day = day, PlannedAtUtc = now });

        // Marked carried in the same save as the deliveries and the day's mark: no restart carries a decision twice.
        var digested = plan.DecisionNoticeIds.ToList();
        foreach (var notice in await db.UnitNotices.Where(n => digested.Contains(n.Id)).ToListAsync(cancellationToken))
        {
            notice.DigestDay = day;
        }

        foreach (var p in plan.Now)
        {
            var row = new ReminderDelivery
            {
                RecipientKey = p.RecipientKey,
                RecipientName = p.RecipientName,
                OrgUnitId = p.OrgUnitId,
                UserId = p.UserId,
                Channel = p.Channel,
                Address = p.Address,
                WebhookKind = p.WebhookKind,
                Day = day,
                Title = ReminderDigest.Title(day, p.RecipientName, p.Items.Count),
                ItemsJson = JsonSerializer.Serialize(p.Items, ReminderDigest.Json),
                ItemCount = p.Items.Count,
                CreatedAtUtc = now,
                NextAttemptAtUtc = now,
            };
            rows.Add(row);
            db.ReminderDeliveries.Add(row);
        }

        // One recipient's channels carry the same items: told once per recipient.
        foreach (var item in plan.Now.SelectMany(p => p.Items.Where(i => i.Kind != ReminderKind.Decision).Select(i => (p.RecipientKey, i.AssignmentId, i.Kind, i.Date, FiredOn: i.FiredOn ?? day))).Distinct())
        {
            db.ReminderSentItems.Add(new ReminderSentItem
            {
                RecipientKey = item.RecipientKey,
                AssignmentId = item.AssignmentId,
                Kind = item.Kind,
                ItemDate = item.Date,
                FiredOn = item.FiredOn,
                DigestDay = day,
            });
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another planner wrote the day first (the planning mark is the day's key): exactly what it is for.
            return [];
        }

        return rows.Select(r => r.Id).ToList();
    }

    private static string Name(string displayName, string? userName) =>
        string.IsNullOrWhiteSpace(displayName) ? userName ?? "" : displayName;

    private static async Task<List<ReminderCase>> CasesAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var assignments = await db.Assignments.AsNoTracking().OfLiveWork()
            .Where(a => a.WorkTask!.YearEndOutcome == YearEndOutcome.None
                && a.Status != AssignmentStatus.Closed && a.Status != AssignmentStatus.CompletionRequested)
            .Include(a => a.WorkTask!).ThenInclude(t => t.Plan)
            .Include(a => a.OrgUnit)
            // The next report date needs only the latest report still standing, not an assignment's whole history.
            .Include(a => a.Reports.Where(r => r.ReturnedAtUtc == null).OrderByDescending(r => r.ReportedAtUtc).Take(1))
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return assignments
            .OrderBy(a => a.WorkTask!.PlanId).ThenBy(a => a.WorkTask!.SortOrder).ThenBy(a => a.Id)
            .Select(a => new ReminderCase(
                a.Id,
                a.OrgUnitId,
                a.OrgUnit?.Name ?? "",
                a.WorkTask!.Path,
                a.WorkTask.Title,
                a.WorkTask.Plan!.Year,
                a.WorkTask.Plan.DisplayTitle,
                a.Status,
                a.WorkTask.Ongoing,
                a.DueDate,
                a.WorkTask.MilestoneDates,
                WorkCalendar.DateOf(a.AssignedAtUtc),
                ReportingSchedule.NextReportDue(a)))
            .ToList();
    }

    /// <summary>Collects items per (recipient, channel), so one recipient gets one message per channel however many units and kinds its items come from.</summary>
    private sealed class DeliveryPlan
    {
        private readonly Dictionary<(string Key, ReminderChannel Channel), (PlannedDelivery Delivery, List<ReminderItem> Items)> deliveries = [];

        public void AddChannels(string key, string name, int? unitId, string? userId, ReminderContact? contact, IReadOnlyList<ReminderItem> items, bool includeInbox)
        {
            var channels = contact?.Channels ?? ReminderChannels.Inbox;
            if (includeInbox && channels.HasFlag(ReminderChannels.Inbox))
            {
                // The inbox shows the office's decisions the moment they are made.
                Add(key, name, unitId, userId, ReminderChannel.Inbox, "", WebhookKind.WeCom, items.Where(i => i.Kind != ReminderKind.Decision).ToList());
            }

            if (channels.HasFlag(ReminderChannels.Email) && !string.IsNullOrWhiteSpace(contact?.Email))
            {
                Add(key, name, unitId, userId, ReminderChannel.Email, contact.Email.Trim(), WebhookKind.WeCom, items);
            }

            if (channels.HasFlag(ReminderChannels.Webhook) && !string.IsNullOrWhiteSpace(contact?.WebhookUrl))
            {
                Add(key, name, unitId, userId, ReminderChannel.Webhook, contact.WebhookUrl.Trim(), contact.WebhookKind, items);
            }
        }

        public void Add(string key, string name, int? unitId, string? userId, ReminderChannel channel, string address, WebhookKind kind, IReadOnlyList<ReminderItem> items)
        {
            if (items.Count == 0)
            {
                return;
            }

            if (!deliveries.TryGetValue((key, channel), out var entry))
            {
                entry = (new PlannedDelivery(key, name, unitId, userId, channel, address, kind, []), []);
                deliveries[(key, channel)] = entry;
            }

            entry.Items.AddRange(items.Where(i => !entry.Items.Contains(i)));
        }

        public IReadOnlyList<PlannedDelivery> Result() =>
            deliveries.Values.Select(e => e.Delivery with { Items = e.Items }).ToList();
    }
}

/// <summary>
/// The reminders of one day: <see cref="Now"/> the digests that go out that day, <see cref="Later"/> items due that
/// day that fell due after its run and go with the digest of <see cref="NextDigest"/>.
/// </summary>
/// <param name="DecisionNoticeIds">The office's decision notices the day's digests carry (<see cref="ReminderKind.Decision"/> items).</param>
public sealed record DayPlan(
    DateOnly Day, bool AlreadyPlanned, DateOnly NextDigest, IReadOnlyList<PlannedDelivery> Now, IReadOnlyList<(PlannedDelivery Delivery, ReminderItem Item)> Later,
    IReadOnlyList<long>? DecisionNoticeIds = null)
{
    public IReadOnlyList<long> DecisionNoticeIds { get; init; } = DecisionNoticeIds ?? [];
}

/// <summary>An office decision on a unit's work as the planner carries it into the unit's digest.</summary>
public sealed record DecisionNotice(long NoticeId, int UnitId, string UnitName, ReminderItem Item);

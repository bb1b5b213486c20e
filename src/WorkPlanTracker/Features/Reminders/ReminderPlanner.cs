using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Data;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Accounts;

namespace WorkPlanTracker.Features.Reminders;

/// <summary>
/// Works out from the database what is due on a day (<see cref="ReminderRules"/>), who gets it on which channel
/// (unit contacts, personal preferences, leader contacts and leadership for escalations), and writes one durable
/// <see cref="ReminderDelivery"/> per recipient, channel and day. Running it again the same day adds nothing.
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

    /// <summary>How far back the daily job looks for escalations whose day passed while it did not run.</summary>
    public const int CatchUpDays = 7;

    /// <summary>
    /// The deliveries of <paramref name="day"/>. With <paramref name="catchUpMissedEscalations"/> (the daily job) it also
    /// carries escalations that fell due on the days before while the app was not running: an escalation fires on one
    /// day only, and a unit that should have been escalated must not slip through because the server was down.
    /// </summary>
    public async Task<IReadOnlyList<PlannedDelivery>> PlanAsync(DateOnly day, CancellationToken cancellationToken = default) =>
        await PlanAsync(day, catchUpMissedEscalations: false, cancellationToken);

    private async Task<IReadOnlyList<PlannedDelivery>> PlanAsync(DateOnly day, bool catchUpMissedEscalations, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var settings = await ReminderSettingsService.LoadAsync(db, cancellationToken);
        var cases = await CasesAsync(db, cancellationToken);
        IReadOnlyList<DueReminder> due = ReminderRules.DueOn(day, cases, settings, calendar);
        if (catchUpMissedEscalations)
        {
            due = [.. due, .. await MissedEscalationsAsync(db, day, due, cases, settings, cancellationToken)];
        }

        if (due.Count == 0)
        {
            return [];
        }

        var contacts = await db.ReminderContacts.AsNoTracking().ToListAsync(cancellationToken);
        var unitContacts = contacts.Where(c => c.OrgUnitId is not null).ToDictionary(c => c.OrgUnitId!.Value);
        var userContacts = contacts.Where(c => c.UserId is not null).ToDictionary(c => c.UserId!);
        var unitIds = due.Select(d => d.UnitId).Distinct().ToList();
        var unitUsers = await db.Users.AsNoTracking()
            .SelectMany(u => u.Units, (u, x) => new { UnitId = x.Id, u.Id, u.UserName, u.DisplayName })
            .Where(x => unitIds.Contains(x.UnitId))
            .ToListAsync(cancellationToken);

        var plan = new DeliveryPlan();
        foreach (var unit in due.GroupBy(d => (d.UnitId, d.UnitName)))
        {
            var items = unit.Select(ReminderItem.From).ToList();
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

        var allEscalations = due.Where(d => d.Kind == ReminderKind.Escalation).Select(ReminderItem.From).ToList();
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
                plan.AddChannels($"user:{leader.Id}", "领导：" + Name(leader.DisplayName, leader.UserName), null, leader.Id, own, allEscalations, includeInbox: true);
            }
        }

        return plan.Result();
    }

    /// <summary>
    /// Escalations of the last <see cref="CatchUpDays"/> days that nobody received. Every unit with anything due gets
    /// an inbox digest, so a unit without any inbox row since the escalation's day was never told: the job did not
    /// run then. The item counts the days late as of <paramref name="day"/>.
    /// </summary>
    private async Task<IReadOnlyList<DueReminder>> MissedEscalationsAsync(
        AppDbContext db, DateOnly day, IReadOnlyList<DueReminder> dueToday, IReadOnlyList<ReminderCase> cases, ReminderSettings settings, CancellationToken cancellationToken)
    {
        // The last inbox digest of each unit in the catch-up window, read once rather than once per escalation.
        var since = day.AddDays(-CatchUpDays);
        var lastInbox = (await db.ReminderDeliveries.AsNoTracking()
                .Where(d => d.Channel == ReminderChannel.Inbox && d.Day >= since && d.Day < day)
                .Select(d => new { d.RecipientKey, d.Day })
                .ToListAsync(cancellationToken))
            .GroupBy(d => d.RecipientKey)
            .ToDictionary(g => g.Key, g => g.Max(d => d.Day));
        var escalated = dueToday.Where(d => d.Kind == ReminderKind.Escalation).Select(d => d.AssignmentId).ToHashSet();
        var missed = new List<DueReminder>();
        for (var back = CatchUpDays; back >= 1; back--)
        {
            var past = day.AddDays(-back);
            foreach (var escalation in ReminderRules.DueOn(past, cases, settings, calendar).Where(d => d.Kind == ReminderKind.Escalation))
            {
                var told = lastInbox.TryGetValue($"unit:{escalation.UnitId}", out var last) && last >= past;
                if (escalated.Add(escalation.AssignmentId) && !told)
                {
                    missed.Add(escalation with { Days = escalation.Days + back });
                }
            }
        }

        return missed;
    }

    /// <summary>
    /// Writes the deliveries of <paramref name="day"/> that do not exist yet and returns their ids. The unique index
    /// on (recipient, channel, day) settles a race with a second planner: its insert fails and is skipped.
    /// </summary>
    public async Task<IReadOnlyList<long>> CreateDeliveriesAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        var planned = await PlanAsync(day, catchUpMissedEscalations: true, cancellationToken);
        var created = new List<long>();
        var now = clock.GetUtcNow().UtcDateTime;
        HashSet<(string, ReminderChannel)> existing;
        await using (var read = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            existing = (await read.ReminderDeliveries.Where(d => d.Day == day)
                .Select(d => new { d.RecipientKey, d.Channel })
                .ToListAsync(cancellationToken))
                .Select(d => (d.RecipientKey, d.Channel))
                .ToHashSet();
        }

        foreach (var p in planned.Where(p => !existing.Contains((p.RecipientKey, p.Channel))))
        {
            // One context per row: a row another planner wrote meanwhile fails alone and leaves the rest to be saved.
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
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
                Status = DeliveryStatus.Pending,
                CreatedAtUtc = now,
                NextAttemptAtUtc = now,
            };
            db.ReminderDeliveries.Add(row);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                created.Add(row.Id);
            }
            catch (DbUpdateException)
            {
                // Another planner wrote the same row first: exactly what the unique index is for.
            }
        }

        return created;
    }

    private static string Name(string displayName, string? userName) =>
        string.IsNullOrWhiteSpace(displayName) ? userName ?? "" : displayName;

    private static async Task<List<ReminderCase>> CasesAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var assignments = await db.Assignments.AsNoTracking()
            .Where(a => a.Task!.Plan!.Status == PlanStatus.Published
                && a.Status != AssignmentStatus.Closed && a.Status != AssignmentStatus.CompletionRequested)
            .Include(a => a.Task!).ThenInclude(t => t.Plan)
            .Include(a => a.OrgUnit)
            .Include(a => a.Reports)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return assignments
            .OrderBy(a => a.Task!.PlanId).ThenBy(a => a.Task!.SortOrder).ThenBy(a => a.Id)
            .Select(a => new ReminderCase(
                a.Id,
                a.OrgUnitId,
                a.OrgUnit?.Name ?? "",
                a.Task!.Path,
                a.Task.Title,
                a.Task.Plan!.Year,
                a.Task.Plan.DisplayTitle,
                a.Status,
                a.Task.Ongoing,
                a.DueDate,
                a.Task.MilestoneDates,
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
                Add(key, name, unitId, userId, ReminderChannel.Inbox, "", WebhookKind.WeCom, items);
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

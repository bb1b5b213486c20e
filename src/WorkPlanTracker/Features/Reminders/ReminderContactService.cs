using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Data;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Features.Reminders;

/// <summary>Units' reminder contacts (kept by the planning office) and each user's own reminder preferences.</summary>
public sealed class ReminderContactService(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<IReadOnlyList<UnitContactRow>> UnitContactsAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        if (!actor.IsPlanningOffice)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var contacts = await db.ReminderContacts.AsNoTracking().Where(c => c.OrgUnitId != null).ToDictionaryAsync(c => c.OrgUnitId!.Value, cancellationToken);
        var units = await db.Units.AsNoTracking().Select(u => new { u.Id, u.Name }).ToListAsync(cancellationToken);
        return units
            .OrderBy(u => u.Name, ChineseOrder.Names)
            .Select(u => new UnitContactRow(u.Id, u.Name, contacts.GetValueOrDefault(u.Id) ?? new ReminderContact { OrgUnitId = u.Id }))
            .ToList();
    }

    public async Task<Outcome> SaveUnitContactAsync(Actor actor, int unitId, ReminderContact changed, CancellationToken cancellationToken = default)
    {
        if (!actor.IsPlanningOffice)
        {
            return Refusals.NotPermitted;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Units.AnyAsync(u => u.Id == unitId, cancellationToken))
        {
            return Outcome.NotFound("找不到这个单位。");
        }

        var row = await db.ReminderContacts.SingleOrDefaultAsync(c => c.OrgUnitId == unitId, cancellationToken);
        return await SaveAsync(db, row ?? new ReminderContact { OrgUnitId = unitId }, changed, keepLeader: true, cancellationToken);
    }

    /// <summary>The signed-in user's own preferences (a new, inbox-only one when never saved).</summary>
    public async Task<ReminderContact> OwnAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ReminderContacts.AsNoTracking().SingleOrDefaultAsync(c => c.UserId == userId, cancellationToken)
            ?? new ReminderContact { UserId = userId };
    }

    public async Task<Outcome> SaveOwnAsync(string userId, ReminderContact changed, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(userId))
        {
            return Refusals.NotPermitted;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.ReminderContacts.SingleOrDefaultAsync(c => c.UserId == userId, cancellationToken);
        return await SaveAsync(db, row ?? new ReminderContact { UserId = userId }, changed, keepLeader: false, cancellationToken);
    }

    private static async Task<Outcome> SaveAsync(AppDbContext db, ReminderContact row, ReminderContact changed, bool keepLeader, CancellationToken cancellationToken)
    {
        if (changed.ValidationError() is { } error)
        {
            return Outcome.Invalid(error);
        }

        row.Channels = changed.Channels;
        row.Email = Clean(changed.Email);
        row.WebhookUrl = Clean(changed.WebhookUrl);
        row.WebhookKind = changed.WebhookKind;
        row.LeaderName = keepLeader ? Clean(changed.LeaderName) : null;
        row.LeaderEmail = keepLeader ? Clean(changed.LeaderEmail) : null;
        if (row.Id == 0)
        {
            db.ReminderContacts.Add(row);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok("提醒方式已保存。");
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed record UnitContactRow(int UnitId, string UnitName, ReminderContact Contact);

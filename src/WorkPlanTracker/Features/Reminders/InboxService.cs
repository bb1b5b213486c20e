using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Data;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Features.Reminders;

/// <summary>
/// The signed-in user's inbox (站内消息): the notices of their units (publishing, reminder digests), shared by the
/// unit's users but read per user, and messages to them personally (escalations to leaders).
/// </summary>
public sealed class InboxService(IDbContextFactory<AppDbContext> dbFactory, AuthenticationStateProvider authentication, TimeProvider clock)
{
    public async Task<InboxReader> ReaderAsync()
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        return await ReaderForAsync(user);
    }

    public async Task<InboxReader> ReaderForAsync(ClaimsPrincipal user)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        if (id.Length == 0)
        {
            return new InboxReader("", []);
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        var units = user.IsInRole(AppRoles.UnitUser)
            ? await db.Users.Where(u => u.Id == id).SelectMany(u => u.Units.Select(x => x.Id)).ToListAsync()
            : [];
        return new InboxReader(id, units);
    }

    public async Task<int> UnreadCountAsync(InboxReader reader, CancellationToken cancellationToken = default)
    {
        if (reader.UserId.Length == 0)
        {
            return 0;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var units = reader.UnitIds.ToList();
        var unitUnread = await db.UnitNotices
            .CountAsync(n => units.Contains(n.OrgUnitId) && !db.NoticeReadMarks.Any(m => m.UserId == reader.UserId && m.UnitNoticeId == n.Id), cancellationToken);
        var personalUnread = await db.PersonalNotices.CountAsync(n => n.UserId == reader.UserId && n.ReadAtUtc == null, cancellationToken);
        return unitUnread + personalUnread;
    }

    public async Task<IReadOnlyList<InboxMessage>> ListAsync(InboxReader reader, int take = 100, CancellationToken cancellationToken = default)
    {
        if (reader.UserId.Length == 0)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var units = reader.UnitIds.ToList();
        var unitNotices = await db.UnitNotices.AsNoTracking()
            .Where(n => units.Contains(n.OrgUnitId))
            .OrderByDescending(n => n.Id).Take(take)
            .Select(n => new InboxMessage(InboxMessageSource.Unit, n.Id, n.OrgUnit!.Name, n.Title, n.Body, n.Link, n.CreatedAtUtc,
                db.NoticeReadMarks.Any(m => m.UserId == reader.UserId && m.UnitNoticeId == n.Id)))
            .ToListAsync(cancellationToken);
        var personal = await db.PersonalNotices.AsNoTracking()
            .Where(n => n.UserId == reader.UserId)
            .OrderByDescending(n => n.Id).Take(take)
            .Select(n => new InboxMessage(InboxMessageSource.Personal, n.Id, "本人", n.Title, n.Body, n.Link, n.CreatedAtUtc, n.ReadAtUtc != null))
            .ToListAsync(cancellationToken);
        return unitNotices.Concat(personal).OrderByDescending(m => m.CreatedAtUtc).Take(take).ToList();
    }

    public async Task MarkReadAsync(InboxReader reader, InboxMessageSource source, long id, CancellationToken cancellationToken = default)
    {
        if (reader.UserId.Length == 0)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (source == InboxMessageSource.Personal)
        {
            await db.PersonalNotices.Where(n => n.Id == id && n.UserId == reader.UserId && n.ReadAtUtc == null)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, now), cancellationToken);
            return;
        }

        // Only notices of the reader's own units can be marked; marking twice is a no-op.
        var units = reader.UnitIds.ToList();
        var visible = await db.UnitNotices.AnyAsync(n => n.Id == id && units.Contains(n.OrgUnitId), cancellationToken);
        if (visible && !await db.NoticeReadMarks.AnyAsync(m => m.UserId == reader.UserId && m.UnitNoticeId == id, cancellationToken))
        {
            db.NoticeReadMarks.Add(new NoticeReadMark { UserId = reader.UserId, UnitNoticeId = id, ReadAtUtc = now });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Marked read at the same moment in another tab.
            }
        }
    }

    public async Task MarkAllReadAsync(InboxReader reader, CancellationToken cancellationToken = default)
    {
        if (reader.UserId.Length == 0)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.PersonalNotices.Where(n => n.UserId == reader.UserId && n.ReadAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, now), cancellationToken);

        // Another tab may mark one of them read meanwhile: the unique index refuses the save, so read the unread ones again.
        var units = reader.UnitIds.ToList();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            db.ChangeTracker.Clear();
            var unread = await db.UnitNotices
                .Where(n => units.Contains(n.OrgUnitId) && !db.NoticeReadMarks.Any(m => m.UserId == reader.UserId && m.UnitNoticeId == n.Id))
                .Select(n => n.Id)
                .ToListAsync(cancellationToken);
            db.NoticeReadMarks.AddRange(unread.Select(id => new NoticeReadMark { UserId = reader.UserId, UnitNoticeId = id, ReadAtUtc = now }));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException)
            {
            }
        }
    }
}

public sealed record InboxReader(string UserId, IReadOnlyList<int> UnitIds);

public enum InboxMessageSource
{
    Unit = 0,
    Personal = 1,
}

public sealed record InboxMessage(InboxMessageSource Source, long Id, string To, string Title, string Body, string Link, DateTime CreatedAtUtc, bool Read);

/// <summary>Tells the bell in the top bar that the reader's unread count changed (one per circuit).</summary>
public sealed class InboxState
{
    public event Action? Changed;

    public void NotifyChanged() => Changed?.Invoke();
}

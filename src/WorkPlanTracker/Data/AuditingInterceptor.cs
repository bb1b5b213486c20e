using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using WorkPlanTracker.Domain;

namespace WorkPlanTracker.Data;

/// <summary>Who is acting, for the audit trail; the web app answers with the signed-in user.</summary>
public interface ICurrentUser
{
    string Name { get; }
}

/// <summary>The actor when nobody is signed in: first-start seeding and CLI verbs.</summary>
public sealed class SystemUser : ICurrentUser
{
    public string Name => "系统";
}

/// <summary>
/// Writes an <see cref="AuditEntry"/> for every change to an <see cref="IAudited"/> entity in the same
/// transaction as the change, so the trail cannot miss a change made through the context nor record one that
/// was undone.
/// </summary>
public sealed class AuditingInterceptor(ICurrentUser user, TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>
    /// Values as the trail stores them (Chinese kept readable), for the few changes written by hand: those the
    /// interceptor cannot see, such as owned JSON columns and Identity's link tables.
    /// </summary>
    public static string ToJson(object value) => JsonSerializer.Serialize(value, Json);

    // Added entities get their database id only after saving, so their entries are written by a second SaveChanges
    // in SavedChanges. Both saves must commit or fail together: a change without its trail, or a trail of a change
    // that never happened, would make the trail worthless. So when a save adds audited entities and the caller has no
    // transaction, the interceptor opens one before the first save and commits it after the second; a caller's own
    // transaction is joined, and committing it stays the caller's business.
    // One interceptor serves every context the factory makes, so the pending state is kept per context.
    private readonly ConditionalWeakTable<DbContext, PendingAdds> pendingAdds = new();

    private sealed class PendingAdds
    {
        public List<EntityEntry> Entries { get; } = [];

        /// <summary>The transaction this interceptor opened for the two saves; null when it joined the caller's.</summary>
        public IDbContextTransaction? OwnTransaction { get; set; }
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (NeedsOwnTransaction(eventData.Context) is { } pending)
        {
            pending.OwnTransaction = eventData.Context!.Database.BeginTransaction();
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (NeedsOwnTransaction(eventData.Context) is { } pending)
        {
            pending.OwnTransaction = await eventData.Context!.Database.BeginTransactionAsync(cancellationToken);
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (TakePending(eventData.Context) is not { } pending)
        {
            return result;
        }

        using var transaction = pending.OwnTransaction;
        try
        {
            WriteAdds(eventData.Context!, pending);
            eventData.Context!.SaveChanges();
            transaction?.Commit();
        }
        catch
        {
            transaction?.Rollback();
            throw;
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (TakePending(eventData.Context) is not { } pending)
        {
            return result;
        }

        await using var transaction = pending.OwnTransaction;
        try
        {
            WriteAdds(eventData.Context!, pending);
            await eventData.Context!.SaveChangesAsync(cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }
        catch
        {
            if (transaction is not null)
            {
                // Not the caller's token: a cancelled request must still undo the half-written change.
                await transaction.RollbackAsync(CancellationToken.None);
            }

            throw;
        }

        return result;
    }

    // The first save failed: the transaction opened for it is undone and closed. (A failure of the second save is
    // undone in SavedChanges, which has already taken the pending state.)
    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        using var transaction = TakePending(eventData.Context)?.OwnTransaction;
        transaction?.Rollback();
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var transaction = TakePending(eventData.Context)?.OwnTransaction;
        if (transaction is not null)
        {
            await transaction.RollbackAsync(CancellationToken.None);
        }
    }

    // A retrying execution strategy (as a PostgreSQL set-up may configure) replays a failed save, which it cannot do
    // inside a transaction it did not open; EF would refuse with a message about a "user-initiated transaction" the
    // caller never began. Such a caller must run the save inside the strategy with its own transaction, which is joined.
    private PendingAdds? NeedsOwnTransaction(DbContext? context)
    {
        if (Capture(context) is not { } pending || context!.Database.CurrentTransaction is not null)
        {
            return null;
        }

        if (context.Database.CreateExecutionStrategy().RetriesOnFailure)
        {
            pendingAdds.Remove(context);
            throw new InvalidOperationException(
                "The execution strategy retries on failure, so the audit cannot open its own transaction: run the save in "
                + "Database.CreateExecutionStrategy().Execute(...) inside a transaction begun there.");
        }

        return pending;
    }

    private PendingAdds? TakePending(DbContext? context)
    {
        if (context is null || !pendingAdds.TryGetValue(context, out var pending))
        {
            return null;
        }

        pendingAdds.Remove(context);
        return pending;
    }

    /// <summary>Adds the entries of changed and deleted entities to this save; returns the added ones, whose entries wait for their ids.</summary>
    private PendingAdds? Capture(DbContext? context)
    {
        if (context is null)
        {
            return null;
        }

        pendingAdds.Remove(context);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var entry in context.ChangeTracker.Entries().Where(e => e.Entity is IAudited).ToList())
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    pendingAdds.GetOrCreateValue(context).Entries.Add(entry);
                    break;
                case EntityState.Modified:
                    // A version stamp is bookkeeping for conflicts, not a change anyone made; it would only add noise.
                    var changed = entry.Properties
                        .Where(p => p.IsModified && !p.Metadata.IsConcurrencyToken && !Equals(p.OriginalValue, p.CurrentValue)).ToList();
                    if (changed.Count > 0)
                    {
                        context.Add(NewEntry(entry, AuditAction.Modified, now,
                            Serialize(changed.ToDictionary(p => p.Metadata.Name, p => p.OriginalValue)),
                            Serialize(changed.ToDictionary(p => p.Metadata.Name, p => p.CurrentValue))));
                    }

                    break;
                case EntityState.Deleted:
                    context.Add(NewEntry(entry, AuditAction.Deleted, now,
                        Serialize(entry.Properties.ToDictionary(p => p.Metadata.Name, p => p.OriginalValue)), null));
                    break;
            }
        }

        return pendingAdds.TryGetValue(context, out var pending) ? pending : null;
    }

    private void WriteAdds(DbContext context, PendingAdds pending)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var entry in pending.Entries)
        {
            context.Add(NewEntry(entry, AuditAction.Added, now, null,
                Serialize(entry.Properties.ToDictionary(p => p.Metadata.Name, p => p.CurrentValue))));
        }
    }

    private AuditEntry NewEntry(EntityEntry entry, AuditAction action, DateTime now, string? before, string? after) => new()
    {
        AtUtc = now,
        UserName = user.Name,
        EntityType = entry.Metadata.ClrType.Name,
        EntityId = string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue)),
        Action = action,
        Before = before,
        After = after,
        Reason = (entry.Context as AppDbContext)?.ChangeReason,
    };

    // A plan's source text runs to tens of thousands of characters and never changes after import;
    // the trail records that it was there, not the whole text again.
    private const int LongTextLimit = 2000;

    // Secrets never go into the trail; that they changed is recorded, not their values.
    private static readonly HashSet<string> SecretProperties = new(StringComparer.Ordinal) { "PasswordHash", "SecurityStamp", "ConcurrencyStamp" };

    private static string Serialize(Dictionary<string, object?> values) =>
        JsonSerializer.Serialize(
            values.ToDictionary(
                v => v.Key,
                v => SecretProperties.Contains(v.Key) ? "（已隐藏）" : v.Value is string { Length: > LongTextLimit } text ? $"（{text.Length} 字的长文本）" : v.Value),
            Json);
}

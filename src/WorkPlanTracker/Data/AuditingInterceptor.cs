using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
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
/// SaveChanges, so the trail cannot miss a change made through the context.
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

    // Added entities get their database id only after saving, so they are recorded in SavedChanges.
    // One interceptor serves every context the factory makes, so the pending list is kept per context.
    private readonly ConditionalWeakTable<DbContext, List<EntityEntry>> pendingAdds = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Capture(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Capture(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (WriteAdds(eventData.Context))
        {
            eventData.Context!.SaveChanges();
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (WriteAdds(eventData.Context))
        {
            await eventData.Context!.SaveChangesAsync(cancellationToken);
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            pendingAdds.Remove(context);
        }
    }

    private void Capture(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var entry in context.ChangeTracker.Entries().Where(e => e.Entity is IAudited).ToList())
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    pendingAdds.GetOrCreateValue(context).Add(entry);
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
    }

    private bool WriteAdds(DbContext? context)
    {
        if (context is null || !pendingAdds.TryGetValue(context, out var added) || added.Count == 0)
        {
            return false;
        }

        pendingAdds.Remove(context);

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var entry in added)
        {
            context.Add(NewEntry(entry, AuditAction.Added, now, null,
                Serialize(entry.Properties.ToDictionary(p => p.Metadata.Name, p => p.CurrentValue))));
        }

        return true;
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

using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using WorkPlanTracker.Data;
using WorkPlanTracker.Domain;

namespace WorkPlanTracker.Tests.Data;

/// <summary>
/// An added entity's audit entry is written by a second save, after the entity has its id; these tests hold the
/// two saves to one commit on a real SQLite file.
/// </summary>
public class AuditAtomicityTests(SeededDatabase db) : IClassFixture<SeededDatabase>, IAsyncLifetime
{
    // Only the test's own units trip the planted failure, so the seeded data and other saves are untouched.
    private const string Refused = "拒绝审计";

    public async Task InitializeAsync()
    {
        await using var data = db.NewContext();
        // SQLite SQL, in the test only: the second write (the audit row of an added unit) is what fails.
        await data.Database.ExecuteSqlRawAsync(
            $"CREATE TRIGGER IF NOT EXISTS refuse_audit BEFORE INSERT ON AuditEntries WHEN NEW.After LIKE '%{Refused}%' "
            + "BEGIN SELECT RAISE(ABORT, 'audit refused'); END");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_added_entity_and_its_audit_entry_commit_together()
    {
        var name = "原子审计局" + Guid.NewGuid().ToString("N")[..6];
        await using (var data = db.NewContext())
        {
            data.Units.Add(new OrgUnit { Name = name });
            await data.SaveChangesAsync();
            Assert.Null(data.Database.CurrentTransaction);
        }

        await using var check = db.NewContext();
        var unit = await check.Units.SingleAsync(u => u.Name == name);
        Assert.Equal(1, await check.AuditEntries.CountAsync(e => e.EntityType == nameof(OrgUnit) && e.EntityId == unit.Id.ToString(CultureInfo.InvariantCulture) && e.Action == AuditAction.Added));
    }

    [Fact]
    public async Task When_the_audit_write_fails_the_added_entity_is_not_saved_either()
    {
        var name = Refused + Guid.NewGuid().ToString("N")[..6];
        await using var data = db.NewContext();
        data.Units.Add(new OrgUnit { Name = name });

        await Assert.ThrowsAsync<DbUpdateException>(() => data.SaveChangesAsync());

        Assert.Null(data.Database.CurrentTransaction);
        await AssertNothingSavedAsync(name);
        // The failed context is still open: had it kept its transaction, this write would wait on the lock.
        await AssertAnotherContextCanWriteAsync();
    }

    [Fact]
    public async Task When_the_audit_write_fails_in_a_synchronous_save_the_added_entity_is_not_saved_either()
    {
        var name = Refused + Guid.NewGuid().ToString("N")[..6];
        using var data = db.NewContext();
        data.Units.Add(new OrgUnit { Name = name });

        Assert.Throws<DbUpdateException>(() => data.SaveChanges());

        Assert.Null(data.Database.CurrentTransaction);
        await AssertNothingSavedAsync(name);
        await AssertAnotherContextCanWriteAsync();
    }

    [Fact]
    public async Task A_change_saved_with_the_added_entity_is_undone_with_it()
    {
        var renamed = "改名后应被撤销" + Guid.NewGuid().ToString("N")[..6];
        int taskId;
        await using (var data = db.NewContext())
        {
            var task = await data.Tasks.OrderBy(t => t.Id).FirstAsync();
            taskId = task.Id;
            task.Title = renamed;
            data.Units.Add(new OrgUnit { Name = Refused + Guid.NewGuid().ToString("N")[..6] });
            await Assert.ThrowsAsync<DbUpdateException>(() => data.SaveChangesAsync());
        }

        await using var check = db.NewContext();
        Assert.NotEqual(renamed, (await check.Tasks.SingleAsync(t => t.Id == taskId)).Title);
        Assert.False(await check.AuditEntries.AnyAsync(e => e.After != null && e.After.Contains(renamed)));
    }

    [Fact]
    public async Task A_callers_transaction_is_joined_and_its_rollback_undoes_both()
    {
        var name = "调用方事务局" + Guid.NewGuid().ToString("N")[..6];
        await using (var data = db.NewContext())
        {
            await using var transaction = await data.Database.BeginTransactionAsync();
            data.Units.Add(new OrgUnit { Name = name });
            await data.SaveChangesAsync();

            Assert.Same(transaction, data.Database.CurrentTransaction);
            Assert.True(await data.AuditEntries.AnyAsync(e => e.After != null && e.After.Contains(name)));
            await transaction.RollbackAsync();
        }

        await AssertNothingSavedAsync(name);
    }

    [Fact]
    public async Task A_retrying_execution_strategy_is_told_to_open_the_transaction_itself_and_then_saves_both()
    {
        string? connectionString;
        await using (var probe = db.NewContext())
        {
            connectionString = probe.Database.GetConnectionString();
        }

        var options = new DbContextOptionsBuilder<AppDbContext>()
            .UseSqlite(connectionString, sqlite => sqlite.ExecutionStrategy(dependencies => new RetryingStrategy(dependencies)))
            .AddInterceptors(new AuditingInterceptor(new SystemUser(), db.Clock))
            .Options;
        var name = "重试策略局" + Guid.NewGuid().ToString("N")[..6];

        await using (var data = new AppDbContext(options))
        {
            data.Units.Add(new OrgUnit { Name = "不会保存" + name });
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => data.SaveChangesAsync());
            Assert.Contains("CreateExecutionStrategy", refused.Message);
        }

        await using (var data = new AppDbContext(options))
        {
            await data.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var transaction = await data.Database.BeginTransactionAsync();
                data.Units.Add(new OrgUnit { Name = name });
                await data.SaveChangesAsync();
                await transaction.CommitAsync();
            });
        }

        await AssertNothingSavedAsync("不会保存" + name);
        await using var check = db.NewContext();
        var unit = await check.Units.SingleAsync(u => u.Name == name);
        Assert.True(await check.AuditEntries.AnyAsync(e => e.EntityType == nameof(OrgUnit) && e.EntityId == unit.Id.ToString(CultureInfo.InvariantCulture)));
    }

    private async Task AssertNothingSavedAsync(string name)
    {
        await using var check = db.NewContext();
        Assert.False(await check.Units.AnyAsync(u => u.Name == name));
        Assert.False(await check.AuditEntries.AnyAsync(e => e.After != null && e.After.Contains(name)));
    }

    private async Task AssertAnotherContextCanWriteAsync()
    {
        await using var other = db.NewContext();
        other.Database.SetCommandTimeout(TimeSpan.FromSeconds(5));
        other.Units.Add(new OrgUnit { Name = "之后的单位" + Guid.NewGuid().ToString("N")[..6] });
        await other.SaveChangesAsync();
    }

    /// <summary>Stands for a provider's retrying strategy (as PostgreSQL set-ups use); SQLite's errors are never retried.</summary>
    private sealed class RetryingStrategy(ExecutionStrategyDependencies dependencies)
        : ExecutionStrategy(dependencies, maxRetryCount: 2, maxRetryDelay: TimeSpan.FromMilliseconds(10))
    {
        protected override bool ShouldRetryOn(Exception exception) => false;
    }
}

using System.Globalization;
using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Domain;

namespace WorkPlanTracker.Tests.Data;

public class AuditingInterceptorTests(SeededDatabase db) : IClassFixture<SeededDatabase>
{
    [Fact]
    public async Task Adding_records_the_new_values_with_the_database_id_time_and_actor()
    {
        await using var data = db.NewContext();
        var unit = new OrgUnit { Name = "审计测试局" + Guid.NewGuid().ToString("N")[..6] };
        data.Units.Add(unit);
        await data.SaveChangesAsync();

        var entry = await data.AuditEntries.SingleAsync(e => e.EntityType == nameof(OrgUnit) && e.EntityId == unit.Id.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(AuditAction.Added, entry.Action);
        Assert.Equal("系统", entry.UserName);
        Assert.Equal(db.Clock.GetUtcNow().UtcDateTime, entry.AtUtc);
        Assert.Null(entry.Before);
        Assert.Contains(unit.Name, entry.After);
    }

    [Fact]
    public async Task Changing_records_only_the_changed_properties_before_and_after()
    {
        await using var data = db.NewContext();
        var task = await data.Tasks.OrderBy(t => t.Id).FirstAsync();
        var oldTitle = task.Title;
        task.Title = "改过的标题";
        await data.SaveChangesAsync();

        var entry = await data.AuditEntries
            .Where(e => e.EntityType == nameof(WorkTask) && e.EntityId == task.Id.ToString(CultureInfo.InvariantCulture) && e.Action == AuditAction.Modified)
            .SingleAsync();
        Assert.Equal($$"""{"Title":"{{oldTitle}}"}""", entry.Before);
        Assert.Equal("""{"Title":"改过的标题"}""", entry.After);
    }

    [Fact]
    public async Task Deleting_records_what_was_there()
    {
        await using var data = db.NewContext();
        var unit = new OrgUnit { Name = "将被删除的单位" };
        data.Units.Add(unit);
        await data.SaveChangesAsync();
        data.Units.Remove(unit);
        await data.SaveChangesAsync();

        var entry = await data.AuditEntries.SingleAsync(e => e.EntityType == nameof(OrgUnit) && e.EntityId == unit.Id.ToString(CultureInfo.InvariantCulture) && e.Action == AuditAction.Deleted);
        Assert.Contains("将被删除的单位", entry.Before);
        Assert.Null(entry.After);
    }

    [Fact]
    public async Task A_save_that_changes_nothing_audited_writes_no_entry()
    {
        await using var data = db.NewContext();
        var before = await data.AuditEntries.CountAsync();
        var task = await data.Tasks.OrderBy(t => t.Id).Skip(1).FirstAsync();
        task.Title = task.Title;
        await data.SaveChangesAsync();

        Assert.Equal(before, await data.AuditEntries.CountAsync());
    }
}

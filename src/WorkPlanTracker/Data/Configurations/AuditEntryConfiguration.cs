using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkPlanTracker.Domain;

namespace WorkPlanTracker.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public const string DeletedIndexName = "IX_AuditEntries_Deleted";

    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.Property(e => e.UserName).HasMaxLength(100);
        entry.Property(e => e.EntityType).HasMaxLength(100);
        entry.Property(e => e.EntityId).HasMaxLength(50);
        entry.Property(e => e.Reason).HasMaxLength(1000);
        entry.HasIndex(e => new { e.EntityType, e.EntityId });
        entry.HasIndex(e => e.AtUtc);

        // Deletions are few among millions of entries; a task's history looks up its removed assignments among them
        // (by the task id in the deleted row's JSON), which without this index reads every assignment entry ever written.
        entry.HasIndex(e => e.EntityType).HasDatabaseName(DeletedIndexName).HasFilter($"\"Action\" = {(int)AuditAction.Deleted}");
    }
}

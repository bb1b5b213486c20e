using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkPlanTracker.Domain;

namespace WorkPlanTracker.Data.Configurations;

internal sealed class TaskAssignmentConfiguration : IEntityTypeConfiguration<TaskAssignment>
{
    public void Configure(EntityTypeBuilder<TaskAssignment> assignment)
    {
        assignment.HasIndex(a => new { a.TaskId, a.OrgUnitId }).IsUnique();
        assignment.Property(a => a.Version).IsConcurrencyToken();
        assignment.Property(a => a.ReturnReason).HasMaxLength(1000);
        assignment.Property(a => a.CompletionSummary).HasMaxLength(4000);
        assignment.HasIndex(a => new { a.OrgUnitId, a.Status });
        assignment.HasOne(a => a.OrgUnit).WithMany().HasForeignKey(a => a.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        assignment.HasMany(a => a.Reports).WithOne(r => r.Assignment).HasForeignKey(r => r.AssignmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

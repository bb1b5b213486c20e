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
        // The office's lists across every unit: 待审核 (one status) and 逾期 (open and due before today) without a table scan.
        assignment.HasIndex(a => new { a.Status, a.DueDate });
        assignment.HasOne(a => a.OrgUnit).WithMany().HasForeignKey(a => a.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        assignment.HasMany(a => a.Reports).WithOne(r => r.Assignment).HasForeignKey(r => r.AssignmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkPlanTracker.Domain;

namespace WorkPlanTracker.Data.Configurations;

internal sealed class WorkTaskConfiguration : IEntityTypeConfiguration<WorkTask>
{
    public void Configure(EntityTypeBuilder<WorkTask> task)
    {
        task.Property(t => t.Version).IsConcurrencyToken();
        task.Property(t => t.Path).HasMaxLength(100);
        task.Property(t => t.Title).HasMaxLength(500);
        task.Property(t => t.DeadlineText).HasMaxLength(200);
        task.HasIndex(t => new { t.PlanId, t.Path }).IsUnique();
        task.HasIndex(t => t.Deadline);
        task.HasOne(t => t.Section).WithMany().HasForeignKey(t => t.SectionId).OnDelete(DeleteBehavior.Restrict);
        task.HasOne<WorkTask>().WithMany().HasForeignKey(t => t.ParentTaskId).OnDelete(DeleteBehavior.Restrict);
        task.Property(t => t.YearEndNote).HasMaxLength(500);
        task.HasOne<WorkTask>().WithMany().HasForeignKey(t => t.PreviousTaskId).OnDelete(DeleteBehavior.SetNull);
        task.HasIndex(t => t.PreviousTaskId);
        task.OwnsMany(t => t.Milestones, m => m.ToJson());
        task.HasMany(t => t.Parties).WithOne(p => p.WorkTask).HasForeignKey(p => p.TaskId).OnDelete(DeleteBehavior.Cascade);
        task.HasMany(t => t.Assignments).WithOne(a => a.WorkTask).HasForeignKey(a => a.TaskId).OnDelete(DeleteBehavior.Cascade);
        task.Ignore(t => t.LeadParties);
        task.Ignore(t => t.SupportingParties);
        task.Ignore(t => t.ReportingCycleOverride);
        task.Ignore(t => t.MilestoneDates);
        task.Ignore(t => t.IsSettled);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkPlanTracker.Domain;

namespace WorkPlanTracker.Data.Configurations;

internal sealed class UpperTaskLinkConfiguration : IEntityTypeConfiguration<UpperTaskLink>
{
    public void Configure(EntityTypeBuilder<UpperTaskLink> link)
    {
        link.Property(l => l.LinkedBy).HasMaxLength(256).IsRequired();
        link.HasOne(l => l.UpperTask).WithMany().HasForeignKey(l => l.UpperTaskId).OnDelete(DeleteBehavior.Cascade);
        link.HasOne(l => l.OwnTask).WithMany().HasForeignKey(l => l.OwnTaskId).OnDelete(DeleteBehavior.Cascade);
        link.HasIndex(l => new { l.UpperTaskId, l.OwnTaskId }).IsUnique();
        link.HasIndex(l => l.OwnTaskId);
    }
}

internal sealed class ReceivedFillInConfiguration : IEntityTypeConfiguration<ReceivedFillIn>
{
    public void Configure(EntityTypeBuilder<ReceivedFillIn> received)
    {
        received.Property(r => r.FileName).HasMaxLength(260).IsRequired();
        received.Property(r => r.ReceivedBy).HasMaxLength(256).IsRequired();
        received.HasOne(r => r.Plan).WithMany().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Cascade);
        received.HasIndex(r => r.PlanId).IsUnique();
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkPlanTracker.Domain;

namespace WorkPlanTracker.Data.Configurations;

internal sealed class PlanSectionConfiguration : IEntityTypeConfiguration<PlanSection>
{
    public void Configure(EntityTypeBuilder<PlanSection> section)
    {
        section.Property(s => s.Path).HasMaxLength(100);
        section.Property(s => s.Title).HasMaxLength(500);
        section.HasIndex(s => new { s.PlanId, s.Path }).IsUnique();
        // Sections go with their plan; deleting a parent section alone is not a thing the app does.
        section.HasOne(s => s.Parent).WithMany(s => s.Children).HasForeignKey(s => s.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkPlanTracker.Domain;

namespace WorkPlanTracker.Data.Configurations;

internal sealed class WorkPlanConfiguration : IEntityTypeConfiguration<WorkPlan>
{
    public void Configure(EntityTypeBuilder<WorkPlan> plan)
    {
        plan.Property(p => p.Version).IsConcurrencyToken();
        plan.Property(p => p.Title).HasMaxLength(300);
        plan.Property(p => p.Issuer).HasMaxLength(200);
        plan.Property(p => p.DocumentNumber).HasMaxLength(100);
        plan.Property(p => p.SourceFileName).HasMaxLength(260);
        plan.HasIndex(p => new { p.Year, p.Title });
        plan.Property(p => p.PublicKey).HasMaxLength(32);
        plan.HasIndex(p => p.PublicKey).IsUnique();
        plan.HasMany(p => p.Sections).WithOne(s => s.Plan).HasForeignKey(s => s.PlanId).OnDelete(DeleteBehavior.Cascade);
        plan.HasMany(p => p.Tasks).WithOne(t => t.Plan).HasForeignKey(t => t.PlanId).OnDelete(DeleteBehavior.Cascade);
        // Table splitting: the source text stays in the Plans row but is read only with Include(p => p.Source).
        plan.HasOne(p => p.Source).WithOne().HasForeignKey<PlanSource>(s => s.PlanId);
        plan.Navigation(p => p.Source).IsRequired();
        plan.Ignore(p => p.DisplayTitle);
        plan.Ignore(p => p.ReportingCycle);
    }
}

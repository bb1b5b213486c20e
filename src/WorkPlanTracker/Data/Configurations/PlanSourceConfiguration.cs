using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkPlanTracker.Domain;

namespace WorkPlanTracker.Data.Configurations;

internal sealed class PlanSourceConfiguration : IEntityTypeConfiguration<PlanSource>
{
    public void Configure(EntityTypeBuilder<PlanSource> source)
    {
        source.ToTable("Plans");
        source.HasKey(s => s.PlanId);
        source.Property(s => s.PlanId).HasColumnName("Id");
        source.Property(s => s.Text).HasColumnName("SourceText");
        source.Property(s => s.ImportSnapshot).HasColumnName("ImportSnapshot");
    }
}

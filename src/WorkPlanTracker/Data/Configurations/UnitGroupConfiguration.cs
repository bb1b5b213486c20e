using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkPlanTracker.Domain;

namespace WorkPlanTracker.Data.Configurations;

internal sealed class UnitGroupConfiguration : IEntityTypeConfiguration<UnitGroup>
{
    public void Configure(EntityTypeBuilder<UnitGroup> group)
    {
        group.Property(g => g.Name).HasMaxLength(200);
        group.HasIndex(g => g.Name).IsUnique();
        group.HasMany(g => g.Members).WithMany(u => u.Groups).UsingEntity("UnitGroupMembers");
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkPlanTracker.Domain;

namespace WorkPlanTracker.Data.Configurations;

internal sealed class TaskPartyConfiguration : IEntityTypeConfiguration<TaskParty>
{
    public void Configure(EntityTypeBuilder<TaskParty> party)
    {
        party.Property(p => p.NameAsWritten).HasMaxLength(200);
        party.HasOne(p => p.OrgUnit).WithMany().HasForeignKey(p => p.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        party.HasOne(p => p.UnitGroup).WithMany().HasForeignKey(p => p.UnitGroupId).OnDelete(DeleteBehavior.Restrict);
        party.Ignore(p => p.DisplayName);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkPlanTracker.Domain;

namespace WorkPlanTracker.Data.Configurations;

internal sealed class LedgerImportConfiguration : IEntityTypeConfiguration<LedgerImport>
{
    public void Configure(EntityTypeBuilder<LedgerImport> import)
    {
        import.Property(i => i.ContentHash).HasMaxLength(LedgerImport.HashLength).IsRequired();
        import.Property(i => i.ImportedBy).HasMaxLength(256).IsRequired();
        import.HasOne(i => i.OrgUnit).WithMany().HasForeignKey(i => i.OrgUnitId).OnDelete(DeleteBehavior.Cascade);
        import.HasIndex(i => new { i.OrgUnitId, i.ContentHash });
    }
}

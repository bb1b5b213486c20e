using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkPlanTracker.Domain;

namespace WorkPlanTracker.Data.Configurations;

internal sealed class EvidenceFileConfiguration : IEntityTypeConfiguration<EvidenceFile>
{
    public void Configure(EntityTypeBuilder<EvidenceFile> file)
    {
        file.HasOne(f => f.Report).WithMany(r => r.Files).HasForeignKey(f => f.ReportId).OnDelete(DeleteBehavior.Cascade);
        file.Property(f => f.FileName).HasMaxLength(EvidenceFile.MaxFileNameLength);
        file.Property(f => f.ContentType).HasMaxLength(100);
        file.Property(f => f.StoredName).HasMaxLength(64);
        file.HasIndex(f => f.StoredName).IsUnique();
    }
}

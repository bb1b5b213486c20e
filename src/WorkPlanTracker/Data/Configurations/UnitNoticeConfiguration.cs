using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkPlanTracker.Domain;

namespace WorkPlanTracker.Data.Configurations;

internal sealed class UnitNoticeConfiguration : IEntityTypeConfiguration<UnitNotice>
{
    public void Configure(EntityTypeBuilder<UnitNotice> notice)
    {
        notice.Property(n => n.Title).HasMaxLength(UnitNotice.TitleLength);
        notice.Property(n => n.Body).HasMaxLength(UnitNotice.BodyLength);
        notice.Property(n => n.Link).HasMaxLength(300);
        notice.HasOne(n => n.OrgUnit).WithMany().HasForeignKey(n => n.OrgUnitId).OnDelete(DeleteBehavior.Cascade);
        notice.HasIndex(n => new { n.OrgUnitId, n.CreatedAtUtc });
        notice.HasIndex(n => new { n.Kind, n.DigestDay });
    }
}

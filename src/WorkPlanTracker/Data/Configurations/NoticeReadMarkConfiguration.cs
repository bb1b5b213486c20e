using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkPlanTracker.Domain;

namespace WorkPlanTracker.Data.Configurations;

internal sealed class NoticeReadMarkConfiguration : IEntityTypeConfiguration<NoticeReadMark>
{
    public void Configure(EntityTypeBuilder<NoticeReadMark> mark)
    {
        mark.Property(m => m.UserId).HasMaxLength(450);
        mark.HasOne<UnitNotice>().WithMany().HasForeignKey(m => m.UnitNoticeId).OnDelete(DeleteBehavior.Cascade);
        mark.HasIndex(m => new { m.UserId, m.UnitNoticeId }).IsUnique();
    }
}

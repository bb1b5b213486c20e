using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkPlanTracker.Domain;

namespace WorkPlanTracker.Data.Configurations;

internal sealed class PersonalNoticeConfiguration : IEntityTypeConfiguration<PersonalNotice>
{
    public void Configure(EntityTypeBuilder<PersonalNotice> notice)
    {
        notice.Property(n => n.UserId).HasMaxLength(450);
        notice.Property(n => n.Title).HasMaxLength(200);
        notice.Property(n => n.Body).HasMaxLength(4000);
        notice.Property(n => n.Link).HasMaxLength(300);
        notice.HasIndex(n => new { n.UserId, n.ReadAtUtc });
    }
}

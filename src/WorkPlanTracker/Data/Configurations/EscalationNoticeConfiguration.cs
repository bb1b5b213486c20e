using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkPlanTracker.Domain;

namespace WorkPlanTracker.Data.Configurations;

internal sealed class EscalationNoticeConfiguration : IEntityTypeConfiguration<EscalationNotice>
{
    public void Configure(EntityTypeBuilder<EscalationNotice> notice)
    {
        notice.Property(n => n.Text).HasMaxLength(EscalationNotice.MaxTextLength).IsRequired();
        notice.Property(n => n.Response).HasMaxLength(EscalationNotice.MaxTextLength);
        notice.Property(n => n.IssuedBy).HasMaxLength(256).IsRequired();
        notice.HasOne(n => n.Assignment).WithMany().HasForeignKey(n => n.AssignmentId).OnDelete(DeleteBehavior.Cascade);

        // The database, not only the service, keeps numbers unique and one notice open per assignment,
        // so two office users issuing at the same moment cannot both succeed.
        notice.HasIndex(n => new { n.Year, n.Sequence }).IsUnique();
        notice.HasIndex(n => n.AssignmentId, "IX_EscalationNotices_OneOpenPerAssignment").IsUnique().HasFilter("\"RespondedAtUtc\" IS NULL");
        notice.HasIndex(n => n.AssignmentId);
    }
}

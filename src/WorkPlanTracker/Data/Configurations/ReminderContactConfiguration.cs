using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkPlanTracker.Domain;

namespace WorkPlanTracker.Data.Configurations;

internal sealed class ReminderContactConfiguration : IEntityTypeConfiguration<ReminderContact>
{
    public void Configure(EntityTypeBuilder<ReminderContact> contact)
    {
        contact.Property(c => c.UserId).HasMaxLength(450);
        contact.Property(c => c.Email).HasMaxLength(200);
        contact.Property(c => c.WebhookUrl).HasMaxLength(500);
        contact.Property(c => c.LeaderName).HasMaxLength(100);
        contact.Property(c => c.LeaderEmail).HasMaxLength(200);
        contact.HasOne(c => c.OrgUnit).WithMany().HasForeignKey(c => c.OrgUnitId).OnDelete(DeleteBehavior.Cascade);
        contact.HasIndex(c => c.OrgUnitId).IsUnique();
        contact.HasIndex(c => c.UserId).IsUnique();
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkPlanTracker.Domain;

namespace WorkPlanTracker.Data.Configurations;

internal sealed class ReminderSentItemConfiguration : IEntityTypeConfiguration<ReminderSentItem>
{
    public void Configure(EntityTypeBuilder<ReminderSentItem> item)
    {
        item.Property(i => i.RecipientKey).HasMaxLength(500);

        // The catch-up reads a window of days for all recipients at once.
        item.HasIndex(i => new { i.DigestDay, i.RecipientKey });
        item.HasIndex(i => new { i.RecipientKey, i.AssignmentId, i.Kind, i.ItemDate, i.FiredOn }).IsUnique();
    }
}

internal sealed class ReminderPlannedDayConfiguration : IEntityTypeConfiguration<ReminderPlannedDay>
{
    public void Configure(EntityTypeBuilder<ReminderPlannedDay> day) => day.HasKey(d => d.Day);
}

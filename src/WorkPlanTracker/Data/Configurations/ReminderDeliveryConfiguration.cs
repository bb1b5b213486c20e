using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkPlanTracker.Domain;

namespace WorkPlanTracker.Data.Configurations;

internal sealed class ReminderDeliveryConfiguration : IEntityTypeConfiguration<ReminderDelivery>
{
    public void Configure(EntityTypeBuilder<ReminderDelivery> delivery)
    {
        delivery.Property(d => d.RecipientKey).HasMaxLength(500);
        delivery.Property(d => d.RecipientName).HasMaxLength(200);
        delivery.Property(d => d.UserId).HasMaxLength(450);
        delivery.Property(d => d.Address).HasMaxLength(500);
        delivery.Property(d => d.Title).HasMaxLength(200);
        delivery.Property(d => d.LastError).HasMaxLength(1000);
        delivery.Property(d => d.AttemptLog).HasMaxLength(ReminderDelivery.MaxAttemptLog);

        // The same recipient gets at most one message per channel and day, whatever restarts or retries happen.
        delivery.HasIndex(d => new { d.RecipientKey, d.Channel, d.Day }).IsUnique();
        delivery.HasIndex(d => new { d.Status, d.NextAttemptAtUtc });
        delivery.HasIndex(d => d.Day);
    }
}

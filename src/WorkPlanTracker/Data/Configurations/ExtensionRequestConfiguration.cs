using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkPlanTracker.Domain;

namespace WorkPlanTracker.Data.Configurations;

internal sealed class ExtensionRequestConfiguration : IEntityTypeConfiguration<ExtensionRequest>
{
    public void Configure(EntityTypeBuilder<ExtensionRequest> request)
    {
        request.Property(r => r.Reason).HasMaxLength(1000);
        request.Property(r => r.RefusalReason).HasMaxLength(1000);
        request.HasOne(r => r.Assignment).WithMany(a => a.Extensions).HasForeignKey(r => r.AssignmentId).OnDelete(DeleteBehavior.Cascade);
        request.HasIndex(r => new { r.AssignmentId, r.Status });
    }
}

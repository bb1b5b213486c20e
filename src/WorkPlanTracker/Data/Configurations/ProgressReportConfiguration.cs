using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkPlanTracker.Domain;

namespace WorkPlanTracker.Data.Configurations;

internal sealed class ProgressReportConfiguration : IEntityTypeConfiguration<ProgressReport>
{
    public void Configure(EntityTypeBuilder<ProgressReport> report)
    {
        report.PrimitiveCollection(r => r.EvidenceLinks);
        report.Property(r => r.PublicSummary).HasMaxLength(ProgressReport.MaxPublicSummaryLength);
        // ReturnedAtUtc and the day of month ride along so the ranking counts reports per unit from the index alone.
        report.HasIndex(r => new { r.AssignmentId, r.ReportedAtUtc, r.ReturnedAtUtc, r.ReportedDayOfMonth });
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkPlanTracker.Domain;

namespace WorkPlanTracker.Data.Configurations;

internal sealed class AssessmentWeightsConfiguration : IEntityTypeConfiguration<AssessmentWeights>
{
    public void Configure(EntityTypeBuilder<AssessmentWeights> weights)
    {
        weights.Property(w => w.ChangedBy).HasMaxLength(256);
    }
}

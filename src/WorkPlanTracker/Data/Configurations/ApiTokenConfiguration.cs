using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkPlanTracker.Domain;

namespace WorkPlanTracker.Data.Configurations;

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> token)
    {
        token.Property(t => t.OwnerUserId).HasMaxLength(450);
        token.Property(t => t.Name).HasMaxLength(ApiToken.MaxNameLength);
        token.Property(t => t.TokenHash).HasMaxLength(64);
        token.Property(t => t.Prefix).HasMaxLength(16);
        // Deleting an account takes its tokens with it: nothing may call as a person who no longer exists.
        token.HasOne<AppUser>().WithMany().HasForeignKey(t => t.OwnerUserId).OnDelete(DeleteBehavior.Cascade);
        token.HasIndex(t => t.TokenHash).IsUnique();
        token.HasIndex(t => t.OwnerUserId);
    }
}

using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Domain;

namespace WorkPlanTracker.Data;

public class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<AppUser>(options)
{
    public DbSet<WorkPlan> Plans => Set<WorkPlan>();
    public DbSet<PlanSection> Sections => Set<PlanSection>();
    public DbSet<WorkTask> Tasks => Set<WorkTask>();
    public DbSet<TaskParty> TaskParties => Set<TaskParty>();
    public DbSet<OrgUnit> Units => Set<OrgUnit>();
    public DbSet<UnitGroup> UnitGroups => Set<UnitGroup>();
    public DbSet<TaskAssignment> Assignments => Set<TaskAssignment>();
    public DbSet<ProgressReport> ProgressReports => Set<ProgressReport>();
    public DbSet<EvidenceFile> EvidenceFiles => Set<EvidenceFile>();
    public DbSet<UnitNotice> UnitNotices => Set<UnitNotice>();
    public DbSet<ExtensionRequest> ExtensionRequests => Set<ExtensionRequest>();
    public DbSet<EscalationNotice> EscalationNotices => Set<EscalationNotice>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ReminderSettings> ReminderSettings => Set<ReminderSettings>();
    public DbSet<ReminderContact> ReminderContacts => Set<ReminderContact>();
    public DbSet<ReminderDelivery> ReminderDeliveries => Set<ReminderDelivery>();
    public DbSet<ReminderSentItem> ReminderSentItems => Set<ReminderSentItem>();
    public DbSet<ReminderPlannedDay> ReminderPlannedDays => Set<ReminderPlannedDay>();
    public DbSet<PersonalNotice> PersonalNotices => Set<PersonalNotice>();
    public DbSet<NoticeReadMark> NoticeReadMarks => Set<NoticeReadMark>();
    public DbSet<AssessmentWeights> AssessmentWeights => Set<AssessmentWeights>();
    public DbSet<LedgerImport> LedgerImports => Set<LedgerImport>();
    public DbSet<UpperTaskLink> UpperTaskLinks => Set<UpperTaskLink>();
    public DbSet<ReceivedFillIn> ReceivedFillIns => Set<ReceivedFillIn>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    /// <summary>The reason the current change is made; the audit trail stores it with every entry of the save.</summary>
    public string? ChangeReason { get; set; }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    // A changed plan, task or assignment gets a new version, so a second editor's save against the old one fails as a conflict.
    private void StampVersions()
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>().Where(e => e.State == EntityState.Modified))
        {
            entry.Entity.MarkChanged();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}

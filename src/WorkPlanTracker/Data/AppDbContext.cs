using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Domain;

namespace WorkPlanTracker.Data;

public class AppDbContext(DbContextOptions<AppDbContext> options) : DbContext(options)
{
    public DbSet<WorkPlan> Plans => Set<WorkPlan>();
    public DbSet<PlanSection> Sections => Set<PlanSection>();
    public DbSet<WorkTask> Tasks => Set<WorkTask>();
    public DbSet<TaskParty> TaskParties => Set<TaskParty>();
    public DbSet<OrgUnit> Units => Set<OrgUnit>();
    public DbSet<UnitGroup> UnitGroups => Set<UnitGroup>();
    public DbSet<TaskAssignment> Assignments => Set<TaskAssignment>();
    public DbSet<ProgressReport> ProgressReports => Set<ProgressReport>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
}

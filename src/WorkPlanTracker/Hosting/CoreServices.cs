using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using WorkPlanTracker.Data;
using WorkPlanTracker.Features.Assignments;
using WorkPlanTracker.Features.Dashboard;
using WorkPlanTracker.Features.Escalations;
using WorkPlanTracker.Features.Evidence;
using WorkPlanTracker.Features.Import;
using WorkPlanTracker.Features.Import.Documents;
using WorkPlanTracker.Features.Plans;
using WorkPlanTracker.Features.Units;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Hosting;

/// <summary>Services shared by the web app and the command-line verbs.</summary>
public static class CoreServices
{
    public static IHostApplicationBuilder AddWorkPlanTrackerCore(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>()
            .Bind(builder.Configuration.GetSection(StorageOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<SamplePlanOptions>()
            .Bind(builder.Configuration.GetSection(SamplePlanOptions.Section))
            .ValidateOnStart();

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.TryAddScoped<ICurrentUser, SystemUser>();
        builder.Services.AddScoped<AuditingInterceptor>();
        // Scoped, so each circuit or request gets contexts whose audit trail names its own signed-in user.
        builder.Services.AddDbContextFactory<AppDbContext, AppDbContextFactory>(
            (services, options) => options
                .UseConfiguredProvider(services.GetRequiredService<IOptions<StorageOptions>>().Value)
                .AddInterceptors(services.GetRequiredService<AuditingInterceptor>()),
            ServiceLifetime.Scoped);

        builder.Services.AddSingleton<PlanTextParser>();
        builder.Services.AddOptions<ImportOptions>()
            .Bind(builder.Configuration.GetSection(ImportOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(services => new PlanDocumentReader(new PlanDocumentReaderOptions(), services.GetRequiredService<IOptions<ImportOptions>>().Value));
        builder.Services.AddSingleton<ImportEvaluation>();
        builder.Services.AddScoped<PlanImportService>();
        builder.Services.AddSingleton<ImportSourceService>();
        builder.Services.AddScoped<SamplePlanSeeder>();
        builder.Services.AddScoped<DatabaseStartup>();
        builder.Services.AddScoped<IDatabasePreparation>(sp => sp.GetRequiredService<DatabaseStartup>());
        builder.Services.AddScoped<PlanQueryService>();
        builder.Services.AddScoped<UnitQueryService>();
        builder.Services.AddScoped<UnitGroupService>();
        builder.Services.AddScoped<PlanPublishingService>();
        builder.Services.AddScoped<Features.Rollover.RolloverService>();
        builder.Services.AddScoped<Features.Rollover.YearOverYearService>();
        builder.Services.AddSingleton<EvidenceStore>();
        builder.Services.AddScoped<AssignmentService>();
        builder.Services.AddScoped<AssignmentListService>();
        builder.Services.AddScoped<TaskHistoryService>();
        builder.Services.AddScoped<EscalationService>();
        builder.Services.AddScoped<PersonNameService>();
        builder.Services.AddScoped<AssignmentEditingService>();
        builder.Services.AddScoped<UnitNoticeService>();
        builder.Services.AddScoped<ReportingCycleService>();
        builder.Services.AddScoped<Features.PublicProgress.PublicProgressService>();
        builder.AddReminders();
        builder.Services.AddScoped<DashboardService>();
        builder.Services.AddScoped<AnnualReportService>();
        builder.Services.AddScoped<Features.Ledger.LedgerService>();
        builder.Services.AddScoped<Features.Ledger.LedgerUploadService>();
        builder.Services.AddScoped<Features.UpperPlans.UpperPlanService>();
        builder.Services.AddSingleton<Features.Uploads.HeavyUploadGate>();
        builder.Services.AddScoped<Features.Uploads.UploadScratchSpace>();
        return builder;
    }
}

using Hangfire;
using Hangfire.InMemory;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using WorkPlanTracker.Features.Reminders;

namespace WorkPlanTracker.Hosting;

/// <summary>Reminders (issue 5): rules, planner and senders for every host; Hangfire scheduling and dashboard for the web app.</summary>
public static class ReminderServices
{
    public static IHostApplicationBuilder AddReminders(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReminderOptions>()
            .Bind(builder.Configuration.GetSection(ReminderOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<ReminderSmtpOptions>()
            .Bind(builder.Configuration.GetSection(ReminderSmtpOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.ValidationError() is null, "配置了 Reminders:Smtp:Host 时须同时配置正确的发件地址 Reminders:Smtp:From")
            .ValidateOnStart();
        builder.Services.AddSingleton(services => HolidayCalendarFiles.Load(services.GetRequiredService<IOptions<ReminderOptions>>()));
        builder.Services.AddHttpClient(ReminderWebhookSender.HttpClientName)
            .ConfigureHttpClient((services, client) => client.Timeout = TimeSpan.FromSeconds(services.GetRequiredService<IOptions<ReminderOptions>>().Value.WebhookTimeoutSeconds));
        builder.Services.AddScoped<ReminderPlanner>();
        builder.Services.AddScoped<ReminderSettingsService>();
        builder.Services.AddScoped<ReminderContactService>();
        builder.Services.AddScoped<DeliveryLogService>();
        builder.Services.AddScoped<ReminderMailSender>();
        builder.Services.AddScoped<ReminderWebhookSender>();
        builder.Services.AddScoped<ReminderDeliveryJob>();
        builder.Services.AddScoped<ReminderPlanningJob>();
        builder.Services.TryAddSingleton<IReminderDeliveryQueue, SweepOnlyDeliveryQueue>();
        return builder;
    }

    /// <summary>
    /// Hangfire with in-memory storage (the app's database holds what matters). The server runs only when
    /// Reminders:RunScheduler is on; the dashboard is always mapped, for administrators.
    /// </summary>
    public static WebApplicationBuilder AddReminderScheduling(this WebApplicationBuilder builder)
    {
        builder.Services.AddHangfire(config => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseInMemoryStorage(new InMemoryStorageOptions { MaxExpirationTime = TimeSpan.FromDays(3) }));
        builder.Services.AddScoped<InboxService>();
        builder.Services.AddScoped<InboxState>();
        if (builder.Configuration.GetValue($"{ReminderOptions.Section}:{nameof(ReminderOptions.RunScheduler)}", true))
        {
            builder.Services.Replace(ServiceDescriptor.Singleton<IReminderDeliveryQueue, HangfireDeliveryQueue>());
            builder.Services.AddHangfireServer(options =>
            {
                options.WorkerCount = 2;
                options.SchedulePollingInterval = TimeSpan.FromSeconds(15);
            });
            builder.Services.AddHostedService<ReminderScheduler>();
        }

        return builder;
    }

    public static WebApplication MapReminderDashboard(this WebApplication app)
    {
        // Hangfire refuses with a bare 401/403; the app-wide status page would read 页面不存在. Show the app's
        // access-denied page instead, keeping the status code.
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments("/hangfire", StringComparison.OrdinalIgnoreCase),
            branch => branch.UseStatusCodePagesWithReExecute("/account/access-denied"));
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new AdminDashboardAuthorization()],
            DashboardTitle = "工作计划督办台 · 后台任务",
            AppPath = "/reminders/log",
        });
        return app;
    }
}

using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using WorkPlanTracker.Features.Reminders;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Hosting;

/// <summary>
/// Reminders: rules, planner and senders for every host (the CLI plans and sends too); Hangfire scheduling and its
/// dashboard only for the web app, the one process that stays up to run them on time.
/// </summary>
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
    /// Hangfire with in-memory storage on SQLite (the app's database holds what matters) and PostgreSQL storage on
    /// PostgreSQL (in its own "hangfire" schema of the app's database). The server runs only when
    /// Reminders:RunScheduler is on; the dashboard is always mapped, for administrators.
    /// </summary>
    public static WebApplicationBuilder AddReminderScheduling(this WebApplicationBuilder builder)
    {
        var storage = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        builder.Services.AddHangfire(config =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (storage.IsPostgreSql)
            {
                // Several instances share the schedule: a recurring job runs once across them (Hangfire's distributed
                // lock), and a queued job survives the instance that queued it.
                config.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(storage.ConnectionString));
            }
            else
            {
                config.UseInMemoryStorage(new InMemoryStorageOptions { MaxExpirationTime = TimeSpan.FromDays(3) });
            }
        });
        builder.Services.AddScoped<InboxService>();
        builder.Services.AddScoped<InboxState>();
        if (builder.Configuration.GetValue($"{ReminderOptions.Section}:{nameof(ReminderOptions.RunScheduler)}", true))
        {
            builder.Services.Replace(ServiceDescriptor.Singleton<IReminderDeliveryQueue, HangfireDeliveryQueue>());
            builder.Services.AddHangfireServer(options =>
            {
                options.WorkerCount = 2;
                options.SchedulePollingInterval = TimeSpan.FromSeconds(15);
                // Less than the host's own limit, so Hangfire gives up on a job that ignores the stop by itself
                // instead of being cancelled by the host mid-way (which logged an unhandled cancellation).
                options.ShutdownTimeout = WebServices.ShutdownTimeout / 2;
            });
            builder.Services.AddHostedService<ReminderScheduler>();
        }

        return builder;
    }

    public static WebApplication MapReminderDashboard(this WebApplication app)
    {
        // Hangfire refuses with a bare 401/403, which the app-wide status page would turn into 页面不存在: say 无权访问
        // instead, keeping the status code.
        app.Use(async (context, next) =>
        {
            await next();
            if (context.Request.Path.StartsWithSegments("/hangfire", StringComparison.OrdinalIgnoreCase)
                && context.Response.StatusCode is StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden
                && !context.Response.HasStarted && context.Response.ContentType is null)
            {
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync(DashboardRefusal(context.Response.StatusCode == StatusCodes.Status401Unauthorized));
            }
        });
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new AdminDashboardAuthorization()],
            DashboardTitle = "工作计划督办台 · 后台任务",
            AppPath = "/reminders/log",
        });
        return app;
    }

    private static string DashboardRefusal(bool signedOut) => $"""
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="utf-8"><title>无权访问 - 工作计划督办台</title></head>
        <body style="font-family: sans-serif; margin: 3rem;">
        <h1>无权访问</h1>
        <p>后台任务页面仅限系统管理员访问。{(signedOut ? "请先<a href=\"/account/login?ReturnUrl=%2Fhangfire\">登录</a>管理员账号。" : "您的账号没有这个权限，如需开通，请联系系统管理员。")}</p>
        <p><a href="/">返回首页</a></p>
        </body></html>
        """;
}

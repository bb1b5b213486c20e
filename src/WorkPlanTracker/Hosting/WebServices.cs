using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using BootstrapBlazor.Components;
using WorkPlanTracker.Components;
using WorkPlanTracker.Features.Accounts;
using WorkPlanTracker.Features.Api;
using WorkPlanTracker.Features.Assignments;
using WorkPlanTracker.Features.Dashboard;
using WorkPlanTracker.Features.Evidence;
using WorkPlanTracker.Features.Ledger;
using WorkPlanTracker.Features.PublicProgress;
using WorkPlanTracker.Features.UpperPlans;

namespace WorkPlanTracker.Hosting;

/// <summary>The web app's own registrations and request pipeline.</summary>
public static class WebServices
{
    public static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    /// <summary>How long a stop waits for running work before it ends anyway.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(5);

    public static WebApplicationBuilder AddWorkPlanTrackerWeb(this WebApplicationBuilder builder)
    {
        // Package assets (BootstrapBlazor's css/js) are served from the build output also outside Development.
        builder.WebHost.UseStaticWebAssets();
        // A stop (SIGTERM from systemd or docker, which kill after 10 s) ends within seconds: open circuits and a
        // job that does not listen are not waited for 30 s. Reminder rows stay due and are sent after the restart.
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = ShutdownTimeout);
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        // Chinese text goes out as characters, not as &#x...; entities: pages stay readable and half the size.
        builder.Services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddBootstrapBlazor();
        builder.Services.AddSingleton<PrerenderHandOver>();
        builder.Services.Configure<BootstrapBlazorOptions>(options =>
        {
            options.DefaultCultureInfo = Chinese.Name;
            options.SupportedCultures = [Chinese.Name];
            // Its error boundary writes the exception text as markup, and that text can echo the address: the
            // layout's own boundary shows a fixed message instead.
            options.EnableErrorLogger = false;
        });
        builder.Services.AddLocalization();
        builder.AddAccounts();
        builder.AddInstallationKeyRing();
        // The server's name and version help only an attacker.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.AddReminderScheduling();
        builder.AddPublicProgress();
        builder.AddApi();
        return builder;
    }

    public static WebApplication UseWorkPlanTracker(this WebApplication app)
    {
        CultureInfo.DefaultThreadCurrentCulture = Chinese;
        CultureInfo.DefaultThreadCurrentUICulture = Chinese;
        app.UseRequestLocalization(options =>
        {
            options.SetDefaultCulture(Chinese.Name);
            options.AddSupportedCultures(Chinese.Name);
            options.AddSupportedUICultures(Chinese.Name);
        });

        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            // Sent on HTTPS responses only; see README 安全 / Security measures for running behind a proxy.
            app.UseHsts();
        }

        app.UseSecurityHeaders();

        app.UseStatusCodePagesWithReExecute("/not-found");
        app.UseApiProblems();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UsePublicProgress();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAccountEndpoints();
        app.MapEvidenceEndpoints();
        app.MapReminderDashboard();
        app.MapDashboardEndpoints();
        app.MapLedgerEndpoints();
        app.MapUpperPlanEndpoints();
        app.MapAssignmentEndpoints();
        app.MapPublicProgressEndpoints();
        app.MapApiEndpoints();
        return app;
    }
}

using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WorkPlanTracker.Data;
using WorkPlanTracker.Features.Accounts;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Hosting;

/// <summary>Sign-in with ASP.NET Core Identity in the app's own database: cookies, roles, password rules, lockout.</summary>
public static class AccountServices
{
    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        var accounts = builder.Configuration.GetSection(AccountsOptions.Section).Get<AccountsOptions>() ?? new AccountsOptions();
        builder.Services.AddOptions<AccountsOptions>().Bind(builder.Configuration.GetSection(AccountsOptions.Section))
            .Validate(o => o.MaxFailedLogins > 0 && o.MaxFailedLoginsPerSource > 0 && o.LockoutMinutes > 0,
                "Accounts:MaxFailedLogins、Accounts:MaxFailedLoginsPerSource 和 Accounts:LockoutMinutes 必须大于 0")
            .ValidateOnStart();

        builder.Services.AddHttpContextAccessor();
        builder.Services.Replace(ServiceDescriptor.Scoped<ICurrentUser, SignedInUser>());
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<IdentityRedirectManager>();
        builder.Services.AddSingleton<AccountSessions>();
        builder.Services.AddSingleton<ISessionCheck>(sp => sp.GetRequiredService<AccountSessions>());
        builder.Services.AddSingleton<SignInThrottle>();
        builder.Services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        builder.Services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        builder.Services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/account/login";
            cookie.AccessDeniedPath = "/account/access-denied";
            cookie.Cookie.Name = "WorkPlanTracker.Auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            // Secure whenever the page came over HTTPS (directly or through a proxy that says so, see README).
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            var refreshStamp = cookie.Events.OnValidatePrincipal;
            cookie.Events.OnValidatePrincipal = async context =>
            {
                await refreshStamp(context);
                // A disabled or changed account's cookie stops working on its next request, not 30 minutes later.
                if (context.Principal is { } principal
                    && !await context.HttpContext.RequestServices.GetRequiredService<AccountSessions>().IsCurrentAsync(principal, context.HttpContext.RequestAborted))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                }
            };
        });
        builder.Services.AddAuthorization();
        builder.Services.AddIdentityCore<AppUser>(options =>
            {
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = accounts.MaxFailedLogins;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(accounts.LockoutMinutes);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddErrorDescriber<ChineseIdentityErrorDescriber>();
        builder.Services.AddScoped<AccountSeeder>();
        builder.Services.AddScoped<UserAdminService>();
        builder.Services.AddScoped<ActorResolver>();
        return builder;
    }
}

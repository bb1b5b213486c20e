using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace WorkPlanTracker.Features.Accounts;

/// <summary>
/// Ends an open page's sign-in as soon as its account is disabled or changed: at once when the change is made in
/// this app (<see cref="AccountSessions.AccountChanged"/>), otherwise at the next check a few seconds later. The page
/// then shows the user as signed out and sends them to the login page.
/// </summary>
internal sealed class IdentityRevalidatingAuthenticationStateProvider : RevalidatingServerAuthenticationStateProvider
{
    private static readonly AuthenticationState SignedOut = new(new ClaimsPrincipal(new ClaimsIdentity()));

    private readonly AccountSessions sessions;

    public IdentityRevalidatingAuthenticationStateProvider(ILoggerFactory loggerFactory, AccountSessions sessions)
        : base(loggerFactory)
    {
        this.sessions = sessions;
        sessions.AccountChanged += OnAccountChanged;
        AuthenticationStateChanged += OnStateChanged;
    }

    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(10);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        await sessions.IsCurrentAsync(authenticationState.User, cancellationToken);

    // Raised on the administrator's thread: the check runs on its own and never throws back into the admin's save.
    private void OnAccountChanged(string userId) => _ = SignOutIfRevokedAsync(userId, null);

    // A page whose connection was made just before its account changed checks at once, not at the next interval.
    private void OnStateChanged(Task<AuthenticationState> state) => _ = SignOutIfRevokedAsync(null, state);

    private async Task SignOutIfRevokedAsync(string? changedUserId, Task<AuthenticationState>? known)
    {
        try
        {
            var state = await (known ?? GetAuthenticationStateAsync());
            if ((changedUserId is null || AccountSessions.UserId(state.User) == changedUserId) && !await sessions.IsCurrentAsync(state.User))
            {
                SetAuthenticationState(Task.FromResult(SignedOut));
            }
        }
        catch (InvalidOperationException)
        {
            // A circuit still starting has no state yet (it checks when it gets one), or one just closed.
        }
    }

    protected override void Dispose(bool disposing)
    {
        sessions.AccountChanged -= OnAccountChanged;
        AuthenticationStateChanged -= OnStateChanged;
        base.Dispose(disposing);
    }
}

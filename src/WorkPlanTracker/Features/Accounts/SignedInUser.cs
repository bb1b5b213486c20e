using Microsoft.AspNetCore.Components.Authorization;
using WorkPlanTracker.Data;

namespace WorkPlanTracker.Features.Accounts;

/// <summary>
/// The person acting, for the audit trail: in a Blazor circuit from its authentication state, in a plain
/// request from the HTTP context, and "系统" when nobody is signed in (first start, background work).
/// </summary>
internal sealed class SignedInUser(IHttpContextAccessor http, AuthenticationStateProvider? authentication = null) : ICurrentUser
{
    public string Name
    {
        get
        {
            if (http.HttpContext?.User.Identity is { IsAuthenticated: true, Name: { } requestUser })
            {
                return requestUser;
            }

            try
            {
                // The server provider holds an already completed task once the circuit has its user.
                var state = authentication?.GetAuthenticationStateAsync();
                if (state is { IsCompletedSuccessfully: true } && state.Result.User.Identity is { IsAuthenticated: true, Name: { } circuitUser })
                {
                    return circuitUser;
                }
            }
            catch (InvalidOperationException)
            {
                // Outside a circuit the provider has no state yet.
            }

            return "系统";
        }
    }
}

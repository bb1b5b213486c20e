using Microsoft.AspNetCore.Components;

namespace WorkPlanTracker.Features.Accounts;

/// <summary>Redirects from static-rendered account pages (from the ASP.NET Core Identity template), refusing open redirects.</summary>
internal sealed class IdentityRedirectManager(NavigationManager navigationManager)
{
    public const string StatusCookieName = "Identity.StatusMessage";

    private static readonly CookieBuilder StatusCookieBuilder = new()
    {
        SameSite = SameSiteMode.Strict,
        HttpOnly = true,
        IsEssential = true,
        MaxAge = TimeSpan.FromSeconds(5),
    };

    public void RedirectTo(string? uri) => navigationManager.NavigateTo(LocalUrl(uri, navigationManager.BaseUri));

    /// <summary>
    /// The address itself when it stays on this site, else the home page: a sign-in link may carry any returnUrl,
    /// and an address elsewhere (<c>https://…</c>, <c>//host</c>, <c>/\host</c>, <c>javascript:</c>) must not be followed.
    /// </summary>
    public static string LocalUrl(string? uri, string baseUri)
    {
        if (string.IsNullOrWhiteSpace(uri) || uri.Any(char.IsControl))
        {
            return "";
        }

        if (uri.StartsWith(baseUri, StringComparison.OrdinalIgnoreCase))
        {
            uri = "/" + uri[baseUri.Length..];
        }

        if (uri.StartsWith('/'))
        {
            return uri.Length > 1 && uri[1] is '/' or '\\' ? "" : uri;
        }

        var end = uri.IndexOfAny(['/', '?', '#']);
        var head = end < 0 ? uri : uri[..end];
        return head.Contains(':', StringComparison.Ordinal) || head.Contains('\\', StringComparison.Ordinal) || !Uri.IsWellFormedUriString(uri, UriKind.Relative) ? "" : uri;
    }

    public void RedirectTo(string uri, Dictionary<string, object?> queryParameters)
    {
        var uriWithoutQuery = navigationManager.ToAbsoluteUri(uri).GetLeftPart(UriPartial.Path);
        var newUri = navigationManager.GetUriWithQueryParameters(uriWithoutQuery, queryParameters);
        RedirectTo(newUri);
    }

    public void RedirectToWithStatus(string uri, string message, HttpContext context)
    {
        context.Response.Cookies.Append(StatusCookieName, message, StatusCookieBuilder.Build(context));
        RedirectTo(uri);
    }

    private string CurrentPath => navigationManager.ToAbsoluteUri(navigationManager.Uri).GetLeftPart(UriPartial.Path);

    public void RedirectToCurrentPage() => RedirectTo(CurrentPath);

    public void RedirectToCurrentPageWithStatus(string message, HttpContext context)
        => RedirectToWithStatus(CurrentPath, message, context);
}

using System.Security.Cryptography;

namespace WorkPlanTracker.Shared;

/// <summary>
/// The nonce of a response's Content-Security-Policy: the security headers put it in the policy, and the few
/// inline scripts the app renders carry it.
/// </summary>
public static class CspNonce
{
    private const string ItemKey = "WorkPlanTracker.CspNonce";

    public static string For(HttpContext http)
    {
        if (http.Items[ItemKey] is not string nonce)
        {
            // Hex, not base64: a "+" in the nonce is written as &#x2B; in the page, which only a browser reads back.
            nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(18));
            http.Items[ItemKey] = nonce;
        }

        return nonce;
    }
}

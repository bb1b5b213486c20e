using System.Net;

namespace WorkPlanTracker.Load;

/// <summary>
/// The harness only ever loads a server on this machine: a mistyped address must not turn it on someone's real
/// office server (or anybody else's), so anything but a loopback http(s) address is refused before a request is made.
/// </summary>
public static class LoopbackTarget
{
    /// <summary>The base address, ending in '/'; null with the reason when it is not a loopback http(s) address.</summary>
    public static Uri? Parse(string text, out string? refusal)
    {
        refusal = null;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            refusal = $"不是 http(s) 地址：{text}";
            return null;
        }

        // Host names are refused too, even "localhost": what a name resolves to is up to the machine's resolver.
        if (!IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) || !IPAddress.IsLoopback(address))
        {
            refusal = $"只对本机回环地址（127.0.0.1 或 [::1]）施加负载，拒绝 {uri.Host}。";
            return null;
        }

        if (uri.PathAndQuery != "/" || !string.IsNullOrEmpty(uri.UserInfo))
        {
            refusal = $"请只给出服务器的根地址，例如 http://127.0.0.1:5080：{text}";
            return null;
        }

        return uri;
    }
}

using System.IO.Compression;
using System.Text.Json;

namespace WorkPlanTracker.Components;

/// <summary>
/// What a page read while it was prerendered, and for which query (route and query-string values), kept in the page
/// as persistent component state (<c>[PersistentState]</c>) so the interactive render that follows shows it instead
/// of reading it again: without it every visit ran the page's queries twice.
/// </summary>
/// <remarks>
/// The state goes back to the server in the circuit's first message, which SignalR caps at 32 KB; as JSON, Chinese text
/// is escaped to six bytes a character and a list of a few dozen rows passed the cap and closed the circuit. The reading
/// is therefore carried compressed (Brotli; the state is encrypted and signed by the framework, so what comes back is
/// what was sent), and not at all beyond <see cref="MaxBytes"/>: the interactive render then reads it again, as before.
/// </remarks>
public sealed record Prerendered(string Key, byte[] Reading)
{
    /// <summary>The largest compressed reading carried; base64 twice over (state, then its protection) it stays under 32 KB.</summary>
    public const int MaxBytes = 12 * 1024;

    /// <summary>The reading to carry for <paramref name="key"/>, or null when it is too large to carry.</summary>
    public static Prerendered? Carry<T>(string key, T data)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(data, JsonSerializerOptions.Web);
        using var compressed = new MemoryStream();
        using (var brotli = new BrotliStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            brotli.Write(json);
        }

        return compressed.Length <= MaxBytes ? new Prerendered(key, compressed.ToArray()) : null;
    }

    /// <summary>The carried reading when it answers <paramref name="key"/>; null when the page now shows something else.</summary>
    public T? For<T>(string key)
    {
        if (Key != key)
        {
            return default;
        }

        using var brotli = new BrotliStream(new MemoryStream(Reading), CompressionMode.Decompress);
        return JsonSerializer.Deserialize<T>(brotli, JsonSerializerOptions.Web);
    }

    /// <summary>A key from the values that choose what a page shows.</summary>
    public static string KeyOf(params object?[] values) => string.Join('\u001f', values.Select(v => v?.ToString() ?? ""));
}

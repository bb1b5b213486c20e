using Microsoft.Extensions.Caching.Memory;

namespace WorkPlanTracker.Components;

/// <summary>
/// Hands what a page read while prerendering to the interactive render that follows on the same server, for
/// readings too large or too rich to carry through the page (<see cref="Prerendered"/> carries small ones): the
/// prerender keeps the reading here and carries only a random token as persistent state; the interactive render
/// takes it once. Without a hand-over the page would run its queries a second time a moment later.
/// </summary>
/// <remarks>
/// The reading stays in this process's memory for <see cref="Lifetime"/> and is taken at most once. With several app
/// instances the circuit comes back to the instance that prerendered (sticky sessions); when it does not, or the
/// reading expired, <see cref="Take{T}"/> returns null and the page reads again, as before.
/// </remarks>
public sealed class PrerenderHandOver : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    /// <summary>Readings kept at once at most; beyond it the oldest go first and those pages read again.</summary>
    public const int Capacity = 500;

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = Capacity });

    public void Dispose() => cache.Dispose();

    /// <summary>Keeps <paramref name="reading"/> for the interactive render; returns the token to carry.</summary>
    public string Keep<T>(T reading) where T : class
    {
        var token = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        cache.Set(Key(token), reading, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime, Size = 1 });
        return token;
    }

    /// <summary>The reading kept under <paramref name="token"/>, once; null when there is none (or it is not a <typeparamref name="T"/>).</summary>
    public T? Take<T>(string? token) where T : class
    {
        if (token is null || !cache.TryGetValue(Key(token), out var kept))
        {
            return null;
        }

        cache.Remove(Key(token));
        return kept as T;
    }

    /// <summary>
    /// Reads what a page shows through the hand-over: the prerender's reading when one was kept for the same
    /// <paramref name="key"/> (the values that choose what the page shows), otherwise <paramref name="read"/>. While
    /// prerendering (<paramref name="interactive"/> false) the reading is kept, and the token to carry is returned.
    /// </summary>
    public async Task<(T Reading, string? Token)> ReadAsync<T>(string? token, string key, bool interactive, Func<Task<T>> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (Take<Kept<T>>(token) is { } kept && kept.Key == key)
        {
            return (kept.Reading, null);
        }

        var reading = await read();
        return (reading, interactive ? null : Keep(new Kept<T>(key, reading)));
    }

    private sealed record Kept<T>(string Key, T Reading);

    private static string Key(string token) => "prerender-hand-over:" + token;
}

using System.Collections.Concurrent;

namespace WorkPlanTracker.Features.Uploads;

/// <summary>
/// Lets each user have one heavy upload (a plan to import, a fill-in workbook) read and checked at a time, so that
/// one account cannot multiply the cost of the upload limits by opening many tabs. Other users are not held up.
/// </summary>
/// <remarks>
/// A slot is given back when its upload ends. An upload whose page went away in the middle (a closed tab, a lost
/// connection) may never end, so a slot held longer than any upload can take (<see cref="MaxHold"/>) is given to the
/// user's next upload instead of refusing that user until the server restarts.
/// </remarks>
public sealed class HeavyUploadGate(TimeProvider clock)
{
    public const string BusyMessage = "您的另一个文件正在读取和检查（可能在其他窗口中），请等它完成后再上传。";

    /// <summary>Well over the longest an upload may take: 2 min for the content to arrive, a LibreOffice conversion (60 s by
    /// default, settable) and the PDF reading budget (20 s).</summary>
    public static readonly TimeSpan MaxHold = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, Slot> running = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A slot to dispose when the upload is done, or null when this user already has one running.</summary>
    public IDisposable? TryEnter(string userName)
    {
        ArgumentNullException.ThrowIfNull(userName);
        var now = clock.GetUtcNow();
        var slot = new Slot(this, userName, now);
        while (true)
        {
            if (running.TryAdd(userName, slot))
            {
                return slot;
            }

            if (!running.TryGetValue(userName, out var held))
            {
                continue;
            }

            if (now - held.Started <= MaxHold)
            {
                return null;
            }

            if (running.TryUpdate(userName, slot, held))
            {
                return slot;
            }
        }
    }

    private sealed class Slot(HeavyUploadGate gate, string userName, DateTimeOffset started) : IDisposable
    {
        private int disposed;

        public DateTimeOffset Started { get; } = started;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                // Only this slot: a stale slot ending late must not free the upload that took its place.
                gate.running.TryRemove(new KeyValuePair<string, Slot>(userName, this));
            }
        }
    }
}

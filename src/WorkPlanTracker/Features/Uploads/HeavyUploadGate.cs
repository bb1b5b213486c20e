using System.Collections.Concurrent;

namespace WorkPlanTracker.Features.Uploads;

/// <summary>
/// Lets each user have one heavy upload (a plan to import, a fill-in workbook) read and checked at a time, so that
/// one account cannot multiply the cost of the upload limits by opening many tabs. Other users are not held up.
/// </summary>
public sealed class HeavyUploadGate
{
    public const string BusyMessage = "您的另一个文件正在读取和检查（可能在其他窗口中），请等它完成后再上传。";

    private readonly ConcurrentDictionary<string, byte> running = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A slot to dispose when the upload is done, or null when this user already has one running.</summary>
    public IDisposable? TryEnter(string userName)
    {
        ArgumentNullException.ThrowIfNull(userName);
        return running.TryAdd(userName, 0) ? new Slot(this, userName) : null;
    }

    private sealed class Slot(HeavyUploadGate gate, string userName) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                gate.running.TryRemove(userName, out _);
            }
        }
    }
}

using System.Collections.Concurrent;

namespace PerformanceWheel.Reporting.Packs;

/// <summary>
/// One render per pack at a time: a second request for a pack that is already being made (a double click, a colleague
/// downloading the same Cabinet pack) waits for the first instead of starting another render.
/// </summary>
public sealed class PackRenderCoordinator
{
    private readonly ConcurrentDictionary<string, Lazy<Task<PackFile>>> _running = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How many renders were actually started (tests use it to prove a second click joins the first).</summary>
    public int Started => _started;

    private int _started;

    public async Task<PackFile> RunAsync(string key, Func<Task<PackFile>> render)
    {
        ArgumentNullException.ThrowIfNull(render);
        var lazy = _running.GetOrAdd(key, _ => new Lazy<Task<PackFile>>(() =>
        {
            Interlocked.Increment(ref _started);
            return render();
        }));
        try
        {
            return await lazy.Value;
        }
        finally
        {
            _running.TryRemove(new KeyValuePair<string, Lazy<Task<PackFile>>>(key, lazy));
        }
    }
}

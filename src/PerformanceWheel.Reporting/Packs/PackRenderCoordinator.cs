namespace PerformanceWheel.Reporting.Packs;

/// <summary>
/// One render per pack at a time: a second request for a pack that is already being made (a double click, a colleague
/// downloading the same Cabinet pack) waits for the first instead of starting another render. The shared render has
/// its own cancellation: a reader who goes away does not cancel it for the others; it is cancelled only when every
/// reader has gone. A reader who has gone still waits for the render to end before answering, because the render uses
/// the services of the request that started it (its database context), which must outlive it.
/// </summary>
public sealed class PackRenderCoordinator
{
    private readonly Dictionary<string, SharedRender> _running = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _gate = new();
    private int _started;

    /// <summary>How many renders were actually started (tests use it to prove a second click joins the first).</summary>
    public int Started => _started;

    /// <summary>
    /// The pack for <paramref name="key"/>: made by <paramref name="render"/> (given a token cancelled only when every
    /// reader has gone) or by the render already under way for that key.
    /// </summary>
    public async Task<PackFile> RunAsync(string key, Func<CancellationToken, Task<PackFile>> render, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(render);
        SharedRender shared;
        var starts = false;
        lock (_gate)
        {
            if (!_running.TryGetValue(key, out shared!))
            {
                shared = new SharedRender();
                _running[key] = shared;
                starts = true;
            }

            shared.Readers++;
        }

        if (starts)
        {
            Interlocked.Increment(ref _started);
            _ = RenderAsync(key, shared, render);
        }
        else
        {
            ReportingTelemetry.Joined.Add(1);
        }

        PackFile file;
        using (cancellationToken.Register(() => Leave(shared)))
        {
            try
            {
                file = await shared.Result.Task;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException(cancellationToken);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        return file;
    }

    private async Task RenderAsync(string key, SharedRender shared, Func<CancellationToken, Task<PackFile>> render)
    {
        try
        {
            shared.Result.TrySetResult(await render(shared.Cancellation.Token));
        }
        catch (OperationCanceledException e)
        {
            shared.Result.TrySetCanceled(e.CancellationToken);
        }
        catch (Exception e)
        {
            shared.Result.TrySetException(e);
        }
        finally
        {
            lock (_gate)
            {
                if (_running.TryGetValue(key, out var current) && current == shared)
                {
                    _running.Remove(key);
                }

                shared.Done = true;
            }
        }
    }

    // A reader went away: the last one to go cancels the render, and a later reader starts a new one.
    private void Leave(SharedRender shared)
    {
        lock (_gate)
        {
            shared.Readers--;
            if (shared.Readers > 0 || shared.Done)
            {
                return;
            }

            var key = _running.FirstOrDefault(r => r.Value == shared).Key;
            if (key is not null)
            {
                _running.Remove(key);
            }
        }

        shared.Cancellation.Cancel();
    }

    private sealed class SharedRender
    {
        public int Readers { get; set; }

        public bool Done { get; set; }

        public CancellationTokenSource Cancellation { get; } = new();

        public TaskCompletionSource<PackFile> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

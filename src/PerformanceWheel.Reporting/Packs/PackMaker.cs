using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PerformanceWheel.Application.Performance;
using PerformanceWheel.Reporting.Pdf;

namespace PerformanceWheel.Reporting.Packs;

/// <summary>Wakes the pack maker when a request queued a pack (otherwise it looks every Reporting:PackPollSeconds).</summary>
/// <remarks>
/// Disposing (the app's services going away) ends a wait at once with <see cref="OperationCanceledException"/>, and any
/// later wait likewise. The semaphore itself is never disposed: disposing a SemaphoreSlim forgets its waiters, and a
/// waiter with a timeout then waits for ever to be released (the maker hung that way when a host was disposed without
/// being stopped). It holds no unmanaged resource unless its wait handle is asked for, which this never does.
/// </remarks>
public sealed class PackQueueSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);
    private readonly CancellationTokenSource _disposed = new();

    public void Wake()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already awake.
        }
    }

    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposed.Token);
        return await _signal.WaitAsync(timeout, either.Token);
    }

    public void Dispose() => _disposed.Cancel();
}

/// <summary>
/// Makes the queued Cabinet and Scrutiny packs, one at a time, outside any request (docs/decisions/0015), and queues
/// the latest published quarter's packs for readers of published figures whenever a quarter is published (and at start).
/// Jobs survive a restart: a queued job is made by whichever node claims it, and a job whose maker stopped is made again
/// once its lease runs out.
/// </summary>
public sealed class PackMaker(
    IServiceScopeFactory scopes,
    PackStore store,
    PackQueueSignal signal,
    IOptions<ReportingOptions> options,
    ILogger<PackMaker> logger) : BackgroundService
{
    private (int Count, int LastId)? _publications;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromSeconds(Math.Max(1, options.Value.PackPollSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (options.Value.MakePacksAhead)
                {
                    await QueuePublishedAsync(stoppingToken);
                }

                while (await store.ClaimAsync(stoppingToken) is { } job)
                {
                    await MakeAsync(job, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (ObjectDisposedException e)
            {
                // The app's services are gone (a host disposed without waiting for its services to stop, as a test host
                // can be): nothing here can work again, so stop rather than fail the host or log an error per poll.
                Stopped(e);
                return;
            }
            catch (Exception e)
            {
                // The database was unreachable, say: look again later.
                logger.LogError(e, "The pack maker could not read its queue");
            }

            try
            {
                await signal.WaitAsync(poll, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                // The app is stopping, or its services were disposed (which ends the signal's wait).
                return;
            }
        }
    }

    private void Stopped(ObjectDisposedException e) =>
        logger.LogInformation("The pack maker stopped: {Disposed} was disposed while it ran (the app is shutting down)", e.ObjectName);

    /// <summary>When a quarter is published (or at start), queue its Cabinet pack and every committee's Scrutiny pack for published readers.</summary>
    private async Task QueuePublishedAsync(CancellationToken cancellationToken)
    {
        var publications = await store.PublicationsAsync(cancellationToken);
        if (publications == _publications || publications.Count == 0)
        {
            _publications = publications;
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var packs = Builder(scope.ServiceProvider, FigureScope.Published);
        var version = await scope.ServiceProvider.GetRequiredService<IFiguresVersion>().CurrentAsync(cancellationToken);
        var quarter = await packs.QuarterAsync(null, cancellationToken);
        var audience = FigureScope.Published.Key;
        await store.EnqueueAsync(new StoredPackRequest(PackKind.Cabinet, null, quarter, audience), version, cancellationToken);
        foreach (var committee in await scope.ServiceProvider.GetRequiredService<PackContextReader>().CommitteesAsync(cancellationToken))
        {
            await store.EnqueueAsync(new StoredPackRequest(PackKind.Scrutiny, committee.Code, quarter, audience), version, cancellationToken);
        }

        _publications = publications;
        logger.LogInformation("Queued the packs of {Quarter} for readers of published figures", quarter.Label);
    }

    private async Task MakeAsync(ClaimedPack job, CancellationToken stoppingToken)
    {
        var request = job.Request;
        using var lease = new CancellationTokenSource();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lease.Token);
        var stage = "Reading the figures";
        // The lease is renewed while the pack is made (a print can take minutes); losing the job (queued again with newer
        // figures) stops the work.
        var renewing = RenewAsync(job, () => stage, lease, stop.Token);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var version = await scope.ServiceProvider.GetRequiredService<IFiguresVersion>().CurrentAsync(stop.Token);
            var packs = Builder(scope.ServiceProvider, request.Scope);
            packs.PrintTimeout = TimeSpan.FromSeconds(Math.Max(1, options.Value.BackgroundPackTimeoutSeconds));
            packs.Progress = async s =>
            {
                stage = s;
                await store.ProgressAsync(job, s, stop.Token);
            };
            await store.ProgressAsync(job, stage, stop.Token);
            var model = request.Kind == PackKind.Scrutiny
                ? await packs.ScrutinyAsync(request.Committee, request.Quarter.Label, stop.Token)
                : await packs.CabinetAsync(request.Quarter.Label, stop.Token);
            var file = await packs.RenderAsync(model, job.LastPages, stop.Token);
            stage = "Storing";
            if (await store.CompleteAsync(job, file, version, stoppingToken))
            {
                logger.LogInformation("Made {Key}: {Bytes} bytes, printed {Prints} time(s)", request.Key, file.Content.Length, file.Prints);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The node is stopping: the job's lease runs out and it is made again.
        }
        catch (OperationCanceledException) when (lease.IsCancellationRequested)
        {
            logger.LogInformation("{Key} was queued again while being made; left to the next run", request.Key);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Could not make {Key}", request.Key);
            await store.FailAsync(job, e is PackNotFoundException or PdfRenderingUnavailableException or TimeoutException ? e.Message : "The pack could not be made.", stoppingToken);
        }
        finally
        {
            await lease.CancelAsync();
            await renewing;
        }
    }

    private async Task RenewAsync(ClaimedPack job, Func<string> stage, CancellationTokenSource lost, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(PackStore.Lease / 3, cancellationToken);
                if (!await store.ProgressAsync(job, stage(), cancellationToken))
                {
                    await lost.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Done.
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not renew the lease of pack job {Id}", job.Id);
        }
    }

    /// <summary>A pack builder for an audience of the job's, not of a request (there is none).</summary>
    private static PackBuilder Builder(IServiceProvider services, FigureScope scope) =>
        ActivatorUtilities.CreateInstance<PackBuilder>(services, new JobAudience(scope));

    private sealed class JobAudience(FigureScope scope) : IFigureAudience
    {
        public FigureScope Scope => scope;
    }
}

using PerformanceWheel.Reporting.Packs;
using Shouldly;

namespace PerformanceWheel.Reporting.Tests;

/// <summary>
/// Readers of the same pack share one render; a reader who goes away stops waiting for it, but the render goes on for
/// whoever still waits, and is cancelled only when every reader has gone.
/// </summary>
public class PackRenderCoordinatorTests
{
    private static readonly PackFile Pack = new("cabinet.pdf", "application/pdf", [1, 2, 3]);

    [Fact]
    public async Task TheSecondReaderGetsThePackWhenTheFirstGoesAway()
    {
        var coordinator = new PackRenderCoordinator();
        var render = new Render();
        using var first = new CancellationTokenSource();
        using var second = new CancellationTokenSource();

        var firstReader = coordinator.RunAsync("cabinet", render.RunAsync, first.Token);
        var token = await render.Started.Task;
        var secondReader = coordinator.RunAsync("cabinet", _ => throw new InvalidOperationException("The second reader must join the first render."), second.Token);
        await first.CancelAsync();

        token.IsCancellationRequested.ShouldBeFalse("the render must go on while a reader still waits");
        render.Finish.SetResult(Pack);
        (await secondReader).ShouldBeSameAs(Pack);
        await Should.ThrowAsync<OperationCanceledException>(firstReader);
        coordinator.Started.ShouldBe(1);
    }

    [Fact]
    public async Task TheRenderIsCancelledWhenEveryReaderHasGone()
    {
        var coordinator = new PackRenderCoordinator();
        var render = new Render();
        using var first = new CancellationTokenSource();
        using var second = new CancellationTokenSource();

        var firstReader = coordinator.RunAsync("cabinet", render.RunAsync, first.Token);
        var token = await render.Started.Task;
        var secondReader = coordinator.RunAsync("cabinet", render.RunAsync, second.Token);
        await first.CancelAsync();
        await second.CancelAsync();

        token.IsCancellationRequested.ShouldBeTrue("nobody waits any more");
        await Should.ThrowAsync<OperationCanceledException>(firstReader);
        await Should.ThrowAsync<OperationCanceledException>(secondReader);

        // The next reader starts a new render rather than joining the cancelled one.
        var again = new Render();
        var third = coordinator.RunAsync("cabinet", again.RunAsync, CancellationToken.None);
        (await again.Started.Task).IsCancellationRequested.ShouldBeFalse();
        again.Finish.SetResult(Pack);
        (await third).ShouldBeSameAs(Pack);
        coordinator.Started.ShouldBe(2);
    }

    // A render that reports the token it was given and finishes when the test says so (or when it is cancelled).
    private sealed class Render
    {
        public TaskCompletionSource<CancellationToken> Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource<PackFile> Finish { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<PackFile> RunAsync(CancellationToken cancellationToken)
        {
            Started.SetResult(cancellationToken);
            return await Finish.Task.WaitAsync(cancellationToken);
        }
    }
}

namespace PerformanceWheel.Application.Performance;

/// <summary>
/// A number that changes in the same transaction as anything a page or pack shows (figures, framework, targets,
/// assessments, critical items, settings, publication): what was made from the figures of one version is stale once
/// it changes.
/// </summary>
public interface IFiguresVersion
{
    ValueTask<long> CurrentAsync(CancellationToken cancellationToken);
}

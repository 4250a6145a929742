namespace PerformanceWheel.Domain.Rating;

/// <summary>The outcome of rating one measure in one period: a status, or the reason there is none.</summary>
public readonly record struct RagRating(RagStatus? Status, NotRatedReason? Reason)
{
    public static RagRating Of(RagStatus status) => new(status, null);

    public static RagRating NotRated(NotRatedReason reason) => new(null, reason);

    public bool IsRated => Status.HasValue;

    /// <summary>Green, Amber or Red (Blue apart: see <see cref="Rollup"/> for how a scheme counts Blue).</summary>
    public bool IsGreenAmberRed => Status is RagStatus.Green or RagStatus.Amber or RagStatus.Red;

    /// <summary>What a reader sees: the status and its meaning under the council's scheme, or why there is none.</summary>
    public string Describe(RagScheme? scheme = null) => Status switch
    {
        { } s when scheme is not null => s.Named(scheme),
        { } s => $"{s}: {s.Meaning()}",
        null => (Reason ?? NotRatedReason.NoValue).Describe(),
    };
}

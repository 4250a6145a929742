namespace PerformanceWheel.Domain.Rating;

/// <summary>The outcome of rating one measure in one period: a status, or the reason there is none.</summary>
public readonly record struct RagRating(RagStatus? Status, NotRatedReason? Reason)
{
    public static RagRating Of(RagStatus status) => new(status, null);

    public static RagRating NotRated(NotRatedReason reason) => new(null, reason);

    public bool IsRated => Status.HasValue;

    /// <summary>Green, Amber or Red: the statuses that count towards percentages (Blue apart).</summary>
    public bool IsGreenAmberRed => Status is RagStatus.Green or RagStatus.Amber or RagStatus.Red;

    /// <summary>What a reader sees: the status and its meaning under the council's scheme, or why there is none.</summary>
    public string Describe(RagScheme? scheme = null) => Status switch
    {
        RagStatus.Blue when scheme?.BlueExceedsTargetByPercent is { } percent => $"Blue: exceeds target by at least {percent}%",
        { } s => $"{s}: {s.Meaning()}",
        null => Reason switch
        {
            NotRatedReason.NoTarget => "Not rated: no target set",
            NotRatedReason.Incomplete => "Not rated: incomplete quarter",
            NotRatedReason.Discontinued => "Discontinued",
            _ => "Not rated: no value",
        },
    };
}

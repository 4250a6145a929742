using PerformanceWheel.Domain.Rating;
using static PerformanceWheel.Domain.Tests.Support.Values;

namespace PerformanceWheel.Domain.Tests.Rating;

/// <summary>Rates one value against one target, the way the rule tables read.</summary>
internal static class Ratings
{
    public static RatingInput Input(Polarity polarity, string? value, string? target, string tolerance) => new()
    {
        Polarity = polarity,
        Value = DOrNull(value),
        Target = SingleTarget(target),
        Tolerance = Tol(tolerance),
    };

    public static RatingInput RangeInput(string? value, string low, string high, string tolerance) => new()
    {
        Polarity = Polarity.WithinRange,
        Value = DOrNull(value),
        Target = Target.Range(D(low), D(high)),
        Tolerance = Tol(tolerance),
    };

    public static RagStatus? Rate(Polarity polarity, string? value, string? target, string tolerance, RagScheme? scheme = null) =>
        RagCalculator.Rate(Input(polarity, value, target, tolerance), scheme).Status;
}

using PerformanceWheel.Application.Workflow;
using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Rating;

namespace PerformanceWheel.Web.Components.Pages.Admin.Framework;

/// <summary>
/// The measure form's preview of its rating rule for a target the officer types: the numbers read by the one number
/// reader (<see cref="FigureText"/>) and checked against the unit, the words from the domain's <see cref="RatingRule"/>.
/// </summary>
internal static class MeasureRulePreview
{
    /// <summary>The rule in words, or why there is none yet (a problem with the unit, tolerance or the typed target).</summary>
    public static (string? Rule, string? Problem) For(MeasureForm input, string? target, string? low, string? high, RagScheme scheme)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!MeasureUnit.TryParse(input.UnitText, out var unit))
        {
            return (null, "Give the measure's unit to see what its rule means.");
        }

        Tolerance tolerance;
        Target rated;
        try
        {
            tolerance = Tolerance.Create(input.ToleranceType, input.ToleranceValue);
            if (input.Polarity == Polarity.WithinRange)
            {
                if (string.IsNullOrWhiteSpace(low) && string.IsNullOrWhiteSpace(high))
                {
                    return (null, null);
                }

                rated = Target.Range(Read(low, unit, "target low"), Read(high, unit, "target high"));
            }
            else
            {
                if (string.IsNullOrWhiteSpace(target))
                {
                    return (null, null);
                }

                rated = Target.Single(Read(target, unit, "target"));
            }
        }
        catch (DomainException e)
        {
            return (null, e.Message);
        }

        var decimals = Math.Clamp(input.DecimalPlaces, 0, Measure.MaxDecimalPlaces);
        return (RatingRule.Describe(input.Polarity, rated, tolerance, scheme, v => new FigureFormat(unit, FigureFormat.DecimalsFor(decimals, [v])).Value(v)), null);
    }

    // A typed number, as every figure is read, and possible in the unit; a problem names which number it is.
    private static decimal Read(string? text, MeasureUnit unit, string which)
    {
        if (!FigureText.TryParse(text, out var value, out var problem))
        {
            throw new DomainException($"The {which}: {problem}");
        }

        return unit.Validate(value) is { } wrong ? throw new DomainException($"The {which}: {wrong}") : value;
    }
}

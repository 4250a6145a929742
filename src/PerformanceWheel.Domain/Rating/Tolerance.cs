using PerformanceWheel.Domain.Common;

namespace PerformanceWheel.Domain.Rating;

/// <summary>How far off target a value may be and still be Amber. Zero means never Amber.</summary>
public readonly record struct Tolerance
{
    private Tolerance(ToleranceType type, decimal value)
    {
        Type = type;
        Value = value;
    }

    public ToleranceType Type { get; }

    public decimal Value { get; }

    public static Tolerance None => new(ToleranceType.Absolute, 0m);

    public static Tolerance Create(ToleranceType type, decimal value)
    {
        if (value < 0)
        {
            throw new DomainException(DomainFields.Tolerance, $"Tolerance must be zero or more; got {value}.");
        }

        if (!Enum.IsDefined(type))
        {
            throw new DomainException(DomainFields.ToleranceType, $"Unknown tolerance type {type}.");
        }

        return new Tolerance(type, value);
    }

    public static Tolerance Percent(decimal value) => Create(ToleranceType.Percent, value);

    public static Tolerance Absolute(decimal value) => Create(ToleranceType.Absolute, value);

    /// <summary>The allowance in the measure's unit: a percent tolerance is that percent of the reference (target or nearer bound).</summary>
    public decimal AllowanceFor(decimal reference) =>
        Type == ToleranceType.Percent ? Math.Abs(reference) * Value / 100m : Value;

    public override string ToString() => Type == ToleranceType.Percent ? $"{Value}%" : $"±{Value}";
}

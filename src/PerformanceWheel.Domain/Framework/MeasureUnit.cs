using System.Globalization;
using PerformanceWheel.Domain.Common;

namespace PerformanceWheel.Domain.Framework;

/// <summary>A measure's unit: percent, count, £, £m, days, a rate per N, or a plain number.</summary>
public readonly record struct MeasureUnit
{
    private MeasureUnit(UnitKind kind, int? per)
    {
        Kind = kind;
        Per = per;
    }

    public UnitKind Kind { get; }

    /// <summary>For a rate: the base, e.g. 100000 for "per 100,000".</summary>
    public int? Per { get; }

    public static MeasureUnit Percent => new(UnitKind.Percent, null);

    public static MeasureUnit Count => new(UnitKind.Count, null);

    public static MeasureUnit Number => new(UnitKind.Number, null);

    public static MeasureUnit Create(UnitKind kind, int? per = null)
    {
        if (kind == UnitKind.Rate && per is not > 0)
        {
            throw new DomainException(DomainFields.Unit, "A rate needs a positive base, e.g. per 100,000.");
        }

        return new MeasureUnit(kind, kind == UnitKind.Rate ? per : null);
    }

    /// <summary>Reads what people type: "%", "percent", "number", "count", "£", "£m", "days", "per 100,000", "per 1000".</summary>
    public static bool TryParse(string? text, out MeasureUnit unit)
    {
        unit = Number;
        var t = text?.Trim().ToLowerInvariant() ?? string.Empty;
        switch (t)
        {
            case "" or "number" or "no" or "no." or "score" or "index":
                unit = Number; return true;
            case "%" or "percent" or "percentage" or "per cent":
                unit = Percent; return true;
            case "count" or "#" or "people" or "cases" or "placements":
                unit = Count; return true;
            case "£" or "gbp" or "pounds" or "currency":
                unit = Create(UnitKind.Currency); return true;
            case "£m" or "£ m" or "£million" or "£ million" or "gbp m":
                unit = Create(UnitKind.CurrencyMillions); return true;
            case "days" or "day" or "working days":
                unit = Create(UnitKind.Days); return true;
        }

        if (t.StartsWith("per ", StringComparison.Ordinal))
        {
            var digits = new string(t[4..].Where(c => c != ',' && c != ' ').ToArray());
            if (int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var per) && per > 0)
            {
                unit = Create(UnitKind.Rate, per);
                return true;
            }
        }

        return false;
    }

    public static MeasureUnit Parse(string? text) =>
        TryParse(text, out var unit) ? unit : throw new DomainException(DomainFields.Unit, $"'{text}' is not a unit; use %, number, count, £, £m, days or per N (e.g. per 100,000).");

    /// <summary>Short label: "%", "£m", "days", "per 100,000".</summary>
    public string Label => Kind switch
    {
        UnitKind.Percent => "%",
        UnitKind.Count => "count",
        UnitKind.Currency => "£",
        UnitKind.CurrencyMillions => "£m",
        UnitKind.Days => "days",
        UnitKind.Rate => string.Create(CultureInfo.GetCultureInfo("en-GB"), $"per {Per:N0}"),
        _ => "number",
    };

    /// <summary>Formats a value in this unit for reading: "84.8%", "£3.2m", "12 days", "18.7 per 100,000".</summary>
    public string Format(decimal value, int decimals)
    {
        var culture = CultureInfo.GetCultureInfo("en-GB");
        var n = Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), culture);
        return Kind switch
        {
            UnitKind.Percent => n + "%",
            UnitKind.Currency => value < 0 ? "-£" + n.TrimStart('-') : "£" + n,
            UnitKind.CurrencyMillions => value < 0 ? "-£" + n.TrimStart('-') + "m" : "£" + n + "m",
            UnitKind.Days => n + " days",
            UnitKind.Rate => n + " " + Label,
            _ => n,
        };
    }

    /// <summary>Whether a value is possible in this unit (percent 0–100; counts, days and rates not negative).</summary>
    public string? Validate(decimal value) => Kind switch
    {
        UnitKind.Percent when value is < 0 or > 100 => "A percentage must be between 0 and 100.",
        UnitKind.Count or UnitKind.Days or UnitKind.Rate when value < 0 => $"A value in {Label} cannot be negative.",
        _ => null,
    };

    public override string ToString() => Label;
}

using System.Globalization;
using PerformanceWheel.Application.Framework;
using PerformanceWheel.Application.Workflow;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Rating;

namespace PerformanceWheel.Web.Components.Pages.Admin.Framework;

/// <summary>
/// One financial year's row of the editable targets table: the whole year's target and each quarter's, as typed. Every
/// number is read by the one number reader (<see cref="FigureText"/>) and checked against the measure's unit as it is
/// typed; saving sends each changed cell through the same command as the targets form.
/// </summary>
internal sealed class TargetRow
{
    public TargetRow(FinancialYear year, Measure measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        Year = year;
        Cells = [.. new ReportingPeriod?[] { null }.Concat(ReportingPeriod.ForYear(year).Quarters().Select(q => (ReportingPeriod?)q))
            .Select(p => new TargetCell(p, measure.Targets.FirstOrDefault(t => t.Year == year && t.Period == p)))];
    }

    public FinancialYear Year { get; }

    /// <summary>Whole year, then Q1 to Q4.</summary>
    public IReadOnlyList<TargetCell> Cells { get; }

    public bool Changed => Cells.Any(c => c.Changed);

    public bool HasProblems => Cells.Any(c => c.Problem is not null);
}

/// <summary>One target in the table: its text (a low and a high for Within range) as typed and the problem found in it.</summary>
internal sealed class TargetCell
{
    public TargetCell(ReportingPeriod? period, MeasureTarget? stored)
    {
        Period = period;
        Stored = stored;
        (Text, Low, High) = (Write(stored?.Value), Write(stored?.Low), Write(stored?.High));
        (_storedText, _storedLow, _storedHigh) = (Text, Low, High);
    }

    private readonly string? _storedText;
    private readonly string? _storedLow;
    private readonly string? _storedHigh;

    /// <summary>Null: the whole year.</summary>
    public ReportingPeriod? Period { get; }

    public MeasureTarget? Stored { get; }

    public string? Text { get; set; }

    public string? Low { get; set; }

    public string? High { get; set; }

    public string? Problem { get; set; }

    public string Label(FinancialYear year) => Period?.Label ?? $"{year.Label} whole year";

    public bool IsEmpty => string.IsNullOrWhiteSpace(Text) && string.IsNullOrWhiteSpace(Low) && string.IsNullOrWhiteSpace(High);

    public bool Changed => !Same(Text, _storedText) || !Same(Low, _storedLow) || !Same(High, _storedHigh);

    /// <summary>Checks what is typed: each number by the one number reader and against the measure's unit; a range low to high.</summary>
    public void Check(Measure measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        Problem = null;
        if (IsEmpty)
        {
            return;
        }

        if (measure.Polarity == Polarity.WithinRange)
        {
            var low = Read(measure, Low, "low");
            var high = Read(measure, High, "high");
            if (Problem is null && low > high)
            {
                Problem = $"The low ({Low}) must not be above the high ({High}).";
            }
        }
        else
        {
            Read(measure, Text, null);
        }
    }

    /// <summary>The draft the targets command takes for this cell (call when <see cref="Check"/> found nothing).</summary>
    public TargetDraft Draft(FinancialYear year) =>
        new(year.Label, Period?.Label, Number(Text), Number(Low), Number(High));

    private decimal? Read(Measure measure, string? text, string? which)
    {
        if (Problem is not null)
        {
            return null;
        }

        var name = which is null ? string.Empty : $"The {which}: ";
        if (string.IsNullOrWhiteSpace(text))
        {
            Problem = $"{name}Enter a number, such as 84.8.";
            return null;
        }

        if (!FigureText.TryParse(text, out var value, out var problem))
        {
            Problem = name + problem;
            return null;
        }

        if (measure.ValidateValue(value) is { } wrong)
        {
            Problem = name + wrong;
            return null;
        }

        return value;
    }

    private static decimal? Number(string? text) => FigureText.TryParse(text, out var value, out _) ? value : null;

    private static string? Write(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static bool Same(string? typed, string? stored) => (typed?.Trim() ?? string.Empty) == (stored ?? string.Empty);
}

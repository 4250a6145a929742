using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Rating;

namespace PerformanceWheel.Application.Workflow;

/// <summary>
/// What one cell of the interactive grid holds once read: a value, a status, nothing (blank), or the message saying what
/// is wrong. A cell takes either a number ("84.8", "1,234") or a status (TBC, N/A, Not available).
/// </summary>
public sealed record FigureReading(decimal? Value, OutturnStatus? Status, string? Problem)
{
    public bool IsBlank => Value is null && Status is null && Problem is null;

    public bool IsValid => Problem is null;

    /// <summary>The reading as the save command's input for the row (a status travels by its name).</summary>
    public EntryInput ToInput(string measureCode, string periodCode, string? text, bool provisional, string? commentary, int? version) =>
        new(measureCode, periodCode, Status is null ? text?.Trim() : null, Status?.ToString(), provisional, commentary, version);
}

/// <summary>
/// Reads what is typed in a cell of the grid with the readers <see cref="FigureEntry"/> saves with
/// (<see cref="OutturnStatusText"/>, <see cref="FigureText"/>) and the domain's check of a figure (<see cref="Outturn.Check"/>),
/// and previews the rating and directions a measure would get with the figures typed, before they are saved.
/// </summary>
public static class FigureCell
{
    /// <summary>Reads <paramref name="text"/> as a figure of <paramref name="measure"/>.</summary>
    public static FigureReading Read(Measure measure, string? text)
    {
        ArgumentNullException.ThrowIfNull(measure);
        if (string.IsNullOrWhiteSpace(text))
        {
            return new FigureReading(null, null, null);
        }

        if (OutturnStatusText.TryParse(text, out var status) && status is not null)
        {
            return new FigureReading(null, status, null);
        }

        if (!FigureText.TryParse(text, out var value, out var notANumber))
        {
            return new FigureReading(null, null, $"{notANumber} Or enter {OutturnStatusText.Choices}.");
        }

        return Outturn.Check(measure, value, null) is { } problem
            ? new FigureReading(null, null, problem.Message)
            : new FigureReading(value, null, null);
    }

    /// <summary>
    /// How <paramref name="row"/> would be rated with the figures typed for its measure (<paramref name="typed"/>, by
    /// period; a blank reading is a figure not entered): the stored figures of the measure's other periods are kept, so
    /// a month's direction compares with the month before as typed. Null when the row's own reading is not valid.
    /// </summary>
    public static MeasureResult? Preview(EntryRow row, IReadOnlyDictionary<ReportingPeriod, FigureReading> typed)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(typed);
        if (typed.TryGetValue(row.Period, out var own) && !own.IsValid)
        {
            return null;
        }

        var series = new Dictionary<ReportingPeriod, Outturn>(row.Series);
        foreach (var (period, reading) in typed)
        {
            if (!reading.IsValid)
            {
                continue;
            }

            if (reading.IsBlank)
            {
                series.Remove(period);
                continue;
            }

            var figure = row.Measure.NewOutturn(period);
            figure.Record(reading.Value, reading.Status, false, null, "preview", DateTimeOffset.UnixEpoch);
            series[period] = figure;
        }

        return MeasureEvaluator.Evaluate(row.Measure, series, row.Period);
    }
}

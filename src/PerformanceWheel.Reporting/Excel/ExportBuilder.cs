using PerformanceWheel.Application.Performance;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Rating;
using PerformanceWheel.Reporting.Packs;

namespace PerformanceWheel.Reporting.Excel;

/// <summary>The table views as .xlsx, read through the same application services as the pages.</summary>
public sealed class ExportBuilder(PerformanceReader performance, QuarterResolver quarters, DetailReader details, IFigureAudience audience)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Councillors and anonymous readers get published figures only (the web app decides per request).</summary>
    private FigureScope Scope => audience.Scope;

    /// <summary>A directorate's scorecard with the page's filters (rag, direction, segment) and sort.</summary>
    public async Task<PackFile> ScorecardAsync(string directorate, string? periodText, ScorecardFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var quarter = await ResolveQuarterAsync(periodText, cancellationToken);
        var scorecard = await performance.ScorecardAsync(directorate, quarter, Scope, cancellationToken)
            ?? throw new PackNotFoundException($"There is no directorate '{directorate}'.");
        var columns = new XlsxColumn[]
        {
            new("Code", 14), new("Measure", 50), new("Segment", 30), new("Unit", 10), new("Figure", 12), new("Target", 12),
            new("Target low", 12), new("Target high", 12), new("Rating", 11), new("Direction (previous period)", 16), new("Direction (last year)", 16), new("Provisional", 11),
        };
        var rows = filter.Apply(scorecard.Lines).Select(l => (IReadOnlyList<XlsxCell>)
        [
            l.Line.Code, l.Line.Title, l.SegmentTitle, l.Line.Unit.Label,
            Value(l.Line.Unit, l.Line.DecimalPlaces, l.Line.Result.Value, l.Line.Result),
            Value(l.Line.Unit, l.Line.DecimalPlaces, l.Line.Result.Target?.Value),
            Value(l.Line.Unit, l.Line.DecimalPlaces, l.Line.Result.Target?.Low),
            Value(l.Line.Unit, l.Line.DecimalPlaces, l.Line.Result.Target?.High),
            XlsxCell.Rating(l.Line.Result.Rating.Status),
            l.Line.Result.DirectionFromPrevious?.ToString(), l.Line.Result.DirectionFromLastYear?.ToString(),
            l.Line.Result.IsProvisional ? "Yes" : null,
        ]).ToList();
        return File($"Scorecard-{PackBuilder.Slug(scorecard.Directorate)}-{PackBuilder.Slug(quarter.Label)}.xlsx", new XlsxSheet(Trim($"{scorecard.Directorate} {quarter.Label}"), columns, rows));
    }

    /// <summary>Seed 001's directorate table for a quarter.</summary>
    public async Task<PackFile> DirectoratesAsync(string? periodText, CancellationToken cancellationToken = default)
    {
        var quarter = await ResolveQuarterAsync(periodText, cancellationToken);
        var evaluation = await performance.EvaluateAsync(quarter, Scope, cancellationToken);
        var columns = new XlsxColumn[]
        {
            new("Directorate", 36), new("Measures", 10), new("With RAG", 10), new("Green", 9), new("Green %", 9), new("Amber", 9), new("Amber %", 9),
            new("Red", 9), new("Red %", 9), new("Blue", 9), new("Improving", 10), new("Steady", 9), new("Declining", 10),
        };
        // Directorate rows cover every measure of the council; the plan's total (the wheel's figures) is labelled apart.
        var lines = evaluation.ByDirectorate()
            .Append(("All measures of the council", evaluation.CouncilTotals))
            .Append(($"{evaluation.PlanName ?? "Plan"} total (measures in the plan's segments)", evaluation.MeasureTotals));
        var rows = lines.Select(d => (IReadOnlyList<XlsxCell>)
        [
            d.Item1, XlsxCell.Of(d.Item2.Measures), XlsxCell.Of(d.Item2.WithRag),
            XlsxCell.Of(d.Item2.Green), Share(d.Item2.GreenPercent),
            XlsxCell.Of(d.Item2.Amber), Share(d.Item2.AmberPercent),
            XlsxCell.Of(d.Item2.Red), Share(d.Item2.RedPercent),
            XlsxCell.Of(d.Item2.Blue), XlsxCell.Of(d.Item2.Improving), XlsxCell.Of(d.Item2.Steady), XlsxCell.Of(d.Item2.Declining),
        ]).ToList();
        return File($"Directorates-{PackBuilder.Slug(quarter.Label)}.xlsx", new XlsxSheet($"Directorates {quarter.Label}", columns, rows));
    }

    /// <summary>Seed 000 §4.4: segments × the quarters of the year (and the previous Q4).</summary>
    public async Task<PackFile> ComparisonAsync(string? periodText, CancellationToken cancellationToken = default)
    {
        var quarter = await ResolveQuarterAsync(periodText, cancellationToken);
        var comparison = await performance.CompareQuartersAsync(quarter.Year, quarter, Scope, cancellationToken);
        var columns = new List<XlsxColumn> { new("Ring", 36), new("Segment", 10), new("Title", 44) };
        foreach (var c in comparison.Columns)
        {
            columns.Add(new XlsxColumn($"{c.Label} rating", 14));
            columns.Add(new XlsxColumn($"{c.Label} direction", 14));
        }

        var rows = new List<IReadOnlyList<XlsxCell>>();
        foreach (var group in comparison.Rows)
        {
            foreach (var s in group.Segments)
            {
                var row = new List<XlsxCell> { group.Name, s.Code, s.Title };
                for (var i = 0; i < comparison.Columns.Count; i++)
                {
                    var cell = comparison.Cell(i, s.Code);
                    row.Add(comparison.Evaluations[i] is null ? XlsxCell.Empty : XlsxCell.Rating(cell?.Rag));
                    row.Add(cell?.Direction?.ToString());
                }

                rows.Add(row);
            }
        }

        return File($"Comparison-{PackBuilder.Slug(comparison.Year.Label)}.xlsx", new XlsxSheet($"Comparison {comparison.Year.Label}", columns, rows));
    }

    /// <summary>Seed 004's two lists with seed 003's critical items.</summary>
    public async Task<PackFile> ExceptionsAsync(string? periodText, CancellationToken cancellationToken = default)
    {
        var quarter = await ResolveQuarterAsync(periodText, cancellationToken);
        var view = await details.ExceptionsAsync(quarter, Scope, cancellationToken);
        var columns = new XlsxColumn[]
        {
            new("Code", 14), new("Measure", 50), new("Directorate", 30), new("Figure", 12), new("Target", 12), new("Rating", 11),
            new("Direction", 12), new("Issue", 60), new("Remedial action", 60), new("Owner", 24),
        };
        IReadOnlyList<XlsxCell> Row(MeasureLine m)
        {
            var item = view.CriticalItems.FirstOrDefault(c => c.Measure.Code == m.Code);
            return
            [
                m.Code, m.Title, m.Directorate, Value(m.Unit, m.DecimalPlaces, m.Result.Value, m.Result), Value(m.Unit, m.DecimalPlaces, m.Result.Target?.Value),
                XlsxCell.Rating(m.Result.Rating.Status), m.Result.DirectionFromPrevious?.ToString(), item?.Issue, item?.RemedialAction, item?.Owner,
            ];
        }

        var concern = new XlsxSheet("Requiring improvement", columns, view.RequiringImprovement.Select(Row).ToList());
        var improved = new XlsxSheet("Improved", columns.Take(7).ToList(), view.Improved.Select(m => (IReadOnlyList<XlsxCell>)Row(m).Take(7).ToList()).ToList());
        return File($"Exceptions-{PackBuilder.Slug(view.Evaluation.Period.Label)}.xlsx", concern, improved);
    }

    /// <summary>A measure's history: its last eight periods with commentary.</summary>
    public async Task<PackFile> MeasureHistoryAsync(string code, string? periodText, CancellationToken cancellationToken = default)
    {
        ReportingPeriod? period = null;
        if (!string.IsNullOrWhiteSpace(periodText))
        {
            period = ReportingPeriod.TryParse(periodText, out var p) ? p : throw new PackNotFoundException($"'{periodText}' is not a period such as 2019/20 Q2.");
        }

        var detail = await details.MeasureAsync(code, period, Scope, cancellationToken)
            ?? throw new PackNotFoundException($"There is no measure '{code}'.");
        var m = detail.Measure;
        var decimals = detail.Format.Decimals;
        var columns = new XlsxColumn[]
        {
            new("Period", 12), new("Figure", 12), new("Target", 12), new("Target low", 12), new("Target high", 12), new("Rating", 11),
            new("Direction (previous period)", 16), new("Direction (last year)", 16), new("State", 12), new("Commentary", 80),
        };
        var rows = detail.Trend.Select(t => (IReadOnlyList<XlsxCell>)
        [
            t.Result.Period.Label, Value(m.Unit, decimals, t.Result.Value, t.Result), Value(m.Unit, decimals, t.Result.Target?.Value),
            Value(m.Unit, decimals, t.Result.Target?.Low), Value(m.Unit, decimals, t.Result.Target?.High),
            XlsxCell.Rating(t.Result.Rating.Status), t.Result.DirectionFromPrevious?.ToString(), t.Result.DirectionFromLastYear?.ToString(),
            t.Result.State?.ToString(), t.Commentary,
        ]).ToList();
        return File($"Measure-{PackBuilder.Slug(m.Code)}-{PackBuilder.Slug(detail.Period.Label)}.xlsx", new XlsxSheet(Trim(m.Code), columns, rows));
    }

    /// <summary>A measure's figure as a number in its unit's format (a percentage is stored as a fraction, 84.8% → 0.848).</summary>
    public static XlsxCell Value(MeasureUnit unit, int decimals, decimal? value, MeasureResult? result = null)
    {
        if (value is not { } v)
        {
            return result?.Status is { } s ? Packs.Components.PackFormat.Status(s) : XlsxCell.Empty;
        }

        var places = decimals <= 0 ? string.Empty : "." + new string('0', Math.Min(decimals, 6));
        return unit.Kind switch
        {
            UnitKind.Percent => XlsxCell.Of(v / 100m, $"0{places}%"),
            UnitKind.Currency => XlsxCell.Of(v, $"\"£\"#,##0{places}"),
            UnitKind.CurrencyMillions => XlsxCell.Of(v, $"\"£\"#,##0{places}\"m\""),
            UnitKind.Days => XlsxCell.Of(v, $"#,##0{places}\" days\""),
            _ => XlsxCell.Of(v, $"#,##0{places}"),
        };
    }

    // The rollup's whole-number percentage (the one the pages and packs print), as a fraction Excel shows with "0%".
    private static XlsxCell Share(int? percent) => percent is { } p ? XlsxCell.Of(p / 100m, "0%") : XlsxCell.Empty;

    private static string Trim(string name) => name.Length > 31 ? name[..31] : name;

    private static PackFile File(string fileName, params XlsxSheet[] sheets) => new(fileName, ContentType, XlsxWriter.Write(sheets));

    private async Task<ReportingPeriod> ResolveQuarterAsync(string? periodText, CancellationToken cancellationToken)
    {
        var choice = await quarters.ResolveAsync(periodText, Scope, cancellationToken);
        return choice.Quarter ?? throw new PackNotFoundException(choice.Message!);
    }
}

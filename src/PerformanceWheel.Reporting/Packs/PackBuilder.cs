using PerformanceWheel.Application.Performance;
using PerformanceWheel.Application.Workflow;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Rating;
using PerformanceWheel.Reporting.Pdf;

namespace PerformanceWheel.Reporting.Packs;

/// <summary>A finished download.</summary>
public sealed record PackFile(string FileName, string ContentType, byte[] Content)
{
    /// <summary>The page each contents entry starts on, as printed (null: the pack has no contents page).</summary>
    public IReadOnlyDictionary<string, int>? Pages { get; init; }

    /// <summary>How many times Chromium printed the pack: 1, or 2 when no earlier page map held (a first print, a section moved).</summary>
    public int Prints { get; init; } = 1;
}

/// <summary>
/// The contents page's page numbers of the last print of each pack (by audience, kind and file name), so the next print
/// of the same pack prints once with them (PackBuilder checks them against the new PDF's bookmarks).
/// </summary>
public sealed class PackPageMaps
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyDictionary<string, int>> _maps = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, int>? Find(string key) => _maps.GetValueOrDefault(key);

    public void Keep(string key, IReadOnlyDictionary<string, int> pages) => _maps[key] = pages;
}

/// <summary>Why a pack cannot be made (an unknown period, committee, directorate or measure): answered as 404.</summary>
public sealed class PackNotFoundException(string message) : Exception(message);

/// <summary>
/// Gathers a pack's figures from the application readers (a Cabinet, Scrutiny or directorate pack: one
/// <see cref="PackFiguresReader"/> snapshot of the quarter), renders it to HTML and prints it once with the contents
/// page's numbers from the last print of the same pack; only when there was none, or a section moved (the PDF's
/// bookmarks say where each section starts), is it printed a second time with the right numbers.
/// </summary>
public sealed class PackBuilder(
    PerformanceReader performance,
    QuarterResolver quarters,
    DetailReader details,
    PackFiguresReader packFigures,
    ForecastReader forecasts,
    PackContextReader context,
    Application.Covering.CoveringReportReader covering,
    PackHtmlRenderer html,
    ChromiumPdfPrinter printer,
    PackPageMaps pageMaps,
    TimeProvider time,
    IFigureAudience audience)
{
    /// <summary>How long each print may take (null: Reporting:PackTimeoutSeconds, the limit for a request).</summary>
    public TimeSpan? PrintTimeout { get; set; }

    /// <summary>Called with what is being done while a pack is rendered and printed (the pack maker shows it to readers).</summary>
    public Func<string, Task>? Progress { get; set; }

    /// <summary>Councillors and anonymous readers get published figures only (the web app decides per request).</summary>
    private FigureScope Scope => audience.Scope;

    public async Task<PackModel> CabinetAsync(string? periodText, CancellationToken cancellationToken = default)
    {
        using var activity = Gathering(PackKind.Cabinet);
        var quarter = await ResolveQuarterAsync(periodText, cancellationToken);
        var figures = await packFigures.ReadAsync(quarter, Scope, cancellationToken);
        var model = await WheelPackAsync(PackKind.Cabinet, "Cabinet performance report", "Every segment and measure of the plan",
            $"Cabinet-{Slug(quarter.Label)}.pdf", figures, figures.Evaluation.Measures, null, cancellationToken);
        model.Covering = await covering.ForPackAsync(Domain.Covering.CoveringSections.CabinetPack, quarter, cancellationToken);
        return model;
    }

    public async Task<PackModel> ScrutinyAsync(string? committee, string? periodText, CancellationToken cancellationToken = default)
    {
        using var activity = Gathering(PackKind.Scrutiny);
        var chosen = await CommitteeAsync(committee, cancellationToken);
        var quarter = await ResolveQuarterAsync(periodText, cancellationToken);
        var figures = await packFigures.ReadAsync(quarter, Scope, cancellationToken);
        var evaluation = figures.Evaluation;
        var measures = evaluation.Measures.Where(m => m.Committees.Contains(chosen.Code, StringComparer.OrdinalIgnoreCase)).ToList();
        var segments = evaluation.Groups.SelectMany(g => g.Segments)
            .Where(s => s.Committees.Contains(chosen.Code, StringComparer.OrdinalIgnoreCase) || measures.Any(m => m.SegmentCode == s.Code))
            .Select(s => s.Code)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var model = await WheelPackAsync(PackKind.Scrutiny, $"{chosen.Name} performance report",
            $"Segments and measures tagged for {chosen.Name} ({chosen.Code})",
            $"Scrutiny-{Slug(chosen.Code)}-{Slug(quarter.Label)}.pdf", figures, measures, segments, cancellationToken, chosen.Name);
        model.Covering = await covering.ForPackAsync(Domain.Covering.CoveringSections.ScrutinyPack(chosen.Code), quarter, cancellationToken);
        return model;
    }

    /// <summary>The committee of a Scrutiny pack, or <see cref="PackNotFoundException"/> naming the committees there are.</summary>
    public async Task<CommitteeInfo> CommitteeAsync(string? committee, CancellationToken cancellationToken = default)
    {
        var committees = await context.CommitteesAsync(cancellationToken);
        return committees.FirstOrDefault(c => c.Code.Equals(committee?.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new PackNotFoundException($"There is no committee '{committee}'. Choose one of {string.Join(", ", committees.Select(c => c.Code))}.");
    }

    public async Task<PackModel> DirectorateAsync(string directorate, string? periodText, CancellationToken cancellationToken = default)
    {
        using var activity = Gathering(PackKind.Directorate);
        var quarter = await ResolveQuarterAsync(periodText, cancellationToken);
        var scorecard = await performance.ScorecardAsync(directorate, quarter, Scope, cancellationToken)
            ?? throw new PackNotFoundException($"There is no directorate '{directorate}'.");
        var figures = await packFigures.ReadAsync(quarter, Scope, cancellationToken);
        var evaluation = figures.Evaluation;
        var measures = scorecard.Lines
            .Select(line => figures.Measure(line.Line.Code) is { } detail ? new PackMeasure(line.Line, detail) : null)
            .OfType<PackMeasure>()
            .ToList();

        var model = new PackModel
        {
            Kind = PackKind.Directorate,
            CouncilName = await context.CouncilNameAsync(cancellationToken),
            Title = $"{scorecard.Directorate} scorecard",
            Subtitle = "The directorate's measures with their trends and commentary",
            Period = quarter,
            PreparedOn = Today(),
            IsDraft = IsDraft(evaluation.Measures.Where(m => m.Directorate == scorecard.Directorate)),
            FileName = $"Scorecard-{Slug(scorecard.Directorate)}-{Slug(quarter.Label)}.pdf",
            Evaluation = evaluation,
            Measures = scorecard.Lines.Select(l => l.Line).ToList(),
            Scorecard = scorecard,
            ScorecardMeasures = measures,
            Forecasts = figures.Forecasts,
        };
        model.Contents = [new("summary", "Summary"), new("scorecard", "Scorecard"), new("measures", "Measures"), new("key", "Key to ratings")];
        return model;
    }

    public async Task<PackModel> MeasureAsync(string code, string? periodText, CancellationToken cancellationToken = default)
    {
        using var activity = Gathering(PackKind.Measure);
        ReportingPeriod? period = null;
        if (!string.IsNullOrWhiteSpace(periodText))
        {
            period = ReportingPeriod.TryParse(periodText, out var p) ? p : throw new PackNotFoundException($"'{periodText}' is not a period such as 2019/20 Q2.");
        }

        var detail = await details.MeasureAsync(code, period, Scope, cancellationToken)
            ?? throw new PackNotFoundException($"There is no measure '{code}'.");
        var latest = detail.Latest?.Result;
        var model = new PackModel
        {
            Kind = PackKind.Measure,
            CouncilName = await context.CouncilNameAsync(cancellationToken),
            Title = $"{detail.Measure.Code} {detail.Measure.Title}",
            Subtitle = "Measure sheet",
            Period = detail.Period,
            PreparedOn = Today(),
            IsDraft = latest?.State is not WorkflowState.Published,
            FileName = $"Measure-{Slug(detail.Measure.Code)}-{Slug(detail.Period.Label)}.pdf",
            Measure = detail,
            Forecasts = await forecasts.MeasureAsync(detail.Measure.Code, detail.Period, Scope, cancellationToken) is { } forecast
                ? new Dictionary<string, Domain.Forecasting.YearEndForecast>(StringComparer.OrdinalIgnoreCase) { [detail.Measure.Code] = forecast }
                : new Dictionary<string, Domain.Forecasting.YearEndForecast>(),
        };
        return model;
    }

    /// <summary>
    /// Renders and prints a pack, traced and counted (<see cref="ReportingTelemetry"/>): once, with the contents page's
    /// numbers from this process's last print of the same pack, or twice when there was none or a section moved.
    /// </summary>
    public Task<PackFile> RenderAsync(PackModel model, CancellationToken cancellationToken = default) =>
        RenderAsync(model, null, cancellationToken);

    /// <summary>As <see cref="RenderAsync(PackModel, CancellationToken)"/>, starting from a page map kept elsewhere (a stored pack's).</summary>
    public async Task<PackFile> RenderAsync(PackModel model, IReadOnlyDictionary<string, int>? lastPages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        var kind = new KeyValuePair<string, object?>("pack.kind", model.Kind.ToString());
        using var activity = ReportingTelemetry.Source.StartActivity("Pack.Render");
        activity?.SetTag(kind.Key, kind.Value);
        activity?.SetTag("pack.period", model.Period.Label);
        activity?.SetTag("pack.draft", model.IsDraft);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            var file = await RenderPassesAsync(model, lastPages, cancellationToken);
            activity?.SetTag("pack.prints", file.Prints);
            activity?.SetTag("pack.bytes", file.Content.Length);
            ReportingTelemetry.Renders.Add(1, kind, new("outcome", "printed"));
            ReportingTelemetry.Duration.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds, kind);
            ReportingTelemetry.Size.Record(file.Content.Length, kind);
            return file;
        }
        catch (Exception e)
        {
            var outcome = e switch { OperationCanceledException => "cancelled", TimeoutException => "timed out", PdfRenderingUnavailableException => "unavailable", _ => "failed" };
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, outcome);
            ReportingTelemetry.Renders.Add(1, kind, new("outcome", outcome));
            throw;
        }
    }

    private async Task<PackFile> RenderPassesAsync(PackModel model, IReadOnlyDictionary<string, int>? lastPages, CancellationToken cancellationToken)
    {
        var footer = Footer(model);
        var key = $"{Scope.Key}|{model.Kind}|{model.FileName}";
        model.Pages = model.Contents.Count == 0 ? null : lastPages ?? pageMaps.Find(key);
        var first = await PrintPassAsync(model, footer, 1, cancellationToken);
        if (model.Contents.Count == 0)
        {
            return new PackFile(model.FileName, "application/pdf", first);
        }

        var printed = ContentsPages(model, first);
        pageMaps.Keep(key, printed);
        if (model.Pages is { } used && SameMap(used, printed))
        {
            return new PackFile(model.FileName, "application/pdf", first) { Pages = printed };
        }

        model.Pages = printed;
        var second = await PrintPassAsync(model, footer, 2, cancellationToken);
        return new PackFile(model.FileName, "application/pdf", second) { Pages = printed, Prints = 2 };
    }

    private static bool SameMap(IReadOnlyDictionary<string, int> a, IReadOnlyDictionary<string, int> b) =>
        a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var page) && page == p.Value);

    private async Task<byte[]> PrintPassAsync(PackModel model, string footer, int pass, CancellationToken cancellationToken)
    {
        string page;
        using (var rendering = ReportingTelemetry.Source.StartActivity("Pack.Html"))
        {
            rendering?.SetTag("pack.pass", pass);
            page = await html.RenderAsync(model);
            rendering?.SetTag("pack.html_chars", page.Length);
        }

        if (Progress is { } progress)
        {
            await progress(pass == 1 ? "Printing" : "Printing again with the contents page's new numbers");
        }

        using var printing = ReportingTelemetry.Source.StartActivity("Pdf.Print");
        printing?.SetTag("pack.pass", pass);
        var pdf = await printer.PrintAsync(new PdfPrintRequest(page, footer, PrintTimeout), cancellationToken);
        printing?.SetTag("pdf.bytes", pdf.Length);
        return pdf;
    }

    private static System.Diagnostics.Activity? Gathering(PackKind kind) =>
        ReportingTelemetry.Source.StartActivity("Pack.Gather")?.SetTag("pack.kind", kind.ToString());

    /// <summary>The footer line printed on every page before "Page x of y".</summary>
    public static string Footer(PackModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return $"{model.CouncilName} · {model.Title} · {model.Period.Label}{(model.IsDraft ? " · DRAFT" : string.Empty)}";
    }

    /// <summary>The page of each contents entry, from the bookmarks of a first printing.</summary>
    public static IReadOnlyDictionary<string, int> ContentsPages(PackModel model, byte[] firstPass)
    {
        ArgumentNullException.ThrowIfNull(model);
        var bookmarks = PdfOutline.Read(firstPass);
        // Sections follow the contents page: a covering report in front has headings of the same names ("Summary").
        var contents = bookmarks.Where(b => b.Title == "Contents").Select(b => b.Page).DefaultIfEmpty(0).Min();
        var pages = new Dictionary<string, int>();
        foreach (var entry in model.Contents)
        {
            var hit = bookmarks.Where(b => b.Page >= contents).OrderBy(b => b.Page).FirstOrDefault(b => Compact(b.Title) == Compact(entry.Title));
            if (hit.Title is not null)
            {
                pages[entry.Id] = hit.Page;
            }
        }

        return pages;
    }

    private async Task<PackModel> WheelPackAsync(
        PackKind kind, string title, string subtitle, string fileName, PackFigures figures,
        IReadOnlyList<MeasureLine> measures, HashSet<string>? segmentFilter, CancellationToken cancellationToken, string? committeeName = null)
    {
        var evaluation = figures.Evaluation;
        var quarter = evaluation.Period;
        var measureCodes = measures.Select(m => m.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var segments = evaluation.Groups.SelectMany(g => g.Segments)
            .Where(s => segmentFilter is null || segmentFilter.Contains(s.Code))
            .Select(s => figures.Segment(s.Code))
            .OfType<SegmentDetail>()
            .Select(detail => new PackSegment(detail, detail.Measures.Where(m => measureCodes.Contains(m.Code)).Select(m => figures.Measure(m.Code)).OfType<MeasureDetail>().ToList()))
            .ToList();

        var segmentCodes = evaluation.Groups.SelectMany(g => g.Segments).Select(s => s.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var others = measures
            .Where(m => (m.SegmentCode is null || !segmentCodes.Contains(m.SegmentCode)) && (m.Result.Value.HasValue || m.Result.Status.HasValue))
            .Select(m => figures.Measure(m.Code) is { } md ? new PackMeasure(m, md) : null)
            .OfType<PackMeasure>()
            .ToList();

        var exceptions = figures.Exceptions;
        var comparison = figures.Comparison;
        var finance = await details.FinanceAsync(quarter, Scope, cancellationToken);

        var model = new PackModel
        {
            Kind = kind,
            CouncilName = await context.CouncilNameAsync(cancellationToken),
            Title = title,
            Subtitle = subtitle,
            Period = quarter,
            PreparedOn = Today(),
            IsDraft = IsDraft(evaluation.Measures),
            FileName = fileName,
            Evaluation = evaluation,
            Measures = measures,
            SegmentFilter = segmentFilter,
            Comparison = comparison,
            Exceptions = exceptions.RequiringImprovement.Where(m => m.Result.Rating.Status == RagStatus.Red && measureCodes.Contains(m.Code)).ToList(),
            CriticalItems = exceptions.CriticalItems.Where(c => measureCodes.Contains(c.Measure.Code)).ToList(),
            Segments = segments,
            OtherMeasures = others,
            Finance = finance,
            CommitteeName = committeeName,
            Forecasts = figures.Forecasts,
            KeyIssues = await KeyIssuesAsync(kind, quarter, measures, cancellationToken),
        };

        var contents = new List<ContentsEntry> { new("summary", "Summary"), new("comparison", "Quarter comparison"), new("exceptions", "Exceptions") };
        contents.AddRange(segments.Select(s => new ContentsEntry($"segment-{s.Detail.Segment.Code}", SegmentHeading(s.Detail.Line))));
        if (others.Count > 0)
        {
            contents.Add(new("other-measures", "Other measures"));
        }

        contents.Add(new("finance", "Finance summary"));
        contents.Add(new("key", "Key to ratings"));
        model.Contents = contents;
        return model;
    }

    /// <summary>
    /// The key issues the pack prints: the Cabinet's, every directorate's; a Scrutiny committee's, only those of the
    /// directorates whose measures the committee reports on.
    /// </summary>
    private async Task<IReadOnlyList<KeyIssuesView>> KeyIssuesAsync(PackKind kind, ReportingPeriod quarter, IReadOnlyList<MeasureLine> measures, CancellationToken cancellationToken)
    {
        var issues = await context.KeyIssuesAsync(quarter, cancellationToken);
        if (kind != PackKind.Scrutiny)
        {
            return issues;
        }

        var directorates = measures.Select(m => m.Directorate).ToHashSet(StringComparer.Ordinal);
        return issues.Where(i => directorates.Contains(i.Directorate)).ToList();
    }

    /// <summary>Bookmark titles lose the spaces where a heading wrapped: compare without white space.</summary>
    private static string Compact(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>The heading of a segment's section, also its bookmark and contents line.</summary>
    public static string SegmentHeading(SegmentLine segment) => $"{segment.Code} {segment.Title}";

    /// <summary>Published means every figure of the period has been published; anything else prints as Draft.</summary>
    public static bool IsDraft(IEnumerable<MeasureLine> measures)
    {
        var states = measures.Select(m => m.Result.State).Where(s => s.HasValue).ToList();
        return states.Count == 0 || states.Any(s => s != WorkflowState.Published);
    }

    /// <summary>The quarter a pack for <paramref name="periodText"/> shows (default: the reader's latest), or <see cref="PackNotFoundException"/>.</summary>
    public Task<ReportingPeriod> QuarterAsync(string? periodText, CancellationToken cancellationToken = default) =>
        ResolveQuarterAsync(periodText, cancellationToken);

    private async Task<ReportingPeriod> ResolveQuarterAsync(string? periodText, CancellationToken cancellationToken)
    {
        var choice = await quarters.ResolveAsync(periodText, Scope, cancellationToken);
        return choice.Quarter ?? throw new PackNotFoundException(choice.Problem == QuarterProblem.NoFigures ? "There are no figures yet, so there is no pack to make." : choice.Message!);
    }

    private DateOnly Today() => DateOnly.FromDateTime(time.GetLocalNow().DateTime);

    /// <summary>"2019/20 Q2" → "2019-20-Q2"; "C&amp;F" → "CF"; "Adults Services" → "Adults-Services".</summary>
    public static string Slug(string text) =>
        string.Join('-', new string(text.Select(c => char.IsLetterOrDigit(c) ? c : c is ' ' or '/' or '-' ? ' ' : '\0').Where(c => c != '\0').ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));
}

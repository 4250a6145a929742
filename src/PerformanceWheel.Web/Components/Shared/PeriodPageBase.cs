using Microsoft.AspNetCore.Components;
using PerformanceWheel.Application.Performance;
using PerformanceWheel.Domain.Periods;

namespace PerformanceWheel.Web.Components.Shared;

/// <summary>
/// A page whose state is a quarter in the URL (?period=2019/20 Q2), resolved as packs, exports and the API resolve it
/// (<see cref="QuarterResolver"/>): no period → the reader's default quarter; a period with no figures → 404 with a way back.
/// </summary>
public abstract class PeriodPageBase : ComponentBase
{
    [Inject] protected PerformanceReader Reader { get; set; } = null!;

    [Inject] protected QuarterResolver QuarterResolver { get; set; } = null!;

    [Inject] protected NavigationManager Navigation { get; set; } = null!;

    [SupplyParameterFromQuery(Name = "period")] public string? PeriodText { get; set; }

    [CascadingParameter] protected HttpContext? HttpContext { get; set; }

    /// <summary>Quarters with figures, newest first.</summary>
    protected IReadOnlyList<ReportingPeriod> Quarters { get; private set; } = [];

    /// <summary>The quarter shown; null when there are no figures at all or the period was not found.</summary>
    protected ReportingPeriod? Quarter { get; private set; }

    /// <summary>Set when the page answers 404.</summary>
    protected string? NotFoundMessage { get; private set; }

    [Inject] protected IFigureAudience Audience { get; set; } = null!;

    /// <summary>Whether only published figures may be shown to this reader: councillors and anonymous readers see nothing else.</summary>
    protected bool PublishedOnly => Audience.PublishedOnly;

    /// <summary>Which figures this reader may see (a Director: drafts of their own directorates only).</summary>
    protected FigureScope Scope => Audience.Scope;

    /// <summary>Resolves the period (<see cref="QuarterResolver"/>); false when there is nothing to show (no figures, or 404 already set).</summary>
    protected async Task<bool> ResolvePeriodAsync()
    {
        var choice = await QuarterResolver.ResolveAsync(PeriodText, Scope);
        Quarters = choice.Quarters;
        Quarter = choice.Quarter;
        if (choice.Problem is { } problem and not QuarterProblem.NoFigures)
        {
            NotFound(choice.Message!);
        }

        return Quarter is not null;
    }

    /// <summary>Answers 404 with a message.</summary>
    protected void NotFound(string message)
    {
        NotFoundMessage = message;
        NotFoundResponse.Apply(Navigation, HttpContext, message);
    }

    /// <summary>A link to another page for the same quarter.</summary>
    protected string WithPeriod(string path) => Links.WithPeriod(path, Quarter);
}

/// <summary>Builds links that carry the period, so every view can be bookmarked and shared.</summary>
public static class Links
{
    public static string WithPeriod(string path, ReportingPeriod? period) =>
        period is { } p ? $"{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}period={Uri.EscapeDataString(p.Label)}" : path;

    public static string Measure(string code, ReportingPeriod? period) => WithPeriod($"/measures/{Uri.EscapeDataString(code)}", period);

    public static string Segment(string code, ReportingPeriod? period) => WithPeriod($"/segments/{Uri.EscapeDataString(code)}", period);

    public static string Directorate(string name, ReportingPeriod? period) => WithPeriod($"/directorates/{Uri.EscapeDataString(name)}", period);

    public static string Project(string code) => $"/projects/{Uri.EscapeDataString(code)}";

    /// <summary>The director's review of a directorate's figures for the quarter.</summary>
    public static string Review(string directorate, ReportingPeriod? period) => WithPeriod($"/outturns/{Uri.EscapeDataString(directorate)}/review", period);
}

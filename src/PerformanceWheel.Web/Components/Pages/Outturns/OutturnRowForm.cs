namespace PerformanceWheel.Web.Components.Pages.Outturns;

/// <summary>One row of the outturn grid as posted (the page's "save" form binds a list of them).</summary>
public sealed class OutturnRowForm
{
    public string? MeasureCode { get; set; }

    public string? PeriodCode { get; set; }

    public string? Value { get; set; }

    public string? Status { get; set; }

    public bool Provisional { get; set; }

    public string? Commentary { get; set; }

    public int? Version { get; set; }

    /// <summary>The id part of a row's fields (value-{id}, status-{id}, …) and of its error message.</summary>
    public static string Id(string measure, string period) => (measure + "-" + period).Replace(' ', '-').Replace('/', '-');
}

using System.Globalization;
using PerformanceWheel.Domain.Outturns;

namespace PerformanceWheel.Domain.Rating;

/// <summary>
/// Every status as users read it, in one place: ratings (letters, names and what they mean under the scheme in force),
/// project BRAG, why a measure is not rated, directions of travel, workflow states and figure statuses. Pages, packs,
/// exports and the API take their texts from here (<see cref="OutturnStatusText"/> reads and lists figure statuses).
/// </summary>
public static class StatusTexts
{
    /// <summary>G, A, R or B.</summary>
    public static string Letter(this RagStatus status) => status switch
    {
        RagStatus.Green => "G",
        RagStatus.Amber => "A",
        RagStatus.Red => "R",
        _ => "B",
    };

    /// <summary>What a rating means when neither the scheme nor the kind of thing rated is known (Blue: either).</summary>
    public static string Meaning(this RagStatus status) => status switch
    {
        RagStatus.Blue => "discontinued or complete",
        _ => status.Meaning(RagScheme.Default),
    };

    /// <summary>What a measure's rating means under the scheme it was rated under (Blue: discontinued, or exceeding target).</summary>
    public static string Meaning(this RagStatus status, RagScheme scheme)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        return status switch
        {
            RagStatus.Green when scheme.BlueExceedsTargetByPercent is { } percent => $"on target, or above it by less than {Percent(percent)}%",
            RagStatus.Green => "on or exceeding target",
            RagStatus.Amber => "off target but within tolerance",
            RagStatus.Red => "off target and outside tolerance",
            _ when scheme.BlueExceedsTargetByPercent is { } percent => $"exceeds target by at least {Percent(percent)}%",
            _ => "discontinued",
        };
    }

    /// <summary>"Blue: exceeds target by at least 10%": a measure's rating named with its meaning (never by colour alone).</summary>
    public static string Named(this RagStatus status, RagScheme scheme) => $"{status}: {status.Meaning(scheme)}";

    /// <summary>What a project's BRAG rating means (Blue: complete or closed, under every scheme).</summary>
    public static string ProjectMeaning(this RagStatus status) => status switch
    {
        RagStatus.Green => "on target",
        RagStatus.Amber => "requires attention",
        RagStatus.Red => "off target",
        _ => "complete or closed",
    };

    /// <summary>Why a measure has no rating.</summary>
    public static string Describe(this NotRatedReason reason) => reason switch
    {
        NotRatedReason.NoTarget => "Not rated: no target set",
        NotRatedReason.Incomplete => "Not rated: incomplete quarter",
        NotRatedReason.Discontinued => "Discontinued",
        _ => "Not rated: no value",
    };

    /// <summary>The ratings that count as rated under a scheme, for "of which 12 rated Green, Amber or Red".</summary>
    public static string RatedColours(RagScheme scheme)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        return scheme.BlueMeansExceedingTarget ? "Blue, Green, Amber or Red" : "Green, Amber or Red";
    }

    /// <summary>The one-line key to ratings printed under every page, for the scheme of the quarter shown.</summary>
    public static string KeyLine(RagScheme scheme)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        var key = string.Join(" · ", KeyOrder(scheme).Select(s => $"{s.Letter()} {s.Meaning(scheme)}"));
        var discontinued = scheme.BlueMeansExceedingTarget ? " · a discontinued measure shows “Discontinued”, without a colour" : string.Empty;
        return $"{key}{discontinued} (projects: B {RagStatus.Blue.ProjectMeaning()}). Arrows: {string.Join(" · ", Directions.Select(d => $"{d.Arrow()} {d.Describe()}"))}.";
    }

    /// <summary>The measure ratings in the order keys list them: Blue first when it means exceeding target, last when discontinued.</summary>
    public static IReadOnlyList<RagStatus> KeyOrder(RagScheme scheme)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        return scheme.BlueMeansExceedingTarget
            ? [RagStatus.Blue, RagStatus.Green, RagStatus.Amber, RagStatus.Red]
            : [RagStatus.Green, RagStatus.Amber, RagStatus.Red, RagStatus.Blue];
    }

    /// <summary>The directions in the order keys list them.</summary>
    public static IReadOnlyList<Direction> Directions { get; } = [Direction.Improving, Direction.Steady, Direction.Declining];

    public static string Arrow(this Direction direction) => direction switch
    {
        Direction.Improving => "↑",
        Direction.Declining => "↓",
        _ => "→",
    };

    /// <summary>"improving", "steady" or "declining".</summary>
    public static string Describe(this Direction direction) => direction switch
    {
        Direction.Improving => "improving",
        Direction.Declining => "declining",
        _ => "steady",
    };

    /// <summary>A workflow state as a tag or a column shows it: "Draft", "Submitted", "Approved", "Returned", "Published".</summary>
    public static string Label(this WorkflowState state) => state switch
    {
        WorkflowState.Draft => "Draft",
        WorkflowState.Submitted => "Submitted",
        WorkflowState.Approved => "Approved",
        WorkflowState.Returned => "Returned",
        _ => "Published",
    };

    /// <summary>A workflow state inside a sentence: "this figure is submitted".</summary>
    public static string InSentence(this WorkflowState state) => state.Label().ToLowerInvariant();

    /// <summary>How a figure's status is shown and written: "TBC", "N/A", "Not available".</summary>
    public static string Label(this OutturnStatus status) => status switch
    {
        OutturnStatus.Tbc => "TBC",
        OutturnStatus.NotApplicable => "N/A",
        OutturnStatus.NotAvailable => "Not available",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not an outturn status."),
    };

    /// <summary>A figure's status spelled out, for choices in forms.</summary>
    public static string Description(this OutturnStatus status) => status switch
    {
        OutturnStatus.Tbc => "TBC (to be confirmed)",
        OutturnStatus.NotApplicable => "N/A (not applicable)",
        OutturnStatus.NotAvailable => "Not available",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not an outturn status."),
    };

    private static string Percent(decimal percent) => percent.ToString("0.##", CultureInfo.InvariantCulture);
}

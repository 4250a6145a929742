namespace PerformanceWheel.Domain.Rating;

/// <summary>Headline sentences generated from a rollup, as printed on the front of council reports.</summary>
public static class Headlines
{
    public static IReadOnlyList<string> For(Rollup rollup, string subject = "measures")
    {
        ArgumentNullException.ThrowIfNull(rollup);
        var lines = new List<string>();
        if (rollup.OnOrAboveTargetPercent is { } green)
        {
            lines.Add($"{green}% of {subject} rated as on or exceeding target");
        }

        if (rollup.ImprovingPercent is { } improving)
        {
            lines.Add($"{improving}% of {subject} rated as improving");
        }

        if (rollup.RedPercent is { } red && rollup.Red > 0)
        {
            lines.Add($"{red}% of {subject} rated as off target and outside tolerance");
        }

        if (rollup.NotRated > 0)
        {
            lines.Add($"{rollup.NotRated} of {rollup.Measures} {subject} not rated (no value or no target yet)");
        }

        return lines;
    }
}

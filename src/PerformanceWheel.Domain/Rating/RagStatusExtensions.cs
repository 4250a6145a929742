namespace PerformanceWheel.Domain.Rating;

/// <summary>Letters, names and ordering for ratings, so a status is never shown by colour alone.</summary>
public static class RagStatusExtensions
{
    /// <summary>G, A, R or B.</summary>
    public static string Letter(this RagStatus status) => status switch
    {
        RagStatus.Green => "G",
        RagStatus.Amber => "A",
        RagStatus.Red => "R",
        _ => "B",
    };

    /// <summary>The key to ratings, as printed in council reports.</summary>
    public static string Meaning(this RagStatus status) => status switch
    {
        RagStatus.Green => "on or exceeding target",
        RagStatus.Amber => "off target but within tolerance",
        RagStatus.Red => "off target and outside tolerance",
        _ => "discontinued or complete",
    };

    /// <summary>Badness used to break ties: Red is worst. Blue sits apart and ranks best.</summary>
    public static int Severity(this RagStatus status) => status switch
    {
        RagStatus.Red => 3,
        RagStatus.Amber => 2,
        RagStatus.Green => 1,
        _ => 0,
    };

    public static bool TryParseLetterOrName(string? text, out RagStatus status)
    {
        status = default;
        switch (text?.Trim().ToUpperInvariant())
        {
            case "G" or "GREEN": status = RagStatus.Green; return true;
            case "A" or "AMBER": status = RagStatus.Amber; return true;
            case "R" or "RED": status = RagStatus.Red; return true;
            case "B" or "BLUE": status = RagStatus.Blue; return true;
            default: return false;
        }
    }

    public static string Arrow(this Direction direction) => direction switch
    {
        Direction.Improving => "↑",
        Direction.Declining => "↓",
        _ => "→",
    };

    public static string Describe(this Direction direction) => direction switch
    {
        Direction.Improving => "improving",
        Direction.Declining => "declining",
        _ => "steady",
    };
}

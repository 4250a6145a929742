namespace PerformanceWheel.Domain.Rating;

/// <summary>Ordering and reading of ratings (their texts are in <see cref="StatusTexts"/>).</summary>
public static class RagStatusExtensions
{
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


}

namespace PerformanceWheel.Domain.Common;

/// <summary>Checks for text fields, with messages that name the field.</summary>
public static class Guard
{
    public static string Required(string? value, string field, int maxLength)
    {
        var v = value?.Trim();
        if (string.IsNullOrEmpty(v))
        {
            throw new DomainException($"{field} is required.");
        }

        return MaxLength(v, field, maxLength)!;
    }

    public static string? Optional(string? value, string field, int maxLength)
    {
        var v = value?.Trim();
        return string.IsNullOrEmpty(v) ? null : MaxLength(v, field, maxLength);
    }

    private static string? MaxLength(string? value, string field, int maxLength) =>
        value is { Length: var n } && n > maxLength
            ? throw new DomainException($"{field} must be at most {maxLength} characters; it has {n}.")
            : value;
}

namespace PerformanceWheel.Domain.Common;

/// <summary>
/// A change the domain does not allow, with a message a user can read and, where one value is at fault, the name of
/// that value (<see cref="Field"/>, one of <see cref="DomainFields"/>). Forms, the API and the import show the message
/// next to their own input for that field, so none of them has to read the message to find where it belongs.
/// </summary>
public sealed class DomainException : Exception
{
    public DomainException(string message) : base(message) { }

    public DomainException(string field, string message) : base(message) => Field = field;

    public DomainException(string message, Exception innerException) : base(message, innerException) { }

    public DomainException() { }

    /// <summary>The value at fault (see <see cref="DomainFields"/>), or null when the change as a whole is refused.</summary>
    public string? Field { get; }
}

/// <summary>The names <see cref="DomainException.Field"/> takes: the domain's own property names.</summary>
public static class DomainFields
{
    public const string Code = "Code";
    public const string Title = "Title";
    public const string Description = "Description";
    public const string DataNotes = "DataNotes";
    public const string Directorate = "Directorate";
    public const string Unit = "Unit";
    public const string DecimalPlaces = "DecimalPlaces";
    public const string Polarity = "Polarity";
    public const string Tolerance = "Tolerance";
    public const string ToleranceType = "ToleranceType";
    public const string SteadyThreshold = "SteadyThreshold";
    public const string Year = "Year";
    public const string Period = "Period";
    public const string Target = "Target";
    public const string TargetLow = "TargetLow";
    public const string TargetHigh = "TargetHigh";
    public const string Value = "Value";
    public const string Status = "Status";
    public const string Reason = "Reason";
}

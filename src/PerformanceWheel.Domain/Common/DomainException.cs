namespace PerformanceWheel.Domain.Common;

/// <summary>A change the domain does not allow, with a message a user can read.</summary>
public sealed class DomainException : Exception
{
    public DomainException(string message) : base(message) { }

    public DomainException(string message, Exception innerException) : base(message, innerException) { }

    public DomainException() { }
}

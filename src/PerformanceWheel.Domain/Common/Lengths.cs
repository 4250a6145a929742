namespace PerformanceWheel.Domain.Common;

/// <summary>Column lengths, shared by validation and the database mapping.</summary>
public static class Lengths
{
    public const int Code = 32;
    public const int Name = 200;
    public const int Title = 300;
    public const int Label = 100;
    public const int Period = 16;
    public const int Unit = 40;
    public const int Text = 8000;
    public const int User = 256;
    public const int Enum = 32;
}

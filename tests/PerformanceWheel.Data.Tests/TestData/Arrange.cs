using PerformanceWheel.Data.Tests.Databases;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Rating;

namespace PerformanceWheel.Data.Tests.TestData;

/// <summary>Small valid graphs with unique codes and names, so tests sharing a class's database never collide.</summary>
public static class Arrange
{
    public static readonly DateTimeOffset Monday = new(2019, 10, 14, 9, 30, 12, 345, TimeSpan.Zero);

    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 32)];

    public static Measure Measure(Frequency frequency = Frequency.Monthly, Polarity polarity = Polarity.HigherIsBetter, string unit = "%") =>
        new(Unique("M"), "Measure under test", new Directorate(Unique("Directorate")), polarity, frequency, MeasureUnit.Parse(unit));

    public static Segment Segment() =>
        new Plan(Unique("Plan"), new FinancialYear(2016), new FinancialYear(2019))
            .AddGroup("The People's Priorities", 1)
            .AddSegment(Unique("S"), "Segment under test", "Lead role", 1);

    /// <summary>Saves the entity and everything reachable from it, in a context of its own.</summary>
    public static async Task<T> SavedAsync<T>(this TestDatabase database, T entity)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var context = database.CreateContext();
        context.Add(entity);
        await context.SaveChangesAsync();
        return entity;
    }
}

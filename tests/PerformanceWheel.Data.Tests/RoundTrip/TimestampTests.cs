using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Data.Tests.Databases;
using PerformanceWheel.Data.Tests.TestData;
using PerformanceWheel.Domain.Periods;
using Shouldly;

namespace PerformanceWheel.Data.Tests.RoundTrip;

/// <summary>
/// The domain takes any <see cref="DateTimeOffset"/>; a server in the UK hands out +01:00 from April to October
/// (DateTimeOffset.Now, TimeProvider.GetLocalNow()). Such a time must be stored as the same instant on every provider.
/// </summary>
public abstract class TimestampTests(DatabaseFixture fixture)
{
    public virtual async Task AnUpdateTimeInBritishSummerTimeReadsBackAsTheSameInstant()
    {
        var britishSummerTime = new DateTimeOffset(2019, 9, 30, 17, 5, 42, 250, TimeSpan.FromHours(1));
        var outturn = Arrange.Measure().NewOutturn(ReportingPeriod.Parse("Sep-19"));
        outturn.Record(80m, null, false, null, "analyst", britishSummerTime);

        await fixture.Database.SavedAsync(outturn);

        await using var read = fixture.Database.CreateContext();
        var stored = await read.Outturns.SingleAsync(o => o.Id == outturn.Id);
        stored.UpdatedAt.UtcDateTime.ShouldBe(new DateTime(2019, 9, 30, 16, 5, 42, 250, DateTimeKind.Utc));
    }
}

public sealed class TimestampsOnSqlite(SqliteFixture fixture) : TimestampTests(fixture), IClassFixture<SqliteFixture>
{
    [Fact]
    public override Task AnUpdateTimeInBritishSummerTimeReadsBackAsTheSameInstant() => base.AnUpdateTimeInBritishSummerTimeReadsBackAsTheSameInstant();
}

public sealed class TimestampsOnPostgreSql(PostgreSqlFixture fixture) : TimestampTests(fixture), IClassFixture<PostgreSqlFixture>
{
    [PostgreSqlFact]
    public override Task AnUpdateTimeInBritishSummerTimeReadsBackAsTheSameInstant() => base.AnUpdateTimeInBritishSummerTimeReadsBackAsTheSameInstant();
}

public sealed class TimestampsOnSqlServer(SqlServerFixture fixture) : TimestampTests(fixture), IClassFixture<SqlServerFixture>
{
    [SqlServerFact]
    public override Task AnUpdateTimeInBritishSummerTimeReadsBackAsTheSameInstant() => base.AnUpdateTimeInBritishSummerTimeReadsBackAsTheSameInstant();
}

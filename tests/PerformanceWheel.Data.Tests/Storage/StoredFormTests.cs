using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Data.Tests.Databases;
using PerformanceWheel.Data.Tests.TestData;
using PerformanceWheel.Domain.Finance;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Rating;
using Shouldly;

namespace PerformanceWheel.Data.Tests.Storage;

/// <summary>
/// What a DBA or a report writer sees in the tables: enums by name, periods by their chronological code,
/// financial years by their start year, units by their label. Read with raw SQL, past EF's converters.
/// </summary>
public abstract class StoredFormTests(DatabaseFixture fixture)
{
    public virtual async Task EnumsAreStoredAsTheirNames()
    {
        var measure = Arrange.Measure(Frequency.Monthly, Polarity.WithinRange);
        measure.Classify(Polarity.WithinRange, Frequency.Monthly, Aggregation.YearToDate, measure.Unit, 1);
        measure.SetTolerance(Tolerance.Percent(5), 0m);
        var outturn = measure.NewOutturn(ReportingPeriod.Parse("Sep-19"));
        outturn.Record(null, OutturnStatus.NotAvailable, false, null, "analyst", Arrange.Monday);
        outturn.MoveTo(WorkflowState.Submitted, "analyst", Arrange.Monday);
        await fixture.Database.SavedAsync(outturn);

        await using var context = fixture.Database.CreateContext();
        (await TextAsync(context, $"SELECT \"Polarity\" AS \"Value\" FROM \"Measures\" WHERE \"Id\" = {measure.Id}")).ShouldBe("WithinRange");
        (await TextAsync(context, $"SELECT \"Frequency\" AS \"Value\" FROM \"Measures\" WHERE \"Id\" = {measure.Id}")).ShouldBe("Monthly");
        (await TextAsync(context, $"SELECT \"Aggregation\" AS \"Value\" FROM \"Measures\" WHERE \"Id\" = {measure.Id}")).ShouldBe("YearToDate");
        (await TextAsync(context, $"SELECT \"ToleranceType\" AS \"Value\" FROM \"Measures\" WHERE \"Id\" = {measure.Id}")).ShouldBe("Percent");
        (await TextAsync(context, $"SELECT \"Status\" AS \"Value\" FROM \"Outturns\" WHERE \"Id\" = {outturn.Id}")).ShouldBe("NotAvailable");
        (await TextAsync(context, $"SELECT \"State\" AS \"Value\" FROM \"Outturns\" WHERE \"Id\" = {outturn.Id}")).ShouldBe("Submitted");
    }

    public virtual async Task PeriodsAreStoredAsTheirCodesAndUnitsAsTheirLabels()
    {
        var monthly = Arrange.Measure(Frequency.Monthly, unit: "per 100,000");
        monthly.SetTarget(new FinancialYear(2019), ReportingPeriod.Parse("Sep-19"), 12m, null, null);
        var month = monthly.NewOutturn(ReportingPeriod.Parse("Sep-19"));
        month.Record(1m, null, false, null, "analyst", Arrange.Monday);
        var quarter = Arrange.Measure(Frequency.Quarterly).NewOutturn(ReportingPeriod.Parse("2019/20 Q2"));
        quarter.Record(2m, null, false, null, "analyst", Arrange.Monday);
        var year = new BudgetLine(Arrange.Unique("Service"), ReportingPeriod.Parse("2019/20"), 1m, 1m);
        await fixture.Database.SavedAsync(month);
        await fixture.Database.SavedAsync(quarter);
        await fixture.Database.SavedAsync(year);

        await using var context = fixture.Database.CreateContext();
        (await TextAsync(context, $"SELECT \"Period\" AS \"Value\" FROM \"Outturns\" WHERE \"Id\" = {month.Id}")).ShouldBe("2019-09");
        (await TextAsync(context, $"SELECT \"Period\" AS \"Value\" FROM \"Outturns\" WHERE \"Id\" = {quarter.Id}")).ShouldBe("2019/20 Q2");
        (await TextAsync(context, $"SELECT \"Period\" AS \"Value\" FROM \"BudgetLines\" WHERE \"Id\" = {year.Id}")).ShouldBe("2019/20");
        (await TextAsync(context, $"SELECT \"Period\" AS \"Value\" FROM \"MeasureTargets\" WHERE \"MeasureId\" = {monthly.Id}")).ShouldBe("2019-09");
        (await context.Database.SqlQuery<int>($"SELECT \"Year\" AS \"Value\" FROM \"MeasureTargets\" WHERE \"MeasureId\" = {monthly.Id}").SingleAsync())
            .ShouldBe(2019);
        (await TextAsync(context, $"SELECT \"Unit\" AS \"Value\" FROM \"Measures\" WHERE \"Id\" = {monthly.Id}")).ShouldBe("per 100,000");
    }

    private static Task<string> TextAsync(DbContext context, FormattableString sql) => context.Database.SqlQuery<string>(sql).SingleAsync();
}

public sealed class StoredFormsOnSqlite(SqliteFixture fixture) : StoredFormTests(fixture), IClassFixture<SqliteFixture>
{
    [Fact]
    public override Task EnumsAreStoredAsTheirNames() => base.EnumsAreStoredAsTheirNames();

    [Fact]
    public override Task PeriodsAreStoredAsTheirCodesAndUnitsAsTheirLabels() => base.PeriodsAreStoredAsTheirCodesAndUnitsAsTheirLabels();
}

public sealed class StoredFormsOnPostgreSql(PostgreSqlFixture fixture) : StoredFormTests(fixture), IClassFixture<PostgreSqlFixture>
{
    [PostgreSqlFact]
    public override Task EnumsAreStoredAsTheirNames() => base.EnumsAreStoredAsTheirNames();

    [PostgreSqlFact]
    public override Task PeriodsAreStoredAsTheirCodesAndUnitsAsTheirLabels() => base.PeriodsAreStoredAsTheirCodesAndUnitsAsTheirLabels();
}

public sealed class StoredFormsOnSqlServer(SqlServerFixture fixture) : StoredFormTests(fixture), IClassFixture<SqlServerFixture>
{
    [SqlServerFact]
    public override Task EnumsAreStoredAsTheirNames() => base.EnumsAreStoredAsTheirNames();

    [SqlServerFact]
    public override Task PeriodsAreStoredAsTheirCodesAndUnitsAsTheirLabels() => base.PeriodsAreStoredAsTheirCodesAndUnitsAsTheirLabels();
}

using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PerformanceWheel.Application.Import;
using PerformanceWheel.Application.Workflow;
using PerformanceWheel.Data;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Web.Tests.Api;
using PerformanceWheel.Web.Tests.Import;
using Shouldly;
using static PerformanceWheel.TestSupport.TestWorkbook;

namespace PerformanceWheel.Web.Tests.Figures;

/// <summary>
/// A figure's period lies in the framework's years (the demo's plans cover 2016/17 to 2021/22) and not after the current
/// quarter of the application's clock, on every channel; the refusal names the period by its label.
/// </summary>
public sealed class FigurePeriodsOnSqlite(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Theory]
    [InlineData("2099/00 Q1")]
    [InlineData("1999/00 Q1")]
    public async Task TheApiRefusesAPeriodOutsideTheFrameworksYears(string period)
    {
        var key = await ApiClient.CreateKeyAsync(app.Factory, Roles.PerformanceOfficer);

        var response = await ApiClient.With(app.Factory, key).PostAsJsonAsync(ApiClient.Url("/api/v1/outturns"), new { measure = "PH-BF-01", period, value = 50m });

        (await ApiClient.ProblemAsync(response, 422)).GetProperty("errors").GetProperty("period").EnumerateArray().Single().GetString()
            .ShouldBe($"{period} is outside the framework's years (2016/17 to 2021/22); figures are recorded only for years a plan covers.");
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PerformanceWheelDbContext>();
        var p = ReportingPeriod.Parse(period);
        (await db.Outturns.AnyAsync(o => o.Period == p)).ShouldBeFalse();
    }

    [Fact]
    public async Task TheGridRefusesAQuarterThatHasNotStartedOnTheApplicationsClock()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var contexts = scope.ServiceProvider.GetRequiredService<IDbContextFactory<PerformanceWheelDbContext>>();
        var workflow = new OutturnWorkflow(contexts, new FixedClock(new DateTimeOffset(2019, 11, 15, 9, 0, 0, TimeSpan.Zero)));

        var outcomes = await workflow.SaveAsync("Public Health",
        [
            new EntryInput("PH-BF-01", "2019/20 Q4", "50", null, false, null, null),
            new EntryInput("PH-WB-01", "2020-01", "7", null, false, null, null),
            new EntryInput("PH-DEV-01", "2019/20 Q3", "70", null, false, null, null),
        ], "officer@demo.council");

        outcomes[0].Message.ShouldBe("2019/20 Q4 has not started yet; figures can be recorded up to the current quarter, 2019/20 Q3.");
        outcomes[1].Message.ShouldBe("Jan-20 has not started yet; figures can be recorded up to the current quarter, 2019/20 Q3.");
        outcomes[2].Saved.ShouldBeTrue(outcomes[2].Message);
    }

    [Fact]
    public async Task AnImportRefusesAPeriodAfterTheCurrentQuarter()
    {
        var workbook = Samples.Good("FP", x => x.Outturns![2][1] = "Dec-19").Bytes();
        var importer = new WorkbookImporter(app.Factory.Database.Factory(), new FixedClock(new DateTimeOffset(2019, 9, 20, 9, 0, 0, TimeSpan.Zero)), Options.Create(new ImportOptions()), NullLogger<WorkbookImporter>.Instance);
        using var stream = new MemoryStream(workbook);

        var report = await importer.ValidateAsync(stream, Samples.Admin());

        report.Errors.ShouldContain(e => e.Sheet == "Outturns" && e.Row == 3 && e.Column == "Period"
            && e.Message == "Dec-19 has not started yet; figures can be recorded up to the current quarter, 2019/20 Q2.", string.Join(" | ", report.Errors));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PerformanceWheel.Application.Workflow;
using PerformanceWheel.Data;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Web.Tests.Api;
using PerformanceWheel.Web.Tests.Pages;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Figures;

/// <summary>
/// Numbers are read one way (en-GB) on every channel: a comma only between thousands, never as a decimal point, and
/// nothing beyond what the database keeps (12 digits before the point, 6 after). Pages and charts survive any stored value.
/// </summary>
public sealed class FigureNumbersOnSqlite(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string CommaMessage = "is not a number: use a full stop for decimals (84.8), and commas only between thousands (1,234.5).";

    [Theory]
    [InlineData("PH-DEV-01", "2019/20 Q3", "12,34")]
    [InlineData("PH-BF-01", "2019/20 Q3", "95,3")]
    public async Task TheGridRefusesACommaUsedAsADecimalPoint(string measure, string period, string typed)
    {
        var outcome = (await SaveAsync(new EntryInput(measure, ReportingPeriod.Parse(period).Code, typed, null, false, null, null))).ShouldHaveSingleItem();

        outcome.Saved.ShouldBeFalse();
        outcome.Message.ShouldBe($"'{typed}' {CommaMessage}");
        (await ValueAsync(measure, period)).ShouldBeNull();
    }

    [Fact]
    public async Task TheGridReadsThousandsSeparators()
    {
        var outcome = (await SaveAsync(new EntryInput("PH-WB-01", "2019-10", "1,234.5", null, false, null, null))).ShouldHaveSingleItem();

        outcome.Saved.ShouldBeTrue(outcome.Message);
        (await ValueAsync("PH-WB-01", "Oct-19")).ShouldBe(1234.5m);
    }

    [Theory]
    [InlineData("79228162514264337593543950335", "79228162514264337593543950335 is too large; figures are stored up to 999,999,999,999.999999 (12 digits before the decimal point).")]
    [InlineData("1234567890123", "1234567890123 is too large; figures are stored up to 999,999,999,999.999999 (12 digits before the decimal point).")]
    [InlineData("0.0000001", "0.0000001 has more than 6 decimal places; figures are stored to 6 decimal places.")]
    public async Task TheGridAndTheApiRefuseANumberTheDatabaseCannotKeep(string number, string message)
    {
        var grid = (await SaveAsync(new EntryInput("PH-WB-01", "2019-11", number, null, false, null, null))).ShouldHaveSingleItem();
        var key = await ApiClient.CreateKeyAsync(app.Factory, Roles.PerformanceOfficer);
        using var body = new StringContent($$"""{"measure":"PH-WB-01","period":"Nov-19","value":{{number}}}""", Encoding.UTF8, "application/json");
        var api = await ApiClient.With(app.Factory, key).PostAsync(ApiClient.Url("/api/v1/outturns"), body);

        grid.Message.ShouldBe(message);
        (await ApiClient.ProblemAsync(api, 422)).GetProperty("errors").GetProperty("value").EnumerateArray().Single().GetString().ShouldBe(message);
        (await ValueAsync("PH-WB-01", "Nov-19")).ShouldBeNull();
    }

    [Fact]
    public async Task TheCorrectionFormRefusesACommaUsedAsADecimalPoint()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var corrections = scope.ServiceProvider.GetRequiredService<OutturnCorrections>();

        var result = await corrections.CorrectAsync("Public Health", new CorrectionInput("PH-HV-01", "2019/20 Q1", "86,2", null, "Provider resubmitted"), "officer@demo.council");

        result.Problems.Single(p => p.Field == "Value").Message.ShouldBe($"'86,2' {CommaMessage}");
        (await ValueAsync("PH-HV-01", "2019/20 Q1")).ShouldBe(85.1m);
    }

    [Fact]
    public async Task PagesWithTheLargestNumberSQLiteEverKeptStillAnswer()
    {
        // Written straight to the table, as a database filled before these limits may hold it.
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PerformanceWheelDbContext>();
            var q1 = ReportingPeriod.Parse("2019/20 Q1");
            var id = await db.Outturns.Where(o => o.Measure.Code == "PH-DEV-01" && o.Period == q1).Select(o => o.Id).SingleAsync();
            (await db.Database.ExecuteSqlAsync($"UPDATE \"Outturns\" SET \"Value\" = '79228162514264337593543950335' WHERE \"Id\" = {id}")).ShouldBe(1);
        }

        var client = app.Factory.CreateClient();
        var measure = await Page.OkAsync(client, "/measures/PH-DEV-01?period=2019/20%20Q1");
        measure.QuerySelector("svg.trend-chart").ShouldNotBeNull();
        await Page.OkAsync(client, "/directorates/Public%20Health?period=2019/20%20Q1");
        await Page.OkAsync(client, "/?period=2019/20%20Q1");
    }

    private async Task<IReadOnlyList<EntryOutcome>> SaveAsync(EntryInput input)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutturnWorkflow>().SaveAsync("Public Health", [input], "officer@demo.council");
    }

    private async Task<decimal?> ValueAsync(string measure, string period)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PerformanceWheelDbContext>();
        var p = ReportingPeriod.Parse(period);
        return await db.Outturns.Where(o => o.Measure.Code == measure && o.Period == p).Select(o => o.Value).SingleOrDefaultAsync();
    }
}

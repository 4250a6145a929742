using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PerformanceWheel.Application.Workflow;
using PerformanceWheel.Data;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Web.Tests.Api;
using PerformanceWheel.Web.Tests.Import;
using PerformanceWheel.Web.Tests.Security;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Figures;

/// <summary>
/// A measure discontinued from a period takes no figure for that period or any later one, on every channel (the grid,
/// the API, workbook import, corrections), even when the request is crafted; a late figure for a period before it was
/// discontinued is still legitimate (<c>Domain.Tests.Outturns.FigurePeriods</c>). A refusal stores nothing.
/// </summary>
public sealed class DiscontinuedMeasuresOnSqlite(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task TheGridRefusesAFigureForADiscontinuedMeasureTypedInAGridOpenedBefore()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var workflow = scope.ServiceProvider.GetRequiredService<PerformanceWheel.Application.Workflow.OutturnWorkflow>();
        var sheet = new PerformanceWheel.Web.Components.Pages.Outturns.GridSheet(
            (await workflow.GridAsync("Public Health", PerformanceWheel.Domain.Periods.ReportingPeriod.Parse("2019/20 Q3")))!);
        await DiscontinueAsync("PH-BF-01", "2019/20 Q3");
        sheet.Type(sheet.Find("value-PH-BF-01-2019-20-Q3")!, "50");

        var refused = await workflow.SaveAsync("Public Health", sheet.Changes(), "officer@demo.council");

        refused.ShouldHaveSingleItem().Message.ShouldBe("PH-BF-01 was discontinued from 2019/20 Q3; 2019/20 Q3 is after its last period.");
        (await StoredAsync("PH-BF-01", "2019/20 Q3")).ShouldBeFalse();
    }

    [Fact]
    public async Task TheApiRefusesAFigureForADiscontinuedMeasure()
    {
        await DiscontinueAsync("PH-DEV-01", "2019/20 Q2");
        var key = await ApiClient.CreateKeyAsync(app.Factory, Roles.PerformanceOfficer);

        var response = await ApiClient.With(app.Factory, key).PostAsJsonAsync(ApiClient.Url("/api/v1/outturns"), new { measure = "PH-DEV-01", period = "2019/20 Q3", value = 70m });

        (await ApiClient.ProblemAsync(response, 422)).GetProperty("errors").GetProperty("period").EnumerateArray().Single().GetString()
            .ShouldBe("PH-DEV-01 was discontinued from 2019/20 Q2; 2019/20 Q3 is after its last period.");
        (await StoredAsync("PH-DEV-01", "2019/20 Q3")).ShouldBeFalse();
    }

    [Fact]
    public async Task AnImportRefusesAFigureForADiscontinuedMeasureAndWritesNothing()
    {
        await DiscontinueAsync("PH-WB-01", "Oct-19");
        var workbook = Samples.Good("DM", x => x.Outturns!.Add(TestSupport.TestWorkbook.Row("PH-WB-01", "Nov-19", 7, null, null, null))).Bytes();

        var report = await Samples.ImportAsync(app.Factory.Database, workbook, Samples.Admin());

        report.Applied.ShouldBeFalse();
        report.Errors.ShouldContain(e => e.Sheet == "Outturns" && e.Row == 5 && e.Column == "Period"
            && e.Message == "PH-WB-01 was discontinued from Oct-19; Nov-19 is after its last period.", string.Join(" | ", report.Errors));
        (await StoredAsync("PH-WB-01", "Nov-19")).ShouldBeFalse();
        await using var scope = app.Factory.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<PerformanceWheelDbContext>().Measures.AnyAsync(m => m.Code.StartsWith("DM-"))).ShouldBeFalse();
    }

    [Fact]
    public async Task AnImportRefusesAFigureForAMeasureItDiscontinuesItself()
    {
        var workbook = Samples.Good("DS", x => x.Measures![1][12] = "2019/20 Q2").Bytes();

        var report = await Samples.ImportAsync(app.Factory.Database, workbook, Samples.Admin());

        report.Applied.ShouldBeFalse();
        report.Errors.ShouldContain(e => e.Sheet == "Outturns" && e.Row == 2 && e.Column == "Period"
            && e.Message == "DS-PCT was discontinued from 2019/20 Q2; 2019/20 Q2 is after its last period.", string.Join(" | ", report.Errors));
        await using var scope = app.Factory.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<PerformanceWheelDbContext>().Measures.AnyAsync(m => m.Code.StartsWith("DS-"))).ShouldBeFalse();
    }

    [Fact]
    public async Task TheCorrectionFormRefusesAFigureForAPeriodFromWhichTheMeasureWasDiscontinued()
    {
        await DiscontinueAsync("PH-HV-01", "2019/20 Q1");
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var corrections = scope.ServiceProvider.GetRequiredService<OutturnCorrections>();

        var result = await corrections.CorrectAsync("Public Health", new CorrectionInput("PH-HV-01", "2019/20 Q1", "90", null, "Provider resubmitted"), "officer@demo.council");

        result.Problems.ShouldContain(p => p.Message == "PH-HV-01 was discontinued from 2019/20 Q1; 2019/20 Q1 is after its last period.");
        await using var check = app.Factory.Services.CreateAsyncScope();
        var q1 = ReportingPeriod.Parse("2019/20 Q1");
        (await check.ServiceProvider.GetRequiredService<PerformanceWheelDbContext>().Outturns.SingleAsync(o => o.Measure.Code == "PH-HV-01" && o.Period == q1)).Value.ShouldBe(85.1m);
    }

    private async Task DiscontinueAsync(string measure, string from)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PerformanceWheelDbContext>();
        (await db.Measures.SingleAsync(m => m.Code == measure)).Discontinue(ReportingPeriod.Parse(from));
        await db.SaveChangesAsync();
    }

    private async Task<bool> StoredAsync(string measure, string period)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var p = ReportingPeriod.Parse(period);
        return await scope.ServiceProvider.GetRequiredService<PerformanceWheelDbContext>().Outturns.AnyAsync(o => o.Measure.Code == measure && o.Period == p);
    }
}

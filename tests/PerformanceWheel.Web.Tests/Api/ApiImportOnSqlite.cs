using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PerformanceWheel.Data;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Web.Tests.Import;
using Shouldly;
using static PerformanceWheel.TestSupport.TestWorkbook;

namespace PerformanceWheel.Web.Tests.Api;

/// <summary>POST /api/v1/imports/workbook: the import engine behind an API key — 200 with counts, 422 with every error, all or nothing.</summary>
public sealed class ApiImportOnSqlite(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static readonly Uri Import = ApiClient.Url("/api/v1/imports/workbook");

    [Fact]
    public async Task AnAdminKeyImportsAWorkbookAndGetsTheCounts()
    {
        var admin = ApiClient.With(app.Factory, await ApiClient.CreateKeyAsync(app.Factory, Roles.Admin, "Migration"));

        var response = await admin.PostAsync(Import, Upload(Samples.Good("API").Bytes()));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var body = await ApiClient.JsonAsync(response);
        body.GetProperty("mode").GetString().ShouldBe("Historical");
        var outturns = body.GetProperty("counts").EnumerateArray().Single(c => c.GetProperty("what").GetString() == "Outturns");
        outturns.GetProperty("created").GetInt32().ShouldBe(3);
        (await StateAsync("API-PCT", "2019/20 Q2")).ShouldBe(WorkflowState.Published);

        // The same rows again change nothing.
        var again = await ApiClient.JsonAsync(await admin.PostAsync(Import, Upload(Samples.Good("API").Bytes())));
        again.GetProperty("counts").EnumerateArray().Single(c => c.GetProperty("what").GetString() == "Outturns").GetProperty("unchanged").GetInt32().ShouldBe(3);
    }

    [Fact]
    public async Task AnOfficerKeyImportsDraftsAndMayNotAskForHistorical()
    {
        var officer = ApiClient.With(app.Factory, await ApiClient.CreateKeyAsync(app.Factory, Roles.PerformanceOfficer, "Service upload"));

        var historical = await officer.PostAsync(Import, Upload(Samples.Good("APO").Bytes(), "historical"));
        (await ApiClient.ProblemAsync(historical, 400)).GetProperty("errors").GetProperty("mode").ToString().ShouldContain("Admin");

        var draft = await officer.PostAsync(Import, Upload(Samples.Good("APO").Bytes()));
        draft.StatusCode.ShouldBe(HttpStatusCode.OK, await draft.Content.ReadAsStringAsync());
        (await ApiClient.JsonAsync(draft)).GetProperty("mode").GetString().ShouldBe("Draft");
        (await StateAsync("APO-PCT", "2019/20 Q2")).ShouldBe(WorkflowState.Draft);
    }

    [Fact]
    public async Task AWorkbookWithErrorsAnswers422WithEachErrorAndWritesNothing()
    {
        var admin = ApiClient.With(app.Factory, await ApiClient.CreateKeyAsync(app.Factory, Roles.Admin));
        var bad = Samples.Good("APX", parts => parts.Outturns!.Add(Row("NO-SUCH", "2019/20 Q2", "lots", null, null, null))).Bytes();
        var before = await CountAsync();

        var response = await admin.PostAsync(Import, Upload(bad));

        var errors = (await ApiClient.ProblemAsync(response, 422)).GetProperty("errors").EnumerateArray().ToList();
        errors.ShouldContain(e => e.GetProperty("sheet").GetString() == "Outturns" && e.GetProperty("row").GetInt32() == 5 && e.GetProperty("column").GetString() == "Code");
        errors.ShouldContain(e => e.GetProperty("sheet").GetString() == "Outturns" && e.GetProperty("row").GetInt32() == 5 && e.GetProperty("column").GetString() == "Value");
        (await CountAsync()).ShouldBe(before, "nothing was written");
    }

    [Fact]
    public async Task WithoutAFileOrAsJsonTheAnswerSaysWhatToSend()
    {
        var admin = ApiClient.With(app.Factory, await ApiClient.CreateKeyAsync(app.Factory, Roles.Admin));

        var json = await admin.PostAsync(Import, new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        (await ApiClient.ProblemAsync(json, 415)).GetProperty("detail").GetString()!.ShouldContain("multipart/form-data");

        using var empty = new MultipartFormDataContent { { new StringContent("draft"), "mode" } };
        (await ApiClient.ProblemAsync(await admin.PostAsync(Import, empty), 400)).GetProperty("errors").GetProperty("file").ToString().ShouldContain("'file'");
    }

    [Fact]
    public async Task NoKeyIs401AndAReadingKeyIs403()
    {
        (await ApiClient.With(app.Factory, null).PostAsync(Import, Upload(Samples.Good("APN").Bytes()))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var councillor = ApiClient.With(app.Factory, await ApiClient.CreateKeyAsync(app.Factory, Roles.Councillor));
        (await councillor.PostAsync(Import, Upload(Samples.Good("APN").Bytes()))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var director = ApiClient.With(app.Factory, await ApiClient.CreateKeyAsync(app.Factory, Roles.Director));
        (await director.PostAsync(Import, Upload(Samples.Good("APN").Bytes()))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    internal static MultipartFormDataContent Upload(byte[] workbook, string? mode = null)
    {
        var file = new ByteArrayContent(workbook);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var form = new MultipartFormDataContent { { file, "file", "figures.xlsx" } };
        if (mode is not null)
        {
            form.Add(new StringContent(mode), "mode");
        }

        return form;
    }

    private async Task<WorkflowState?> StateAsync(string code, string period)
    {
        await using var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<PerformanceWheelDbContext>>().CreateDbContextAsync();
        var outturns = await db.Outturns.Include(o => o.Measure).Where(o => o.Measure.Code == code).ToListAsync();
        return outturns.SingleOrDefault(o => o.Period.Label == period)?.State;
    }

    private async Task<int> CountAsync()
    {
        await using var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<PerformanceWheelDbContext>>().CreateDbContextAsync();
        return await db.Outturns.CountAsync() + await db.Measures.CountAsync() + await db.MeasureTargets.CountAsync();
    }
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PerformanceWheel.Application.Framework;
using PerformanceWheel.Application.Workflow;
using PerformanceWheel.Data;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Web.OpenData;
using PerformanceWheel.Web.Tests.Pages;
using PerformanceWheel.Web.Tests.Security;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Api;

/// <summary>Open data: off until an Admin turns it on; then published figures only, as RFC 4180 CSV per quarter.</summary>
public sealed class OpenDataOnSqlite(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task OpenDataIsOffByDefaultAndAnswers404()
    {
        await SetOpenDataAsync(false);
        var client = SignedInClient.Anonymous(app.Factory);

        var index = await client.GetAsync(ApiClient.Url("/open-data"));
        var csv = await client.GetAsync(ApiClient.Url("/open-data/2019-20-Q2.csv"));

        index.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        csv.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await csv.Content.ReadAsStringAsync()).ShouldContain("This council does not publish open data.");
        (await NewCouncilSettingsAsync()).OpenDataEnabled.ShouldBeFalse();
    }

    [Fact]
    public async Task AnAdminTurnsItOnOnTheSettingsPageAndTheChangeIsAudited()
    {
        await SetOpenDataAsync(false);
        var admin = await SignedInClient.AsAsync(app.Factory, Roles.Admin);

        var response = await PostSettingsAsync(admin, openData: true, overdueDays: "30");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await admin.GetAsync(ApiClient.Url("/open-data"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var settings = await Page.OkAsync(admin, "/admin/settings");
        settings.QuerySelector("#open-data")!.HasAttribute("checked").ShouldBeTrue();
        settings.QuerySelector("#anonymous-reading")!.HasAttribute("checked").ShouldBeTrue();
        settings.Table("Change history").QuerySelector("tbody")!.Text().ShouldContain("Open data: off → on");
    }

    [Fact]
    public async Task ABadNumberOfDaysIsShownNextToTheField()
    {
        var admin = await SignedInClient.AsAsync(app.Factory, Roles.Admin);

        var response = await PostSettingsAsync(admin, openData: true, overdueDays: "400");

        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        page.QuerySelector("#overdue-days")!.Closest(".field")!.QuerySelector(".field-error")!.Text().ShouldBe("Enter a number of days from 0 to 365");
    }

    [Fact]
    public async Task TheIndexListsEveryQuarterWithPublishedFigures()
    {
        await SetOpenDataAsync(true);

        var page = await Page.OkAsync(SignedInClient.Anonymous(app.Factory), "/open-data");

        var links = page.Table("Quarters with published figures").QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        links.ShouldContain("/open-data/2019-20-Q2.csv");
        links.ShouldContain("/open-data/2017-18-Q2.csv");
    }

    [Fact]
    public async Task AQuartersFileHoldsItsPublishedFiguresWithMeasureMetadata()
    {
        await SetOpenDataAsync(true);

        var response = await SignedInClient.Anonymous(app.Factory).GetAsync(ApiClient.Url("/open-data/2019-20-Q1.csv"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().ShouldBe("text/csv; charset=utf-8");
        response.Content.Headers.ContentDisposition!.FileName.ShouldBe("performance-2019-20-Q1.csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes[0].ShouldNotBe((byte)0xEF, "no byte order mark");
        var rows = Csv.Parse(System.Text.Encoding.UTF8.GetString(bytes));
        rows[0].ShouldBe(OpenDataCsv.Columns);
        rows.Skip(1).ShouldAllBe(r => r.Count == OpenDataCsv.Columns.Count);
        var visits = Csv.Row(rows, "PH-HV-01");
        visits["title"].ShouldBe("Health visitor new birth visits within 14 days");
        visits["directorate"].ShouldBe("Public Health");
        visits["segment"].ShouldBe("O3.2");
        visits["unit"].ShouldBe("%");
        visits["polarity"].ShouldBe("HigherIsBetter");
        visits["frequency"].ShouldBe("Quarterly");
        (visits["target"], visits["value"], visits["status"], visits["rag"], visits["direction"], visits["period"])
            .ShouldBe(("90", "85.1", "", "Amber", "Declining", "2019/20 Q1"));
    }

    [Fact]
    public async Task DraftsAreNeverInTheFile()
    {
        await SetOpenDataAsync(true);
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<OutturnWorkflow>().SaveAsync(
                "Public Health", [new EntryInput("PH-HV-01", "2019/20 Q2", "88.0", null, false, null, null)], "officer@demo.council"))
                .ShouldHaveSingleItem().Saved.ShouldBeTrue();
        }

        var rows = Csv.Parse(await SignedInClient.Anonymous(app.Factory).GetStringAsync(ApiClient.Url("/open-data/2019-20-Q2.csv")));

        rows.Skip(1).Select(r => r[0]).ShouldNotContain("PH-HV-01");
        rows.Count.ShouldBeGreaterThan(1);
        rows.Skip(1).ShouldAllBe(r => r[r.Count - 1] == "2019/20 Q2", "quarterly and monthly measures report the quarter; no annual figures before Q4");
    }

    [Theory]
    [InlineData("/open-data/2019-20-Q5.csv")]
    [InlineData("/open-data/2019.csv")]
    [InlineData("/open-data/1999-00-Q1.csv")]
    public async Task AFileForAQuarterWithoutPublishedFiguresIs404(string url)
    {
        await SetOpenDataAsync(true);

        (await SignedInClient.Anonymous(app.Factory).GetAsync(ApiClient.Url(url))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/admin/settings")]
    [InlineData("/admin/api-keys")]
    [InlineData("/open-data")]
    public async Task EveryFieldHasALabelAndThePageOneHeading(string url)
    {
        await SetOpenDataAsync(true);
        var admin = await SignedInClient.AsAsync(app.Factory, Roles.Admin);

        var page = await Page.OkAsync(admin, url);

        var main = page.QuerySelector("main")!;
        main.QuerySelectorAll("h1").Length.ShouldBe(1);
        page.Title.ShouldNotBeNullOrWhiteSpace();
        main.QuerySelectorAll("table").ShouldAllBe(t => t.QuerySelector("caption") != null);
        foreach (var field in main.QuerySelectorAll("input, select, textarea").Where(f => f.GetAttribute("type") is not ("hidden" or "submit")))
        {
            var labelled = field.Closest("label") is not null
                || (field.Id is { Length: > 0 } id && main.QuerySelector($"label[for='{id}']") is not null);
            labelled.ShouldBeTrue($"{url}: {field.OuterHtml} has no label");
        }
    }

    private static async Task<HttpResponseMessage> PostSettingsAsync(HttpClient admin, bool openData, string overdueDays)
    {
        var token = await SignedInClient.TokenAsync(admin, "/admin/settings");
        var fields = new Dictionary<string, string>
        {
            ["_handler"] = "council-settings",
            ["__RequestVerificationToken"] = token,
            ["Input.AllowAnonymousReading"] = "true",
            ["Input.OverdueDaysAfterPeriodEnd"] = overdueDays,
        };
        if (openData)
        {
            fields["Input.OpenDataEnabled"] = "true";
        }

        using var form = new FormUrlEncodedContent(fields);
        return await admin.PostAsync(ApiClient.Url("/admin/settings"), form);
    }

    private async Task SetOpenDataAsync(bool enabled)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PerformanceWheelDbContext>();
        var settings = await db.CouncilSettings.SingleAsync();
        settings.ChangeOpenData(enabled);
        await db.SaveChangesAsync();
    }

    // A council created without demo data starts with open data off.
    private static async Task<ReadingSettings> NewCouncilSettingsAsync()
    {
        await using var database = PerformanceWheel.TestSupport.TestDatabases.CreateSqlite();
        await using var factory = new AppFactory(database, loadDemo: false);
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CouncilSettingsAdministration>().ReadingAsync();
    }
}

/// <summary>A small RFC 4180 reader for the tests (quoted fields, doubled quotes, CRLF).</summary>
internal static class Csv
{
    public static List<List<string>> Parse(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') { quoted = false; }
                else { field.Append(c); }
            }
            else if (c == '"') { quoted = true; }
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString()); field.Clear(); rows.Add(row); row = []; i++;
            }
            else { field.Append(c); }
        }

        text.ShouldEndWith("\r\n");
        return rows;
    }

    public static Dictionary<string, string> Row(List<List<string>> rows, string code)
    {
        var row = rows.Single(r => r[0] == code);
        return rows[0].Zip(row).ToDictionary(p => p.First, p => p.Second);
    }
}

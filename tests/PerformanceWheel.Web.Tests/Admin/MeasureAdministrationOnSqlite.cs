using System.Net;
using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Web.Tests.Security;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Admin;

/// <summary>Officers create and change measures and targets through the forms; bad values are refused next to the field and nothing is saved.</summary>
public sealed class MeasureAdministrationOnSqlite(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string NewPage = "/admin/framework/measures/new";
    private readonly AppFactory _factory = app.Factory;

    [Fact]
    public async Task AMeasureCreatedThroughTheFormAppearsOnItsPage()
    {
        var officer = await SignedInClient.AsAsync(_factory, Roles.PerformanceOfficer);
        var fields = FrameworkForms.NewMeasure("TST-NEW-01", await FrameworkForms.FirstDirectorateIdAsync(_factory));

        var response = await FrameworkForms.PostAsync(officer, NewPage, "measure", fields);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // The measure page shows a measure once it has a figure (it answers 404 before), so one is recorded.
        await FrameworkForms.QueryAsync(_factory, async db =>
        {
            var measure = await db.Measures.SingleAsync(m => m.Code == "TST-NEW-01");
            var outturn = measure.NewOutturn(ReportingPeriod.Parse("2019/20 Q2"));
            outturn.Record(91.5m, null, false, "First figure", "officer@demo.council", DateTimeOffset.UtcNow);
            db.Outturns.Add(outturn);
            return await db.SaveChangesAsync();
        });
        var page = await officer.GetStringAsync(new Uri("/measures/TST-NEW-01?period=2019/20%20Q2", UriKind.Relative));
        page.ShouldContain("Test measure TST-NEW-01");
        page.ShouldContain("National average");
        var audit = await FrameworkForms.QueryAsync(_factory, db => db.AuditEntries.SingleAsync(a => a.EntityType == "Measure" && a.EntityKey == "TST-NEW-01"));
        audit.Action.ShouldBe("Created");
        audit.User.ShouldBe(SignedInClient.EmailFor(Roles.PerformanceOfficer));
    }

    [Fact]
    public async Task ChangingTheToleranceIsSavedAndAudited()
    {
        var officer = await SignedInClient.AsAsync(_factory, Roles.PerformanceOfficer);
        var fields = FrameworkForms.NewMeasure("TST-TOL-01", await FrameworkForms.FirstDirectorateIdAsync(_factory));
        (await FrameworkForms.PostAsync(officer, NewPage, "measure", fields)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = await FrameworkForms.MeasureIdAsync(_factory, "TST-TOL-01");

        fields["Input.ToleranceType"] = "Percent";
        fields["Input.ToleranceValue"] = "5";
        var response = await FrameworkForms.PostAsync(officer, $"/admin/framework/measures/{id}", "measure", fields);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var audit = await FrameworkForms.QueryAsync(_factory, db => db.AuditEntries.SingleAsync(a => a.EntityKey == "TST-TOL-01" && a.Action == "Updated"));
        audit.Changes.ShouldBe("Tolerance: ±2 → 5%");
        WebUtility.HtmlDecode(await officer.GetStringAsync(new Uri($"/admin/framework/measures/{id}", UriKind.Relative))).ShouldContain("Tolerance: ±2 → 5%");
    }

    [Theory]
    [InlineData("Input.ToleranceValue", "-1", "Tolerance must be zero or more")]
    [InlineData("Input.SteadyThreshold", "-0.1", "Steady threshold must be zero or more")]
    [InlineData("Input.UnitText", "furlongs", "'furlongs' is not a unit")]
    [InlineData("Input.Code", "PH-HV-01", "A measure with the code PH-HV-01 already exists")]
    [InlineData("Input.DecimalPlaces", "7", "Decimal places must be between 0 and 6")]
    [InlineData("Input.Title", "", "Enter the measure's title")]
    [InlineData("Input.DiscontinuedFrom", "someday", "'someday' is not a period")]
    [InlineData("Input.BenchmarksText", "National average", "is not a benchmark")]
    public async Task ABadValueIsShownNextToItsFieldAndNothingIsSaved(string field, string value, string message)
    {
        var officer = await SignedInClient.AsAsync(_factory, Roles.PerformanceOfficer);
        var fields = FrameworkForms.NewMeasure("TST-BAD-01", await FrameworkForms.FirstDirectorateIdAsync(_factory));
        fields[field] = value;
        var before = await CountsAsync();

        var response = await FrameworkForms.PostAsync(officer, NewPage, "measure", fields);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        FrameworkForms.MessageNextTo(html, field).ShouldContain(message);
        if (field is not ("Input.ToleranceValue" or "Input.SteadyThreshold" or "Input.DecimalPlaces"))
        {
            // The text fields (FrameworkText) are described by their problem; the number fields are not yet (see the note).
            FrameworkForms.ProblemDescribing(html, field).ShouldContain(message);
        }

        (await CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task ABadEditChangesNothing()
    {
        var officer = await SignedInClient.AsAsync(_factory, Roles.PerformanceOfficer);
        var fields = FrameworkForms.NewMeasure("TST-BAD-02", await FrameworkForms.FirstDirectorateIdAsync(_factory));
        (await FrameworkForms.PostAsync(officer, NewPage, "measure", fields)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = await FrameworkForms.MeasureIdAsync(_factory, "TST-BAD-02");

        fields["Input.Title"] = "A new title";
        fields["Input.ToleranceValue"] = "-3";
        var response = await FrameworkForms.PostAsync(officer, $"/admin/framework/measures/{id}", "measure", fields);

        FrameworkForms.MessageNextTo(await response.Content.ReadAsStringAsync(), "Input.ToleranceValue").ShouldContain("Tolerance must be zero or more");
        var saved = await FrameworkForms.QueryAsync(_factory, db => db.Measures.SingleAsync(m => m.Id == id));
        saved.Title.ShouldBe("Test measure TST-BAD-02");
        saved.ToleranceValue.ShouldBe(2m);
        (await FrameworkForms.QueryAsync(_factory, db => db.AuditEntries.CountAsync(a => a.EntityKey == "TST-BAD-02"))).ShouldBe(1);
    }

    [Fact]
    public async Task AWithinRangeTargetNeedsALowAndAHigh()
    {
        var officer = await SignedInClient.AsAsync(_factory, Roles.PerformanceOfficer);
        var fields = FrameworkForms.NewMeasure("TST-RNG-01", await FrameworkForms.FirstDirectorateIdAsync(_factory), "WithinRange");
        (await FrameworkForms.PostAsync(officer, NewPage, "measure", fields)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = await FrameworkForms.MeasureIdAsync(_factory, "TST-RNG-01");
        var page = $"/admin/framework/measures/{id}/targets";

        var refused = await FrameworkForms.PostAsync(officer, page, "target", new Dictionary<string, string> { ["Input.Year"] = "2019/20", ["Input.Period"] = "", ["Input.Low"] = "40", ["Input.High"] = "" });
        FrameworkForms.MessageNextTo(await refused.Content.ReadAsStringAsync(), "Input.High").ShouldContain("TST-RNG-01 is rated Within range: give a target high.");
        (await FrameworkForms.QueryAsync(_factory, db => db.MeasureTargets.CountAsync(t => t.MeasureId == id))).ShouldBe(0);

        var accepted = await FrameworkForms.PostAsync(officer, page, "target", new Dictionary<string, string> { ["Input.Year"] = "2019/20", ["Input.Period"] = "2019/20 Q2", ["Input.Low"] = "40", ["Input.High"] = "60" });
        accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var target = await FrameworkForms.QueryAsync(_factory, db => db.MeasureTargets.SingleAsync(t => t.MeasureId == id));
        (target.Low, target.High).ShouldBe((40m, 60m));
        target.Period!.Value.Label.ShouldBe("2019/20 Q2");
        (await FrameworkForms.QueryAsync(_factory, db => db.AuditEntries.SingleAsync(a => a.EntityType == "Measure target" && a.EntityKey == "TST-RNG-01"))).Changes.ShouldBe("Target 2019/20 Q2: 40–60");
    }

    [Fact]
    public async Task TheTargetsListWritesTargetsAsEveryOtherPageDoes()
    {
        var officer = await SignedInClient.AsAsync(_factory, Roles.PerformanceOfficer);
        var fields = FrameworkForms.NewMeasure("TST-RNG-02", await FrameworkForms.FirstDirectorateIdAsync(_factory), "WithinRange");
        (await FrameworkForms.PostAsync(officer, NewPage, "measure", fields)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = await FrameworkForms.MeasureIdAsync(_factory, "TST-RNG-02");
        var page = $"/admin/framework/measures/{id}/targets";
        var set = new Dictionary<string, string> { ["Input.Year"] = "2019/20", ["Input.Period"] = "", ["Input.Low"] = "40", ["Input.High"] = "60.5" };
        (await FrameworkForms.PostAsync(officer, page, "target", set)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var document = await Pages.Page.OkAsync(officer, page);

        // In the measure's unit, with the decimals of its most precise number, "low to high": as the measure page writes it.
        var row = Pages.Page.Table(document, "Targets").QuerySelectorAll("tbody tr").ShouldHaveSingleItem();
        row.QuerySelectorAll("td").Select(c => Pages.Page.Text(c)).Take(3).ShouldBe(["2019/20", "Whole year", "40.0% to 60.5%"]);
    }

    [Fact]
    public async Task APercentTargetAboveOneHundredIsRefused()
    {
        var officer = await SignedInClient.AsAsync(_factory, Roles.PerformanceOfficer);
        var id = await FrameworkForms.MeasureIdAsync(_factory, "PH-HV-01");
        var before = await FrameworkForms.QueryAsync(_factory, db => db.MeasureTargets.CountAsync(t => t.MeasureId == id));

        var response = await FrameworkForms.PostAsync(officer, $"/admin/framework/measures/{id}/targets", "target", new Dictionary<string, string> { ["Input.Year"] = "2030/31", ["Input.Value"] = "140" });

        FrameworkForms.MessageNextTo(await response.Content.ReadAsStringAsync(), "Input.Value").ShouldContain("A percentage must be between 0 and 100");
        (await FrameworkForms.QueryAsync(_factory, db => db.MeasureTargets.CountAsync(t => t.MeasureId == id))).ShouldBe(before);
    }

    [Fact]
    public async Task AYearTargetIsSetChangedAndRemovedWithAnAuditTrail()
    {
        var officer = await SignedInClient.AsAsync(_factory, Roles.PerformanceOfficer);
        var fields = FrameworkForms.NewMeasure("TST-TGT-01", await FrameworkForms.FirstDirectorateIdAsync(_factory));
        (await FrameworkForms.PostAsync(officer, NewPage, "measure", fields)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = await FrameworkForms.MeasureIdAsync(_factory, "TST-TGT-01");
        var page = $"/admin/framework/measures/{id}/targets";

        (await FrameworkForms.PostAsync(officer, page, "target", new Dictionary<string, string> { ["Input.Year"] = "2019/20", ["Input.Value"] = "85" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await FrameworkForms.PostAsync(officer, page, "target", new Dictionary<string, string> { ["Input.Year"] = "2019/20", ["Input.Value"] = "87.5" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var wrongYear = await FrameworkForms.PostAsync(officer, page, "target", new Dictionary<string, string> { ["Input.Year"] = "2019/20", ["Input.Period"] = "2020/21 Q1", ["Input.Value"] = "80" });
        FrameworkForms.MessageNextTo(await wrongYear.Content.ReadAsStringAsync(), "Input.Period").ShouldContain("Period 2020/21 Q1 is not in financial year 2019/20");
        var target = await FrameworkForms.QueryAsync(_factory, db => db.MeasureTargets.SingleAsync(t => t.MeasureId == id));
        target.Value.ShouldBe(87.5m);

        (await FrameworkForms.PostAsync(officer, page, "remove-target", new Dictionary<string, string> { ["RemoveId"] = $"{target.Id}" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await FrameworkForms.QueryAsync(_factory, db => db.MeasureTargets.CountAsync(t => t.MeasureId == id))).ShouldBe(0);
        var changes = await FrameworkForms.QueryAsync(_factory, db => db.AuditEntries.Where(a => a.EntityType == "Measure target" && a.EntityKey == "TST-TGT-01").OrderBy(a => a.Id).Select(a => a.Changes).ToListAsync());
        changes.ShouldBe(["Target 2019/20: 85", "Target 2019/20: 85 → 87.5", "Target 2019/20: 87.5 → –"]);
    }

    [Theory]
    [InlineData("/admin/framework")]
    [InlineData("/admin/framework/measures")]
    [InlineData("/admin/framework/measures/new")]
    public async Task ACouncillorIsDenied(string page)
    {
        var councillor = await SignedInClient.AsAsync(_factory, Roles.Councillor);

        var response = await councillor.GetAsync(new Uri(page, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/account/access-denied");
    }

    private Task<(int Measures, int Audit)> CountsAsync() =>
        FrameworkForms.QueryAsync(_factory, async db => (await db.Measures.CountAsync(), await db.AuditEntries.CountAsync()));
}

using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PerformanceWheel.Application.Framework;
using PerformanceWheel.Application.Workflow;
using PerformanceWheel.Data;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Web.Tests.Security;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Workflow;

/// <summary>
/// Separation of duties on the demo council (on, as for every new council): whoever entered or last changed a figure
/// cannot approve it on the outturn page; an Admin overrides only with a reason, which the audit log keeps; a refusal
/// names the figures and changes nothing.
/// </summary>
public sealed class SeparationOfDutiesOnSqlite(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static readonly ReportingPeriod Quarter = ReportingPeriod.Parse("2019/20 Q3");

    [Fact]
    public async Task AnAdminCannotEnterSubmitAndApproveTheSameFigureAloneButMayOverrideWithAReason()
    {
        const string Directorate = "Public Health";
        var url = GridUrl(Directorate);
        var admin = await SignedInClient.AsAsync(app.Factory, Roles.Admin);
        var code = await EnterTbcAsync(Roles.Admin, Directorate);
        (await PageForms.SubmitAsync(admin, url, "submit", new Dictionary<string, string>())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await StateAsync(code)).ShouldBe(WorkflowState.Submitted);
        var before = await FingerprintAsync();

        var refused = await PageForms.SubmitAsync(admin, url, "approve", new Dictionary<string, string>());

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var alert = Alert(await ParseAsync(refused));
        alert.ShouldContain("Nothing was approved: separation of duties is on");
        alert.ShouldContain($"{code} {Quarter.Label} (you entered it)");
        alert.ShouldContain("give a reason to override");
        (await FingerprintAsync()).ShouldBe(before);

        var overridden = await PageForms.SubmitAsync(admin, url, "approve", new Dictionary<string, string> { ["OverrideReason"] = "The Director is on leave until the committee deadline" });

        overridden.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        Uri.UnescapeDataString(overridden.Headers.Location!.ToString()).ShouldContain("overriding separation of duties for 1");
        (await StateAsync(code)).ShouldBe(WorkflowState.Approved);
        var audit = await AuditAsync(OutturnWorkflow.OverrideAction);
        var entry = audit.ShouldHaveSingleItem();
        entry.User.ShouldBe("admin@demo.council");
        entry.Changes!.ShouldContain($"{code} {Quarter.Label} (you entered it)");
        entry.Changes!.ShouldContain("Reason: The Director is on leave until the committee deadline");
    }

    [Fact]
    public async Task AnAdminWhoChangedAnOfficersFigureCannotApproveItWhileTheDirectorCan()
    {
        const string Directorate = "Adults Services";
        var url = GridUrl(Directorate);
        var officer = await SignedInClient.AsAsync(app.Factory, Roles.PerformanceOfficer);
        var admin = await SignedInClient.AsAsync(app.Factory, Roles.Admin);
        var director = await SignedInClient.AsAsync(app.Factory, Roles.Director);
        var code = await EnterTbcAsync(Roles.PerformanceOfficer, Directorate);

        // The Admin changes the officer's figure (TBC → not available): a revision names the Admin.
        (await EnterInGridAsync(Roles.Admin, Directorate, code, "Not available")).ShouldAllBe(o => o.Saved && o.Changed);
        (await PageForms.SubmitAsync(officer, url, "submit", new Dictionary<string, string>())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var before = await FingerprintAsync();

        var refused = await PageForms.SubmitAsync(admin, url, "approve", new Dictionary<string, string>());

        var alert = Alert(await ParseAsync(refused));
        alert.ShouldContain($"{code} {Quarter.Label} (you made its last change)");
        alert.ShouldMatch(@"you may not approve 1 of (1 submitted figure|\d+ submitted figures): ");
        (await FingerprintAsync()).ShouldBe(before);

        // The Director of the directorate neither entered nor changed it: approved, with no override.
        (await PageForms.SubmitAsync(director, url, "approve", new Dictionary<string, string>())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await StateAsync(code)).ShouldBe(WorkflowState.Approved);
        (await AuditAsync(OutturnWorkflow.OverrideAction)).ShouldAllBe(a => !a.EntityKey.Contains(Directorate));
    }

    [Fact]
    public async Task OnlyAnAdminMayOverrideAndARefusalChangesNoFigureOfTheRequest()
    {
        // A Director who (through another role or channel) entered one of two submitted figures: neither is approved.
        const string Directorate = "Childrens Services";
        var codes = await DueCodesAsync(Directorate);
        await WorkflowAsync(w => w.SaveAsync(Directorate, [new EntryInput(codes[0], Quarter.Code, null, "Tbc", false, null, null)], "director@demo.council"));
        await WorkflowAsync(w => w.SaveAsync(Directorate, [new EntryInput(codes[1], Quarter.Code, null, "Tbc", false, null, null)], "officer@demo.council"));
        await WorkflowAsync(w => w.SubmitAsync(Directorate, Quarter, "officer@demo.council"));
        var before = await FingerprintAsync();

        var outcome = await WorkflowAsync(w => w.ApproveAsync(Directorate, Quarter, "Director@Demo.Council", isAdmin: false, overrideReason: "I checked it twice"));

        outcome.Approved.ShouldBe(0);
        outcome.Refused!.ShouldStartWith("Nothing was approved: only an Admin may override separation of duties.");
        outcome.Conflicts.ShouldBe([$"{codes[0]} {Quarter.Label} (you entered it)"]);
        (await FingerprintAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task WithTheSettingOffAnAdminMayApproveAloneAndTurningItOffIsAudited()
    {
        const string Directorate = "Community Services";
        var admin = await SignedInClient.AsAsync(app.Factory, Roles.Admin);
        try
        {
            var (_, settings) = await Html.GetAsync(admin, "/admin/settings");
            settings.GetElementById("separate-duties")!.HasAttribute("checked").ShouldBeTrue("a new council (and the demo) starts with separation of duties on");
            // Unticking the box: the browser sends the form without it.
            var fields = PageForms.Fields(PageForms.Form(settings, "separation-of-duties"));
            fields.Remove("Duties.SeparatesDuties").ShouldBeTrue();
            using var form = new FormUrlEncodedContent(fields);
            var off = await admin.PostAsync(new Uri("/admin/settings", UriKind.Relative), form);
            off.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            (await AuditAsync("Updated")).ShouldContain(a => a.EntityType == CouncilSettingsAdministration.AuditType && a.Changes == "Separation of duties (whoever entered or last changed a figure cannot approve it): on → off");

            var url = GridUrl(Directorate);
            var code = await EnterTbcAsync(Roles.Admin, Directorate);
            await PageForms.SubmitAsync(admin, url, "submit", new Dictionary<string, string>());
            (await PageForms.SubmitAsync(admin, url, "approve", new Dictionary<string, string>())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
            (await StateAsync(code)).ShouldBe(WorkflowState.Approved);
        }
        finally
        {
            var (_, settings) = await Html.GetAsync(admin, "/admin/settings");
            await PageForms.SubmitAsync(admin, "/admin/settings", settings, "separation-of-duties", new Dictionary<string, string> { ["Duties.SeparatesDuties"] = "true" });
        }

        await using var scope = app.Factory.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<PerformanceWheelDbContext>().CouncilSettings.SingleAsync()).SeparatesDuties.ShouldBeTrue();
    }

    private static string GridUrl(string directorate) => $"/outturns/{Uri.EscapeDataString(directorate)}?period={Uri.EscapeDataString(Quarter.Label)}";

    /// <summary>Enters TBC for the directorate's first quarterly measure due, on the grid page; its code.</summary>
    private async Task<string> EnterTbcAsync(string role, string directorate)
    {
        var code = (await DueCodesAsync(directorate))[0];
        (await EnterInGridAsync(role, directorate, code, "TBC")).ShouldAllBe(o => o.Saved && o.Changed);
        (await StateAsync(code)).ShouldBe(WorkflowState.Draft);
        return code;
    }

    // What the interactive grid does when this person types text in the measure's cell and saves: its sheet's changes,
    // saved by the grid's command as the signed-in person.
    private async Task<IReadOnlyList<EntryOutcome>> EnterInGridAsync(string role, string directorate, string code, string text)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var workflow = scope.ServiceProvider.GetRequiredService<OutturnWorkflow>();
        var sheet = new PerformanceWheel.Web.Components.Pages.Outturns.GridSheet((await workflow.GridAsync(directorate, Quarter))!);
        sheet.Type(sheet.Cells.First(c => c.Row.Measure.Code == code), text);
        return await workflow.SaveAsync(directorate, sheet.Changes(), SignedInClient.EmailFor(role));
    }

    private async Task<List<string>> DueCodesAsync(string directorate)
    {
        var grid = await WorkflowAsync(w => w.GridAsync(directorate, Quarter));
        return grid!.Rows.Where(r => r.Period == Quarter && r.Outturn is null).Select(r => r.Measure.Code).ToList();
    }

    private static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(r => r.Content(body));
    }

    private static string Alert(IDocument page) =>
        string.Join(" ", page.QuerySelectorAll("[role=alert]").Select(a => a.TextContent.Trim()));

    private Task<T> WorkflowAsync<T>(Func<OutturnWorkflow, Task<T>> action) => WorkflowQueries.WithWorkflowAsync(app.Factory, action);

    private Task<WorkflowState?> StateAsync(string code) => WorkflowQueries.StateAsync(app.Factory, code, Quarter);

    private async Task<List<Domain.Audit.AuditEntry>> AuditAsync(string action)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PerformanceWheelDbContext>();
        return await db.AuditEntries.AsNoTracking().Where(a => a.Action == action).ToListAsync();
    }

    /// <summary>Every figure's state and version, and the audit log's size: equal before and after a refusal.</summary>
    private async Task<string> FingerprintAsync()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PerformanceWheelDbContext>();
        var figures = await db.Outturns.AsNoTracking().OrderBy(o => o.Id).Select(o => o.Id + ":" + o.State + ":" + o.Version + ":" + o.UpdatedBy).ToListAsync();
        return $"{string.Join(",", figures)} audit={await db.AuditEntries.CountAsync()} revisions={await db.OutturnRevisions.CountAsync()}";
    }
}

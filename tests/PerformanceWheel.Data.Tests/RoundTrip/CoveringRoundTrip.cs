using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Domain.Covering;
using PerformanceWheel.Domain.Periods;
using Shouldly;

namespace PerformanceWheel.Data.Tests.RoundTrip;

/// <summary>The covering-report template and a quarter's report with a sign-off and a later change, saved and read back.</summary>
internal static class CoveringRoundTrip
{
    private static readonly DateTimeOffset Started = new(2019, 10, 21, 9, 30, 12, 345, TimeSpan.Zero);

    public static IReadOnlyList<object> Rows()
    {
        var template = CoveringTemplate.Default();
        template.ChangePeople("Executive", "Cllr Liz Leyshon", "Alyn Jones", "Sara Cretney", "performance@shire.gov.uk");
        var report = new CoveringReport("Scrutiny:P", ReportingPeriod.Parse("2019/20 Q2"), "Scrutiny for Policies and Place", template, "officer@shire.gov.uk", Started);
        report.SignOff("Communications", "Chris Palmer", new DateOnly(2019, 10, 23), new DateOnly(2019, 10, 23), "officer@shire.gov.uk", Started.AddDays(2));
        report.Change(report.Details with { DecisionDate = new DateOnly(2019, 11, 18), ForwardPlanReference = "FP/19/10/05", KeyDecision = true },
            new Dictionary<CoveringSection, string?> { [CoveringSection.Recommendations] = "Endorse the report.\na) consider the actions." }, "editor@shire.gov.uk", Started.AddDays(3));
        return [template, report];
    }

    public static async Task AssertReadBackAsync(PerformanceWheelDbContext read)
    {
        var template = await read.Set<CoveringTemplate>().Include(t => t.Texts).Include("_signOffRoles").SingleAsync();
        (template.CabinetMeeting, template.ExecutiveMembers, template.LeadOfficer, template.Author, template.Contact)
            .ShouldBe(("Executive", "Cllr Liz Leyshon", "Alyn Jones", "Sara Cretney", "performance@shire.gov.uk"));
        template.SignOffRoles.Select(r => (r.Title, r.Consulted)).ShouldBe(CoveringTemplate.DefaultSignOffRoles);
        template.Text(CoveringSection.LegalImplications).ShouldBe("There are no legal implications to this recommendation being accepted.");

        var report = await read.Set<CoveringReport>().Include(r => r.Texts).Include(r => r.SignOffs).Include("_changes").SingleAsync();
        (report.Pack, report.Quarter, report.Meeting, report.DecisionDate, report.ForwardPlanReference, report.KeyDecision, report.Revision, report.ChangedBy, report.ChangedAt)
            .ShouldBe(("Scrutiny:P", ReportingPeriod.Parse("2019/20 Q2"), "Scrutiny for Policies and Place", (DateOnly?)new DateOnly(2019, 11, 18), "FP/19/10/05", true, 2, "editor@shire.gov.uk", Started.AddDays(3)));
        report.Text(CoveringSection.Recommendations).ShouldBe("Endorse the report.\na) consider the actions.");
        var signOff = report.SignOffs.ShouldHaveSingleItem();
        (signOff.Role, signOff.Name, signOff.SignedOn, signOff.AtRevision, signOff.RecordedAt).ShouldBe(("Communications", "Chris Palmer", new DateOnly(2019, 10, 23), 1, Started.AddDays(2)));
        var change = report.ChangesSince(signOff).ShouldHaveSingleItem();
        (change.What, change.By, change.At).ShouldBe(("Decision date, Forward plan reference, Key decision, Recommendations", "editor@shire.gov.uk", Started.AddDays(3)));
    }
}

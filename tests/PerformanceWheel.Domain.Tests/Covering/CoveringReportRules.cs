using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Covering;
using Shouldly;
using static PerformanceWheel.Domain.Tests.Support.Values;

namespace PerformanceWheel.Domain.Tests.Covering;

/// <summary>A quarter's covering report: started from the template, changed with a revision, signed off role by role (seed 001).</summary>
public class CoveringReportRules
{
    private static readonly DateTimeOffset At = new(2019, 10, 21, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2019, 10, 23);

    private static CoveringReport Start(CoveringTemplate? template = null) =>
        new(CoveringSections.CabinetPack, P("2019/20 Q2"), "Cabinet", template ?? CoveringTemplate.Default(), "officer", At);

    private static CoveringDetails Details(string? recommendationsMeeting = "Cabinet") =>
        new(recommendationsMeeting, new DateOnly(2019, 11, 18), "FP/19/10/05", true, "Cllr Alex Morgan", "Sam Taylor", "Jo Davies", "performance@demo.council");

    [Fact]
    public void StartsFromTheTemplatesPeopleAndStandingTexts()
    {
        var template = CoveringTemplate.Default();
        template.ChangePeople("Executive", "Cllr Liz Leyshon", "Alyn Jones", "Sara Cretney", "performance@council.test");
        template.SetText(CoveringSection.LegalImplications, "There are no legal implications.");

        var report = Start(template);

        report.Details.ExecutiveMembers.ShouldBe("Cllr Liz Leyshon");
        report.Details.LeadOfficer.ShouldBe("Alyn Jones");
        report.Text(CoveringSection.LegalImplications).ShouldBe("There are no legal implications.");
        report.Text(CoveringSection.SocialValueImplications).ShouldBe("There are no implications.");
        report.Revision.ShouldBe(1);
    }

    [Fact]
    public void RefusesAPeriodThatIsNotAQuarter()
    {
        Should.Throw<DomainException>(() => new CoveringReport(CoveringSections.CabinetPack, P("Sep-19"), "Cabinet", CoveringTemplate.Default(), "officer", At))
            .Field.ShouldBe(DomainFields.Period);
    }

    [Fact]
    public void AChangeNamesWhatChangedAndRaisesTheRevision()
    {
        var report = Start();

        var changed = report.Change(Details(), new Dictionary<CoveringSection, string?> { [CoveringSection.Recommendations] = "The Cabinet is asked to endorse the report." }, "officer", At.AddHours(1));

        changed.ShouldContain("Recommendations");
        changed.ShouldContain("Forward plan reference");
        report.Revision.ShouldBe(2);
        report.Changes.ShouldHaveSingleItem().What.ShouldContain("Recommendations");
    }

    [Fact]
    public void SavingTheSameTextChangesNothing()
    {
        var report = Start();
        report.Change(Details(), new Dictionary<CoveringSection, string?> { [CoveringSection.Summary] = "Text" }, "officer", At);

        report.Change(Details(), new Dictionary<CoveringSection, string?> { [CoveringSection.Summary] = " Text " }, "officer", At).ShouldBeEmpty();
        report.Revision.ShouldBe(2);
    }

    [Theory]
    [InlineData(null, "Meeting is required.")]
    [InlineData("  ", "Meeting is required.")]
    public void RefusesAReportWithoutItsMeeting(string? meeting, string message)
    {
        var report = Start();

        Should.Throw<DomainException>(() => report.Change(Details(meeting), new Dictionary<CoveringSection, string?>(), "officer", At)).Message.ShouldBe(message);
        report.Revision.ShouldBe(1);
    }

    [Fact]
    public void ASignOffRecordsNameDateAndTheRevisionItWasGivenAt()
    {
        var report = Start();

        var signOff = report.SignOff("Communications", "Chris Palmer", Today, Today, "officer", At);

        signOff.AtRevision.ShouldBe(1);
        report.SignOffOf("communications")!.Name.ShouldBe("Chris Palmer");
        report.ChangesSince(signOff).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("", "2019-10-23", "Name (Communications) is required.")]
    [InlineData("Chris Palmer", null, "Date completed (Communications) is required.")]
    [InlineData("Chris Palmer", "2019-10-24", "Date completed (Communications) cannot be after today (23/10/2019).")]
    public void RefusesASignOffWithoutANameOrWithADateNotYetCome(string name, string? date, string message)
    {
        var report = Start();

        Should.Throw<DomainException>(() => report.SignOff("Communications", name, date is null ? null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), Today, "officer", At))
            .Message.ShouldBe(message);
        report.SignOffs.ShouldBeEmpty();
    }

    [Fact]
    public void AChangeAfterASignOffIsShownAgainstItUntilTheRoleSignsAgain()
    {
        var report = Start();
        report.SignOff("Finance & Procurement", "Pat Vaughan", Today, Today, "officer", At);

        report.Change(Details(), new Dictionary<CoveringSection, string?> { [CoveringSection.FinancialImplications] = "A £1.2m overspend is forecast." }, "editor", At.AddDays(1));

        var since = report.ChangesSince(report.SignOffOf("Finance & Procurement")!).ShouldHaveSingleItem();
        since.What.ShouldContain("Financial and risk implications");
        since.By.ShouldBe("editor");
        since.At.ShouldBe(At.AddDays(1));

        var again = report.SignOff("Finance & Procurement", "Pat Vaughan", Today, Today, "officer", At.AddDays(1));
        report.ChangesSince(again).ShouldBeEmpty();
        report.SignOffs.Count.ShouldBe(1);
    }

    [Fact]
    public void ASignOffCanBeCleared()
    {
        var report = Start();
        report.SignOff("Workforce", "Sam Taylor", Today, Today, "officer", At);

        report.ClearSignOff("Workforce").ShouldBeTrue();
        report.SignOffOf("Workforce").ShouldBeNull();
        report.ClearSignOff("Workforce").ShouldBeFalse();
    }
}

/// <summary>The council's template: seed 001's sign-off list by default, the Admin's list once changed.</summary>
public class CoveringTemplateRules
{
    [Fact]
    public void TheDefaultSignOffListIsSeed001s()
    {
        var roles = CoveringTemplate.Default().SignOffRoles;

        roles.Select(r => r.Title).ShouldBe([
            "Legal & Governance Implications", "Communications", "Finance & Procurement", "Workforce", "Asset Management",
            "Executive Director / Senior Manager", "Strategy & Performance", "Executive Lead Member",
            "Opposition Spokesperson (circulated)", "Scrutiny Chairs (circulated)"]);
        roles.Where(r => r.Consulted).Select(r => r.Title).ShouldBe(["Opposition Spokesperson (circulated)", "Scrutiny Chairs (circulated)"]);
    }

    [Fact]
    public void RefusesARoleListedTwice()
    {
        var template = CoveringTemplate.Default();

        var refusal = Should.Throw<DomainException>(() => template.ChangeSignOffRoles([("Legal", false), ("legal", false)]));

        refusal.Message.ShouldBe("The sign-off role 'Legal' is listed twice.");
        refusal.Field.ShouldBe("SignOffRoles");
        template.SignOffRoles.Count.ShouldBe(10);
    }

    [Fact]
    public void RefusesAnEmptyList() =>
        Should.Throw<DomainException>(() => CoveringTemplate.Default().ChangeSignOffRoles([])).Field.ShouldBe("SignOffRoles");

    [Fact]
    public void AStandingTextCanBeClearedAndTheChangeIsReported()
    {
        var template = CoveringTemplate.Default();

        template.SetText(CoveringSection.ClimateImplications, "").ShouldBeTrue();
        template.Text(CoveringSection.ClimateImplications).ShouldBeNull();
        template.SetText(CoveringSection.ClimateImplications, null).ShouldBeFalse();
    }
}

using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Application.Covering;
using PerformanceWheel.Application.Tests.Support;
using PerformanceWheel.Application.Workflow;
using PerformanceWheel.Data;
using PerformanceWheel.Data.Figures;
using PerformanceWheel.Domain.Covering;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.TestSupport;
using Shouldly;

namespace PerformanceWheel.Application.Tests.Covering;

/// <summary>
/// The covering report's commands on a council that has written no template (the default one applies): officers start,
/// change and sign off a quarter's report; each refusal names its field and saves nothing; changes after a sign-off show
/// against it; every change is audited and raises the figures version (so stored packs are made again); the tracker's
/// status of each pack counts its sign-off rows. Run on SQLite and on PostgreSQL.
/// </summary>
public abstract class CoveringReportServices
{
    private static readonly ReportingPeriod Quarter = ReportingPeriod.Parse("2019/20 Q2");
    private static readonly WorkflowUser Officer = new(null, Council.Officer, IsOfficer: true, IsDirector: false);
    private static readonly WorkflowUser Admin = new(null, "admin@council.test", IsOfficer: true, IsDirector: false) { IsAdmin = true };
    private static readonly WorkflowUser Director = new(null, "director@council.test", IsOfficer: false, IsDirector: true) { Directorates = [Council.Directorate] };

    private static (CoveringReportCommands Commands, CoveringReportReader Reader, CoveringTemplateCommands Template) Services(Council council) =>
        (new CoveringReportCommands(council.Contexts(), new FixedClock(Council.Now)), new CoveringReportReader(council.Contexts()), new CoveringTemplateCommands(council.Contexts(), new FixedClock(Council.Now)));

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    private async Task<Council> CouncilAsync() => await Council.CreateAsync(await CreateDatabaseAsync());

    private static CoveringReportInput Input(CoveringView view, CoveringSection section, string? text, string? reference = "FP/19/10/05") =>
        new(view.Details with { ForwardPlanReference = reference }, new Dictionary<CoveringSection, string?> { [section] = text }, view.Version);

    protected async Task AnOfficerStartsACabinetReportFromTheDefaultTemplateOfANewCouncilAsync()
    {
        await using var council = await CouncilAsync();
        var (commands, reader, _) = Services(council);

        (await commands.StartAsync(CoveringSections.CabinetPack, Quarter, Officer)).Succeeded.ShouldBeTrue();

        var view = (await reader.ForPackAsync(CoveringSections.CabinetPack, Quarter)).ShouldNotBeNull();
        view.Details.Meeting.ShouldBe("Cabinet");
        view.Text(CoveringSection.LegalImplications).ShouldBe("There are no legal implications to this recommendation being accepted.");
        view.SignOffs.Count.ShouldBe(10);
        view.SignOffs.ShouldAllBe(s => !s.IsSigned);
        (await commands.HistoryAsync(CoveringSections.CabinetPack, Quarter)).ShouldHaveSingleItem().Action.ShouldBe("Started");
    }

    protected async Task AScrutinyReportIsForItsCommitteesMeetingAsync()
    {
        await using var council = await CouncilAsync();
        var (commands, reader, _) = Services(council);

        (await commands.StartAsync(CoveringSections.ScrutinyPack("P"), Quarter, Officer)).Succeeded.ShouldBeTrue();
        var unknown = await commands.StartAsync(CoveringSections.ScrutinyPack("NOPE"), Quarter, Officer);

        (await reader.ForPackAsync("Scrutiny:P", Quarter))!.Details.Meeting.ShouldBe("People");
        unknown.Problems.ShouldHaveSingleItem().Field.ShouldBe("Pack");
        (await reader.PacksAsync()).Select(p => p.Key).ShouldBe(["Cabinet", "Scrutiny:P"]);
    }

    protected async Task OnlyPerformanceOfficersWriteCoveringReportsAsync()
    {
        await using var council = await CouncilAsync();
        var (commands, reader, _) = Services(council);

        var refused = await commands.StartAsync(CoveringSections.CabinetPack, Quarter, Director);

        refused.Succeeded.ShouldBeFalse();
        refused.Problems[0].Message.ShouldContain("performance officers");
        (await reader.ForPackAsync(CoveringSections.CabinetPack, Quarter)).ShouldBeNull();
    }

    protected async Task AFieldTooLongIsRefusedByNameAndNothingIsSavedAsync()
    {
        await using var council = await CouncilAsync();
        var (commands, reader, _) = Services(council);
        await commands.StartAsync(CoveringSections.CabinetPack, Quarter, Officer);
        var view = (await reader.ForPackAsync(CoveringSections.CabinetPack, Quarter))!;

        var result = await commands.SaveAsync(CoveringSections.CabinetPack, Quarter, Input(view, CoveringSection.Recommendations, "Endorse the report.", new string('F', 101)), Officer);

        var problem = result.Problems.ShouldHaveSingleItem();
        problem.Field.ShouldBe(nameof(CoveringDetails.ForwardPlanReference));
        problem.Message.ShouldBe("Forward plan reference must be at most 100 characters; it has 101.");
        var after = (await reader.ForPackAsync(CoveringSections.CabinetPack, Quarter))!;
        after.Revision.ShouldBe(1);
        after.Text(CoveringSection.Recommendations).ShouldBeNull();
    }

    protected async Task AChangeAfterASignOffShowsAgainstItWithWhatAndWhenAsync()
    {
        await using var council = await CouncilAsync();
        var (commands, reader, _) = Services(council);
        await commands.StartAsync(CoveringSections.CabinetPack, Quarter, Officer);
        (await commands.SignOffAsync(CoveringSections.CabinetPack, Quarter, "Legal & Governance Implications", "Robin Hale", new DateOnly(2020, 4, 30), Officer)).Succeeded.ShouldBeTrue();
        var view = (await reader.ForPackAsync(CoveringSections.CabinetPack, Quarter))!;

        (await commands.SaveAsync(CoveringSections.CabinetPack, Quarter, Input(view, CoveringSection.LegalImplications, "The Council must publish the report."), Officer)).Succeeded.ShouldBeTrue();

        var legal = (await reader.ForPackAsync(CoveringSections.CabinetPack, Quarter))!.SignOffs.Single(s => s.Role == "Legal & Governance Implications");
        legal.Name.ShouldBe("Robin Hale");
        legal.ChangedSinceText.ShouldBe($"Changed since signed off: Forward plan reference, Legal implications (01/05/2020 09:00 UTC, {Council.Officer}).");
        var history = await commands.HistoryAsync(CoveringSections.CabinetPack, Quarter);
        history.Select(h => h.Action).ShouldBe(["Changed", "Signed off", "Started"]);
        history[0].Changes.ShouldBe("Revision 2: Forward plan reference, Legal implications (after 1 sign-off)");
    }

    protected async Task ASignOffNeedsARoleOfTheListANameAndADateNotAfterTodayAsync()
    {
        await using var council = await CouncilAsync();
        var (commands, reader, _) = Services(council);
        await commands.StartAsync(CoveringSections.CabinetPack, Quarter, Officer);

        (await commands.SignOffAsync(CoveringSections.CabinetPack, Quarter, "Catering", "Pat", new DateOnly(2020, 4, 1), Officer)).Problems.ShouldHaveSingleItem().Field.ShouldBe("Role");
        (await commands.SignOffAsync(CoveringSections.CabinetPack, Quarter, "Communications", " ", new DateOnly(2020, 4, 1), Officer)).Problems.ShouldHaveSingleItem().Message.ShouldBe("Name (Communications) is required.");
        var future = (await commands.SignOffAsync(CoveringSections.CabinetPack, Quarter, "Communications", "Chris Palmer", new DateOnly(2020, 5, 2), Officer)).Problems.ShouldHaveSingleItem();
        future.Field.ShouldBe("SignedOn");
        future.Message.ShouldBe("Date completed (Communications) cannot be after today (01/05/2020).");
        (await reader.ForPackAsync(CoveringSections.CabinetPack, Quarter))!.SignOffs.ShouldAllBe(s => !s.IsSigned);
    }

    protected async Task AnEditFromAnOlderVersionIsRefusedAndKeepsTheOtherWritersTextAsync()
    {
        await using var council = await CouncilAsync();
        var (commands, reader, _) = Services(council);
        await commands.StartAsync(CoveringSections.CabinetPack, Quarter, Officer);
        var opened = (await reader.ForPackAsync(CoveringSections.CabinetPack, Quarter))!;
        (await commands.SaveAsync(CoveringSections.CabinetPack, Quarter, Input(opened, CoveringSection.Summary, "First writer."), Admin)).Succeeded.ShouldBeTrue();

        var late = await commands.SaveAsync(CoveringSections.CabinetPack, Quarter, Input(opened, CoveringSection.Summary, "Second writer."), Officer);

        late.Problems.ShouldHaveSingleItem().Message.ShouldContain("admin@council.test changed this covering report");
        (await reader.ForPackAsync(CoveringSections.CabinetPack, Quarter))!.Text(CoveringSection.Summary).ShouldBe("First writer.");
    }

    protected async Task TheAdminsTemplateReachesReportsStartedAfterItAsync()
    {
        await using var council = await CouncilAsync();
        var (commands, reader, template) = Services(council);
        var texts = new Dictionary<CoveringSection, string?> { [CoveringSection.HrImplications] = "Resourcing of areas of concern will be considered." };
        var input = new CoveringTemplateInput("Executive", "Cllr Liz Leyshon", "Alyn Jones", "Sara Cretney", "performance@council.test", texts,
            "Legal\nFinance\nConsulted: Scrutiny Chairs (circulated)");

        (await template.SaveAsync(input, Officer)).Succeeded.ShouldBeFalse();
        (await template.SaveAsync(input with { SignOffRoles = " \n" }, Admin)).Problems.ShouldHaveSingleItem().Field.ShouldBe("SignOffRoles");
        (await template.SaveAsync(input, Admin)).Succeeded.ShouldBeTrue();
        await commands.StartAsync(CoveringSections.CabinetPack, Quarter, Officer);

        var view = (await reader.ForPackAsync(CoveringSections.CabinetPack, Quarter))!;
        view.Details.Meeting.ShouldBe("Executive");
        view.Details.LeadOfficer.ShouldBe("Alyn Jones");
        view.Text(CoveringSection.HrImplications).ShouldBe("Resourcing of areas of concern will be considered.");
        view.SignOffs.Select(s => (s.Role, s.Consulted)).ShouldBe([("Legal", false), ("Finance", false), ("Scrutiny Chairs (circulated)", true)]);
        (await template.HistoryAsync()).ShouldHaveSingleItem().Changes!.ShouldContain("Sign-off list");
    }

    protected async Task EveryChangeRaisesTheFiguresVersionSoStoredPacksAreMadeAgainAsync()
    {
        await using var council = await CouncilAsync();
        var (commands, reader, _) = Services(council);
        await using var db = council.Context();
        var before = await FiguresVersions.CurrentAsync(db, CancellationToken.None);

        await commands.StartAsync(CoveringSections.CabinetPack, Quarter, Officer);
        var started = await FiguresVersions.CurrentAsync(db, CancellationToken.None);
        await commands.SignOffAsync(CoveringSections.CabinetPack, Quarter, "Communications", "Chris Palmer", new DateOnly(2020, 4, 1), Officer);
        var signed = await FiguresVersions.CurrentAsync(db, CancellationToken.None);

        started.ShouldBeGreaterThan(before);
        signed.ShouldBeGreaterThan(started);
        (await db.Set<CoveringReport>().CountAsync()).ShouldBe(1);
    }

    protected async Task EachPacksStatusCountsItsSignOffRowsSignedEmptyAndChangedSinceAsync()
    {
        await using var council = await CouncilAsync();
        var (commands, reader, _) = Services(council);
        (await reader.QuarterStatusAsync(Quarter)).Select(p => (p.Pack.Key, p.Started)).ShouldBe([("Cabinet", false), ("Scrutiny:P", false)]);
        await commands.StartAsync(CoveringSections.CabinetPack, Quarter, Officer);
        await commands.SignOffAsync(CoveringSections.CabinetPack, Quarter, "Communications", "Chris Palmer", new DateOnly(2020, 4, 1), Officer);
        await commands.SignOffAsync(CoveringSections.CabinetPack, Quarter, "Legal & Governance Implications", "Robin Hale", new DateOnly(2020, 4, 2), Officer);
        var view = (await reader.ForPackAsync(CoveringSections.CabinetPack, Quarter))!;
        (await commands.SaveAsync(CoveringSections.CabinetPack, Quarter, Input(view, CoveringSection.Summary, "A later summary."), Officer)).Succeeded.ShouldBeTrue();
        await commands.SignOffAsync(CoveringSections.CabinetPack, Quarter, "Communications", "Chris Palmer", new DateOnly(2020, 5, 1), Officer);

        var statuses = await reader.QuarterStatusAsync(Quarter);

        statuses[0].ShouldBe(new CoveringPackStatus(statuses[0].Pack, Started: true, Signed: 1, NotSigned: 8, ChangedSinceSigned: 1));
        statuses[0].Url(Quarter).ShouldBe("/covering-reports?pack=Cabinet&period=2019%2F20%20Q2");
        statuses[1].Started.ShouldBeFalse();
        (await reader.QuarterStatusAsync(ReportingPeriod.Parse("2019/20 Q3"))).ShouldAllBe(p => !p.Started);
    }
}

public sealed class CoveringReportServicesOnSqlite : CoveringReportServices
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.CreateAsync(DatabaseProvider.Sqlite);

    [Fact] public Task AnOfficerStartsACabinetReportFromTheDefaultTemplateOfANewCouncil() => AnOfficerStartsACabinetReportFromTheDefaultTemplateOfANewCouncilAsync();

    [Fact] public Task AScrutinyReportIsForItsCommitteesMeeting() => AScrutinyReportIsForItsCommitteesMeetingAsync();

    [Fact] public Task OnlyPerformanceOfficersWriteCoveringReports() => OnlyPerformanceOfficersWriteCoveringReportsAsync();

    [Fact] public Task AFieldTooLongIsRefusedByNameAndNothingIsSaved() => AFieldTooLongIsRefusedByNameAndNothingIsSavedAsync();

    [Fact] public Task AChangeAfterASignOffShowsAgainstItWithWhatAndWhen() => AChangeAfterASignOffShowsAgainstItWithWhatAndWhenAsync();

    [Fact] public Task ASignOffNeedsARoleOfTheListANameAndADateNotAfterToday() => ASignOffNeedsARoleOfTheListANameAndADateNotAfterTodayAsync();

    [Fact] public Task AnEditFromAnOlderVersionIsRefusedAndKeepsTheOtherWritersText() => AnEditFromAnOlderVersionIsRefusedAndKeepsTheOtherWritersTextAsync();

    [Fact] public Task TheAdminsTemplateReachesReportsStartedAfterIt() => TheAdminsTemplateReachesReportsStartedAfterItAsync();

    [Fact] public Task EveryChangeRaisesTheFiguresVersionSoStoredPacksAreMadeAgain() => EveryChangeRaisesTheFiguresVersionSoStoredPacksAreMadeAgainAsync();

    [Fact] public Task EachPacksStatusCountsItsSignOffRowsSignedEmptyAndChangedSince() => EachPacksStatusCountsItsSignOffRowsSignedEmptyAndChangedSinceAsync();
}

public sealed class CoveringReportServicesOnPostgreSql : CoveringReportServices
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.CreateAsync(DatabaseProvider.PostgreSql);

    [PostgreSqlFact] public Task AnOfficerStartsACabinetReportFromTheDefaultTemplateOfANewCouncil() => AnOfficerStartsACabinetReportFromTheDefaultTemplateOfANewCouncilAsync();

    [PostgreSqlFact] public Task AScrutinyReportIsForItsCommitteesMeeting() => AScrutinyReportIsForItsCommitteesMeetingAsync();

    [PostgreSqlFact] public Task OnlyPerformanceOfficersWriteCoveringReports() => OnlyPerformanceOfficersWriteCoveringReportsAsync();

    [PostgreSqlFact] public Task AFieldTooLongIsRefusedByNameAndNothingIsSaved() => AFieldTooLongIsRefusedByNameAndNothingIsSavedAsync();

    [PostgreSqlFact] public Task AChangeAfterASignOffShowsAgainstItWithWhatAndWhen() => AChangeAfterASignOffShowsAgainstItWithWhatAndWhenAsync();

    [PostgreSqlFact] public Task ASignOffNeedsARoleOfTheListANameAndADateNotAfterToday() => ASignOffNeedsARoleOfTheListANameAndADateNotAfterTodayAsync();

    [PostgreSqlFact] public Task AnEditFromAnOlderVersionIsRefusedAndKeepsTheOtherWritersText() => AnEditFromAnOlderVersionIsRefusedAndKeepsTheOtherWritersTextAsync();

    [PostgreSqlFact] public Task TheAdminsTemplateReachesReportsStartedAfterIt() => TheAdminsTemplateReachesReportsStartedAfterItAsync();

    [PostgreSqlFact] public Task EveryChangeRaisesTheFiguresVersionSoStoredPacksAreMadeAgain() => EveryChangeRaisesTheFiguresVersionSoStoredPacksAreMadeAgainAsync();

    [PostgreSqlFact] public Task EachPacksStatusCountsItsSignOffRowsSignedEmptyAndChangedSince() => EachPacksStatusCountsItsSignOffRowsSignedEmptyAndChangedSinceAsync();
}

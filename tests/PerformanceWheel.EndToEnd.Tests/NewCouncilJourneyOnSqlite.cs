using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Web.Components.Shared;
using Shouldly;

namespace PerformanceWheel.EndToEnd.Tests;

/// <summary>
/// Issue 18's first acceptance point, in a real browser against the app in Production on an empty database: the bootstrap
/// Admin sets the council up through the pages (rating scheme, plan, rings, segments, committees, directorates, measures and
/// targets, a project, users); the officer enters two quarters (this year's and the same quarter last year, for the
/// last-year rule), the director approves, the Admin publishes; then the quarter is found on the wheel (signed out and as a
/// councillor), the directorate scorecards, the finance page and in the Cabinet pack, and no demo data is anywhere.
/// </summary>
[Collection(NewCouncilCollection.Name)]
public sealed class NewCouncilJourneyOnSqlite(NewCouncilApp app)
{
    private const string PlanName = "Riverside Plan";
    private const string PlaceDirectorate = "Place and Environment";
    private const string PeopleDirectorate = "People and Communities";
    private const string OfficerEmail = "officer@riverside.example";
    private const string OfficerPassword = "Officer-Enters-Figures-1";
    private const string DirectorEmail = "director@riverside.example";
    private const string DirectorPassword = "Director-Approves-Them-2";
    private const string CouncillorEmail = "councillor@riverside.example";
    private const string CouncillorPassword = "Councillor-Reads-Them-3";

    private const string ProjectCode = "RV-PRJ-01";
    private const string ProjectTitle = "Riverside library refurbishment";
    private const string ServiceArea = "Environment and waste";
    private const decimal ApprovedBudget = 12.5m;
    private const decimal ForecastOutturn = 13.1m;

    private static readonly (string Code, string Name)[] Committees = [("PLS", "Place Scrutiny Committee"), ("PPS", "People Scrutiny Committee")];

    private static readonly (string Ring, int Order, string Code, string Title, string Committee)[] Segments =
    [
        ("Thriving places", 1, "RS1", "Clean and green streets", "PLS"),
        ("Thriving places", 1, "RS2", "Homes and planning", "PLS"),
        ("Healthy people", 2, "RS3", "Children and families", "PPS"),
        ("Healthy people", 2, "RS4", "Healthy lives", "PPS"),
    ];

    // Six measures, mixed polarity. Tolerance is absolute, in the measure's unit; the target is for this financial year.
    private static readonly MeasureSpec[] Measures =
    [
        new("RV-PE-01", "Household waste recycled", PlaceDirectorate, "RS1", "%", 1, HigherIsBetter: true, Tolerance: 5, Target: 50, Value: 56, LastYear: 48),
        new("RV-PE-02", "Planning decision time", PlaceDirectorate, "RS2", "days", 0, HigherIsBetter: false, Tolerance: 5, Target: 40, Value: 43, LastYear: 45),
        new("RV-PE-03", "Fly-tips cleared in 48h", PlaceDirectorate, "RS1", "%", 1, HigherIsBetter: true, Tolerance: 2, Target: 90, Value: 80, LastYear: 85),
        new("RV-PC-01", "Assessments in 45 days", PeopleDirectorate, "RS3", "%", 1, HigherIsBetter: true, Tolerance: 3, Target: 85, Value: 70, LastYear: 60),
        new("RV-PC-02", "Days to fit adaptations", PeopleDirectorate, "RS4", "days", 0, HigherIsBetter: false, Tolerance: 10, Target: 100, Value: 95, LastYear: 110),
        new("RV-PC-03", "Library satisfaction", PeopleDirectorate, "RS4", "%", 1, HigherIsBetter: true, Tolerance: 0, Target: 80, Value: 81, LastYear: 78),
    ];

    [Fact]
    public async Task ACouncilSetUpFromNothingThroughThePagesPublishesItsFirstQuarter()
    {
        // The quarter reported is the one the app's clock is in (where staff pages open with no figures yet); the comparator
        // is the same quarter last year. The plan and the scheme start last year so both quarters are covered.
        var quarter = app.Services.GetRequiredService<TimeProvider>().CurrentQuarter();
        var thisYear = quarter.Year;
        var lastYearQuarter = quarter.SameLastYear;
        var firstYear = thisYear.Previous;
        var demo = DemoMarkers();

        var admin = await People.SignedInAsync(app, NewCouncilApp.AdminEmail, NewCouncilApp.AdminPassword);
        await Evidence.StepAsync(admin, "new-council-empty", async () =>
        {
            await admin.GotoAsync("/");
            await admin.GetByRole(AriaRole.Heading, new() { Level = 1 }).ShouldHaveTextAsync("Performance wheel");
            (await MainTextAsync(admin)).ShouldContain("There is no plan yet, so there is no wheel: create the plan");
            await NavAsync(admin, "Framework");
            await LinkAsync(admin, "Plans, rings and segments");
            (await MainTextAsync(admin)).ShouldContain("There is no plan yet.");
            await Evidence.SaveAsync(admin, "new-council-1-no-plan");
            await ShouldShowNoDemoDataAsync(admin, demo);
        });

        await Evidence.StepAsync(admin, "settings-and-scheme", async () =>
        {
            await NavAsync(admin, "Settings");
            await admin.GetByRole(AriaRole.Heading, new() { Level = 1 }).ShouldHaveTextAsync("Council settings");
            // The live page shows its sections as tabs.
            await admin.GetByRole(AriaRole.Tab, new() { Name = "Reading and duties" }).ClickAsync();
            await admin.GetByLabel("Anyone may read published figures without signing in").CheckAsync();
            await ClickAsync(admin, "Save settings");
            await admin.ShouldSayAsync("Settings saved.");

            await admin.GetByRole(AriaRole.Tab, new() { Name = "Rating scheme" }).ClickAsync();
            await admin.GetByLabel("Applies from financial year (e.g. 2025/26)").FillAsync(firstYear.Label);
            await admin.GetByLabel("Blue when exceeding target by at least this percentage").FillAsync("10");
            await admin.GetByLabel("Red only when also worse than the same period last year").CheckAsync();
            await MudSelects.ChooseAsync(admin, "Segment rating suggested by", "Majority of its measures and projects (a tie goes to the worse)");
            await ClickAsync(admin, "Preview the change");
            // On the live page the preview comes back over the circuit: wait for it.
            await Assertions.Expect(admin.Locator("main")).ToContainTextAsync("There are no figures yet, so the change alters no rating.");
            await ClickAsync(admin, "Save the scheme");
            await admin.ShouldSayAsync($"Rating scheme saved, from {firstYear.Label}.");
            // The live page says so before it has read the schemes again: wait for the table to show the new one.
            await admin.GetByRole(AriaRole.Table, new() { Name = "The scheme by financial year" }).ShouldContainEachAsync(firstYear.Label, "10%");
            await Evidence.SaveAsync(admin, "new-council-2-scheme");
        });

        await Evidence.StepAsync(admin, "committees", async () =>
        {
            foreach (var (code, name) in Committees)
            {
                await NavAsync(admin, "Framework");
                await LinkAsync(admin, "Committees");
                await LinkAsync(admin, "Add a committee");
                await LiveFormAsync(admin);
                await FillAsync(admin, "Code", code);
                await FillAsync(admin, "Name", name);
                await ClickAsync(admin, "Add committee");
                await admin.ShouldSayAsync($"Committee {code} saved.");
            }
        });

        await Evidence.StepAsync(admin, "plan-rings-segments", async () =>
        {
            await NavAsync(admin, "Framework");
            await LinkAsync(admin, "Plans, rings and segments");
            await LinkAsync(admin, "Create the plan");
            await LiveFormAsync(admin);
            await FillAsync(admin, "Name", PlanName);
            await admin.GetByLabel("First financial year").FillAsync(firstYear.Label);
            await admin.GetByLabel("Last financial year").FillAsync(new FinancialYear(firstYear.StartYear + 3).Label);
            await ClickAsync(admin, "Add plan");
            await admin.ShouldSayAsync($"Plan {PlanName} saved.");

            foreach (var (ring, order) in Segments.Select(s => (s.Ring, s.Order)).Distinct())
            {
                await LinkAsync(admin, "Add a ring");
                await LiveFormAsync(admin);
                await ChooseAsync(admin, "Plan", PlanName);
                await FillAsync(admin, "Name", ring);
                await admin.GetByLabel("Order (1 = innermost ring)").FillAsync(order.ToString(CultureInfo.InvariantCulture));
                await ClickAsync(admin, "Add ring");
                await admin.ShouldSayAsync($"Ring {ring} saved.");
            }

            foreach (var (segment, i) in Segments.Select((s, i) => (s, i)))
            {
                await LinkAsync(admin, "Add a segment");
                await LiveFormAsync(admin);
                await ChooseAsync(admin, "Ring", $"{PlanName} – {segment.Ring}");
                await FillAsync(admin, "Code", segment.Code);
                await FillAsync(admin, "Title", segment.Title);
                await admin.GetByLabel("Lead (a role").FillAsync("Service Director");
                await admin.GetByLabel("Order within the ring").FillAsync(((i % 2) + 1).ToString(CultureInfo.InvariantCulture));
                await admin.GetByLabel(CommitteeLabel(segment.Committee)).CheckAsync();
                await ClickAsync(admin, "Add segment");
                await admin.ShouldSayAsync($"Segment {segment.Code} saved.");
            }

            // The live list's circuit first renders it with no plan (its plans are still being read): wait for every segment.
            await admin.Locator("main").ShouldContainEachAsync(Segments.Select(s => s.Title));

            await Evidence.SaveAsync(admin, "new-council-3-plan");
        });

        await Evidence.StepAsync(admin, "directorates", async () =>
        {
            foreach (var directorate in new[] { PlaceDirectorate, PeopleDirectorate })
            {
                await NavAsync(admin, "Framework");
                await LinkAsync(admin, "Directorates");
                await LinkAsync(admin, "Add a directorate");
                await LiveFormAsync(admin);
                await FillAsync(admin, "Name", directorate);
                await ClickAsync(admin, "Add directorate");
                await admin.ShouldSayAsync($"Directorate {directorate} saved.");
            }
        });

        await Evidence.StepAsync(admin, "measures-and-targets", async () =>
        {
            await NavAsync(admin, "Framework");
            await LinkAsync(admin, "Measures and targets");
            foreach (var m in Measures)
            {
                await LinkAsync(admin, "Add a measure");
                await admin.Locator(".measure-form[data-interactive=true]").WaitForAsync();
                await FillAsync(admin, "Code", m.Code);
                await FillAsync(admin, "Title", m.Title);
                await MudSelects.ChooseAsync(admin, "Directorate", m.Directorate);
                var segment = Segments.Single(s => s.Code == m.Segment);
                await MudSelects.ChooseAsync(admin, "Segment", $"{segment.Code} {segment.Title}");
                await admin.GetByLabel(CommitteeLabel(segment.Committee)).CheckAsync();
                await FillAsync(admin, "Unit", m.Unit);
                await FillAsync(admin, "Decimal places", m.Decimals.ToString(CultureInfo.InvariantCulture));
                await MudSelects.ChooseAsync(admin, "Polarity", m.HigherIsBetter ? "Higher is better" : "Lower is better");
                await MudSelects.ChooseAsync(admin, "Frequency", "Quarterly");
                await MudSelects.ChooseAsync(admin, "Tolerance type", "Absolute (in the measure's unit)");
                await FillAsync(admin, "Tolerance", Invariant(m.Tolerance));
                await ClickAsync(admin, "Add measure");
                await admin.ShouldSnackAsync($"Measure {m.Code} saved.");

                // The save goes back to the list, itself a live page: follow its link once it is live (a click while
                // its circuit started was lost on a loaded machine).
                await admin.Locator("form.measure-filter[data-interactive=true]").WaitForAsync();
                await admin.GetByRole(AriaRole.Link, new() { Name = $"Targets for {m.Code}" }).ClickAsync();
                await admin.Locator("[data-interactive=true] .targets-editor").WaitForAsync();
                await admin.GetByLabel($"{thisYear.Label} whole year target", new() { Exact = true }).FillAsync(Invariant(m.Target));
                await ClickAsync(admin, $"Save {thisYear.Label} targets");
                await admin.ShouldSnackAsync($"{thisYear.Label}: 1 target saved, 0 removed.");
                await Assertions.Expect(admin.Locator(".audit-history")).ToContainTextAsync($"Target {thisYear.Label}: {Invariant(m.Target)}");
                await LinkAsync(admin, "Measures");
            }

            // The live list's circuit first renders it with no measure (they are still being read): wait for every one.
            await admin.Locator("main").ShouldContainEachAsync(Measures.Select(m => m.Title));

            await Evidence.SaveAsync(admin, "new-council-4-measures");
        });

        await Evidence.StepAsync(admin, "project", async () =>
        {
            await NavAsync(admin, "Framework");
            await LinkAsync(admin, "Projects");
            await LinkAsync(admin, "Add a project");
            await admin.Locator("form[data-interactive=true]").WaitForAsync();
            await FillAsync(admin, "Code", ProjectCode);
            await FillAsync(admin, "Title", ProjectTitle);
            await MudSelects.ChooseAsync(admin, "Segment", "RS4 Healthy lives");
            await MudSelects.ChooseAsync(admin, "Directorate (its officers enter the project's updates; its Director approves them)", PeopleDirectorate);
            await ClickAsync(admin, "Add project");
            await admin.ShouldSnackAsync($"Project {ProjectCode} saved.");
            await Assertions.Expect(admin.Locator("main")).ToContainTextAsync(ProjectTitle);
        });

        await Evidence.StepAsync(admin, "users", async () =>
        {
            await NavAsync(admin, "Users");
            await CreateUserAsync(admin, OfficerEmail, "Pat Officer", "PerformanceOfficer", [], OfficerPassword);
            await CreateUserAsync(admin, DirectorEmail, "Dee Director", "Director", [PlaceDirectorate, PeopleDirectorate], DirectorPassword);
            await CreateUserAsync(admin, CouncillorEmail, "Cllr Reader", "Councillor", [], CouncillorPassword);
            var directorRow = await admin.GetByRole(AriaRole.Row).Filter(new() { HasText = DirectorEmail }).InnerTextAsync();
            directorRow.ShouldContain("Director");
            directorRow.ShouldContain(PlaceDirectorate);
            directorRow.ShouldContain(PeopleDirectorate);
            await Evidence.SaveAsync(admin, "new-council-5-users");
        });

        // The officer enters this year's quarter for both directorates, then the same quarter last year, and submits each.
        var officer = await People.SignedInAsync(app, OfficerEmail, OfficerPassword);
        await Evidence.StepAsync(officer, "officer-enters", async () =>
        {
            foreach (var directorate in new[] { PlaceDirectorate, PeopleDirectorate })
            {
                await NavAsync(officer, "Outturns");
                await FiguresDueLinkAsync(officer, directorate);
                await EnterAndSubmitAsync(officer, directorate, quarter, m => m.Value);
                if (directorate == PlaceDirectorate)
                {
                    await Evidence.SaveAsync(officer, "new-council-6-officer-submitted");
                }
            }

            foreach (var directorate in new[] { PlaceDirectorate, PeopleDirectorate })
            {
                await NavAsync(officer, "Outturns");
                await FiguresDueLinkAsync(officer, directorate);
                await officer.GetByLabel("Period", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = lastYearQuarter.Label });
                await ClickAsync(officer, "Show");
                await EnterAndSubmitAsync(officer, directorate, lastYearQuarter, m => m.LastYear);
            }
        });

        // The officer writes the project's update for the quarter and submits it, then enters the quarter's finance.
        await Evidence.StepAsync(officer, "officer-project-update", async () =>
        {
            await NavAsync(officer, "Outturns");
            await officer.GetByLabel("Period", new() { Exact = true }).FillAsync(quarter.Label);
            await ClickAsync(officer, "Show");
            await officer.GetByRole(AriaRole.Table, new() { NameRegex = new Regex("^Project updates due for ") }).GetByRole(AriaRole.Link, new() { Name = PeopleDirectorate, Exact = true }).ClickAsync();
            await officer.GetByRole(AriaRole.Heading, new() { Level = 1 }).ShouldHaveTextAsync($"{PeopleDirectorate} project updates, {quarter.Label}");
            await LinkAsync(officer, $"Enter update for {ProjectCode}");
            await officer.Locator("form.project-update-form[data-interactive=true]").WaitForAsync();
            await PickByIdAsync(officer, "u-brag", "Green");
            await PickByIdAsync(officer, "u-direction", "Progressing");
            await officer.GetByLabel("Areas of success").FillAsync("The contractor started on site on time.");
            await officer.GetByLabel("Areas of concern").FillAsync("Steel prices may raise the cost.");
            await officer.GetByLabel("Focus for next quarter").FillAsync("Complete the roof.");
            await officer.GetByLabel("Milestone 1 title").FillAsync("Library reopens");
            await officer.GetByLabel("Milestone 1 due date").FillAsync(new DateOnly(thisYear.StartYear + 1, 3, 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await PickByIdAsync(officer, "u-milestones-0-status", "On track");
            await ClickAsync(officer, "Save update");
            await officer.ShouldSayAsync($"The update of {ProjectCode} for {quarter.Label} is saved as a draft.");
            await ClickAsync(officer, $"Submit {PeopleDirectorate}'s updates for approval");
            await officer.ShouldSayAsync("1 project update submitted for approval.");
            await Evidence.SaveAsync(officer, "new-council-6b-project-update-submitted");
        });

        await Evidence.StepAsync(officer, "officer-finance", async () =>
        {
            await NavAsync(officer, "Finance");
            // With no finance yet the page offers the entry link twice (a button and in its sentence): either will do.
            await officer.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Enter the quarter's finance", Exact = true }).First.ClickAsync();
            await officer.GotoAsync($"/finance/entry?period={Uri.EscapeDataString(quarter.Label)}");
            await officer.GetByRole(AriaRole.Heading, new() { Level = 1 }).ShouldHaveTextAsync($"Enter finance, {quarter.Label}");
            await officer.Locator(".finance-rag").WaitForAsync();
            await officer.GetByLabel("Service area, line 1", new() { Exact = true }).FillAsync(ServiceArea);
            await officer.GetByLabel("Approved budget £m, line 1", new() { Exact = true }).FillAsync(Invariant(ApprovedBudget));
            await officer.GetByLabel("Forecast outturn £m, line 1", new() { Exact = true }).FillAsync(Invariant(ForecastOutturn));
            await officer.GetByLabel("Projected variance £m").FillAsync(Invariant(ForecastOutturn - ApprovedBudget));
            await officer.Locator(".finance-rag").ClickAsync();
            await officer.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Amber" }).ClickAsync();
            await officer.GetByLabel("Commentary").FillAsync("Waste disposal costs are above budget.");
            await ClickAsync(officer, "Save finance");
            await officer.ShouldSayAsync($"{quarter.Label} finance saved");
            await Evidence.SaveAsync(officer, "new-council-6c-finance-entered");
        });

        // The director (not the person who entered the figures) approves both quarters of both directorates.
        var director = await People.SignedInAsync(app, DirectorEmail, DirectorPassword);
        await Evidence.StepAsync(director, "director-approves", async () =>
        {
            foreach (var period in new[] { quarter, lastYearQuarter })
            {
                foreach (var directorate in new[] { PlaceDirectorate, PeopleDirectorate })
                {
                    await NavAsync(director, "Outturns");
                    await FiguresDueLinkAsync(director, directorate);
                    if (period != quarter)
                    {
                        await director.GetByLabel("Period", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = period.Label });
                        await ClickAsync(director, "Show");
                    }

                    await director.GetByRole(AriaRole.Heading, new() { Level = 1 }).ShouldHaveTextAsync($"{directorate} outturns, {period.Label}");
                    await ClickAsync(director, "Approve submitted figures");
                    await director.ShouldSayAsync($"{Measures.Count(m => m.Directorate == directorate)} figures approved.");
                }
            }

            await NavAsync(director, "Outturns");
            await director.GetByLabel("Period", new() { Exact = true }).FillAsync(quarter.Label);
            await ClickAsync(director, "Show");
            await director.GetByRole(AriaRole.Table, new() { NameRegex = new Regex("^Project updates due for ") }).GetByRole(AriaRole.Link, new() { Name = PeopleDirectorate, Exact = true }).ClickAsync();
            await director.GetByRole(AriaRole.Heading, new() { Level = 1 }).ShouldHaveTextAsync($"{PeopleDirectorate} project updates, {quarter.Label}");
            await ClickAsync(director, "Approve submitted updates");
            await director.ShouldSayAsync("1 project update approved.");
            await Evidence.SaveAsync(director, "new-council-7-director-approved");
        });

        await Evidence.StepAsync(admin, "admin-publishes", async () =>
        {
            foreach (var period in new[] { lastYearQuarter, quarter })
            {
                await NavAsync(admin, "Outturns");
                await FiguresDueLinkAsync(admin, PlaceDirectorate);
                await admin.GetByLabel("Period", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = period.Label });
                await ClickAsync(admin, "Show");

                await ClickAsync(admin, $"Publish {period.Label}");
                await admin.ShouldSayAsync(
                    $"{Measures.Length} figures published for {period.Label}: the whole quarter is published and readers now open it first.");
            }
        });

        // What the scheme set above makes of each figure, and what the majority rule makes of each segment.
        var expected = Measures.ToDictionary(m => m.Code, ExpectedRating);
        expected.Values.Distinct().ShouldBe(["Blue", "Green", "Amber", "Red"], ignoreOrder: true, "the six figures exercise every rating");
        Measures.Count(m => expected[m.Code] == "Amber" && m.ShortBy > m.Tolerance).ShouldBe(1, "one Red is softened to Amber by the last-year rule");

        // Signed out (the council lets anyone read published figures): the wheel opens on the quarter, its segments rated.
        var reader = await app.NewPageAsync();
        await Evidence.StepAsync(reader, "signed-out-wheel", async () =>
        {
            await reader.GotoAsync("/");
            await ShouldShowTheWheelAsync(reader, quarter, expected);
            await Evidence.SaveAsync(reader, "new-council-8-wheel-signed-out");
            await ShouldShowNoDemoDataAsync(reader, demo);
        });

        var councillor = await People.SignedInAsync(app, CouncillorEmail, CouncillorPassword);
        await Evidence.StepAsync(councillor, "councillor-reads", async () =>
        {
            await councillor.GotoAsync("/");
            await ShouldShowTheWheelAsync(councillor, quarter, expected);

            foreach (var directorate in new[] { PlaceDirectorate, PeopleDirectorate })
            {
                await NavAsync(councillor, "Directorates");
                await LinkAsync(councillor, directorate);
                await councillor.GetByRole(AriaRole.Heading, new() { Level = 1 }).ShouldHaveTextAsync($"{directorate} scorecard, {quarter.Label}");
                var rows = await ScorecardRowsAsync(councillor);
                rows.Select(r => r.Code).ShouldBe(Measures.Where(m => m.Directorate == directorate).Select(m => m.Code));
                foreach (var row in rows)
                {
                    var m = Measures.Single(x => x.Code == row.Code);
                    row.Latest.ShouldContain(m.Formatted(m.Value));
                    row.Target.ShouldContain(m.Formatted(m.Target));
                    row.Rating.ShouldBe(expected[m.Code], $"{m.Code}: {m.Value} against {m.Target}, last year {m.LastYear}");
                }

                await Evidence.SaveAsync(councillor, $"new-council-9-scorecard-{directorate}");
                await ShouldShowNoDemoDataAsync(councillor, demo);
            }

            await NavAsync(councillor, "Finance");
            await councillor.GetByRole(AriaRole.Heading, new() { Level = 1 }).ShouldHaveTextAsync($"Finance, {quarter.Label}");
            var line = await councillor.GetByRole(AriaRole.Row).Filter(new() { HasText = ServiceArea }).InnerTextAsync();
            // £m to three places; the variance is the forecast less the budget (+0.600, an overspend), 4.8% of it shown as 5%.
            var variance = ForecastOutturn - ApprovedBudget;
            var percent = Math.Round(variance / ApprovedBudget * 100, MidpointRounding.AwayFromZero);
            line.ShouldBe(string.Join('\t', ServiceArea, Millions(ApprovedBudget), Millions(ForecastOutturn), "+" + Millions(variance), $"{percent:0}%", "Overspend"));
            (await MainTextAsync(councillor)).ShouldContain("Waste disposal costs are above budget.");
            await Evidence.SaveAsync(councillor, "new-council-10-finance");
            await ShouldShowNoDemoDataAsync(councillor, demo);

            await councillor.GotoAsync($"/projects/{ProjectCode}");
            var project = await MainTextAsync(councillor);
            project.ShouldContain($"Update for {quarter.Label}");
            project.ShouldContain("The contractor started on site on time.");
            project.ShouldContain("Library reopens");
            await Evidence.SaveAsync(councillor, "new-council-10b-project");

            await councillor.GotoAsync("/");
            var download = await councillor.RunAndWaitForDownloadAsync(
                () => councillor.GetByRole(AriaRole.Link, new() { Name = "Cabinet pack (PDF)" }).ClickAsync(),
                new() { Timeout = 120_000 });
            var pdf = Path.Combine(Path.GetTempPath(), $"pw-e2e-{Guid.NewGuid():N}.pdf");
            await download.SaveAsAsync(pdf);
            try
            {
                var text = TestFiles.PdfText(pdf);
                File.WriteAllText(Path.Combine(Evidence.Folder, "new-council-11-cabinet-pack.txt"), text);
                text.ShouldContain(NewCouncilApp.CouncilName);
                text.ShouldContain(quarter.Label);
                text.ShouldContain($"Rated under the council's rating scheme from {firstYear.Label}: Blue when exceeding target by 10%");
                foreach (var m in Measures)
                {
                    text.ShouldContain(m.Title);
                    text.ShouldContain(m.Formatted(m.Value));
                }

                // A title may wrap inside its table cell, beside the next column's lines: read in reading order, spaces folded.
                System.Text.RegularExpressions.Regex.Replace(TestFiles.PdfText(pdf, layout: false), @"\s+", " ").ShouldContain(ProjectTitle);
                text.ShouldContain(ServiceArea);

                foreach (var marker in demo)
                {
                    text.ShouldNotContain(marker, Case.Sensitive, "the Cabinet pack of a new council");
                }
            }
            finally
            {
                File.Delete(pdf);
            }
        });
    }

    /// <param name="ShortBy">How far the figure falls short of its target (negative when past it).</param>
    private sealed record MeasureSpec(
        string Code, string Title, string Directorate, string Segment, string Unit, int Decimals, bool HigherIsBetter,
        decimal Tolerance, decimal Target, decimal Value, decimal LastYear)
    {
        public decimal ShortBy => HigherIsBetter ? Target - Value : Value - Target;

        public bool WorseThanLastYear => HigherIsBetter ? Value < LastYear : Value > LastYear;

        /// <summary>The figure as the pages print it: the measure's decimal places, then its unit.</summary>
        public string Formatted(decimal value)
        {
            var number = value.ToString("N" + Decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.GetCultureInfo("en-GB"));
            return Unit == "%" ? number + "%" : number + " " + Unit;
        }
    }

    private sealed record ScorecardRow(string Code, string Latest, string Target, string Rating);

    /// <summary>
    /// The scheme set above: on or past the target is Green, Blue when past it by 10% of the target or more; short of it by
    /// no more than the tolerance is Amber; further short is Red only when also worse than the same quarter last year, else Amber.
    /// </summary>
    private static string ExpectedRating(MeasureSpec m) =>
        m.ShortBy <= 0 ? (-m.ShortBy >= m.Target * 10 / 100 ? "Blue" : "Green")
        : m.ShortBy <= m.Tolerance ? "Amber"
        : m.WorseThanLastYear ? "Red" : "Amber";

    /// <summary>Majority of the segment's Green, Amber and Red measures, a tie going to the worse; Blue stands apart.</summary>
    private static string ExpectedSegmentRating(string segment, IReadOnlyDictionary<string, string> ratings)
    {
        string[] worstFirst = ["Red", "Amber", "Green"];
        var rated = Measures.Where(m => m.Segment == segment).Select(m => ratings[m.Code]).Where(worstFirst.Contains).ToList();
        return rated.GroupBy(r => r).OrderByDescending(g => g.Count()).ThenBy(g => Array.IndexOf(worstFirst, g.Key)).First().Key;
    }

    private static async Task ShouldShowTheWheelAsync(IPage page, ReportingPeriod quarter, IReadOnlyDictionary<string, string> ratings)
    {
        await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).ShouldHaveTextAsync($"Performance wheel, {quarter.Label}");
        var main = await MainTextAsync(page);
        main.ShouldContain(PlanName);
        main.ShouldContain("Blue when exceeding target by 10%; Red only when also worse than the same period last year");
        var rows = await page.Locator("main section.group table tbody tr").EvaluateAllAsync<string[][]>(
            """
            rows => rows.map(r => [
              r.querySelector('th a').textContent.trim(),
              r.cells[4].querySelector('.rag .visually-hidden').textContent.trim()])
            """);
        rows.Select(r => r[0]).ShouldBe(Segments.Select(s => s.Code));
        foreach (var row in rows)
        {
            row[1].Split(':')[0].ShouldBe(ExpectedSegmentRating(row[0], ratings), $"segment {row[0]} on the wheel");
        }
    }

    private static async Task<IReadOnlyList<ScorecardRow>> ScorecardRowsAsync(IPage page)
    {
        var cells = await page.Locator("main .scorecard table tbody tr").EvaluateAllAsync<string[][]>(
            """
            rows => rows.map(r => [
              r.querySelector('th a').textContent.trim(),
              r.cells[3].textContent.trim(),
              r.cells[4].textContent.trim(),
              r.cells[5].querySelector('.rag .visually-hidden').textContent.trim()])
            """);
        return cells.Select(c => new ScorecardRow(c[0], c[1], c[2], c[3].Split(':')[0])).ToList();
    }

    private static async Task EnterAndSubmitAsync(IPage page, string directorate, ReportingPeriod period, Func<MeasureSpec, decimal> figure)
    {
        await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).ShouldHaveTextAsync($"{directorate} outturns, {period.Label}");
        var due = Measures.Where(m => m.Directorate == directorate).ToList();
        await page.Locator(".outturn-grid[data-interactive=true]").WaitForAsync();
        foreach (var m in due)
        {
            await page.GetByLabel($"Value for {m.Code} {period.Label}", new() { Exact = true }).FillAsync(Invariant(figure(m)));
        }

        await ClickAsync(page, "Save figures");
        await page.ShouldSayAsync($"{due.Count} figures saved.");
        await ClickAsync(page, "Submit for approval");
        await page.ShouldSayAsync($"{due.Count} figures submitted for approval.");
    }

    private static async Task CreateUserAsync(IPage admin, string email, string name, string role, string[] directorates, string password)
    {
        // The live Users page: the role and the directorates are MudSelects (the list's filters have a Role too).
        await admin.Locator(".users[data-interactive=true]").WaitForAsync();
        await admin.GetByLabel("Email address").FillAsync(email);
        await admin.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await admin.GetByLabel("Initial password").FillAsync(password);
        await PickAsync(admin, "#new-role", role, open: true);
        // The role's list closes once a role is picked (a list still closing is not the directorates' list); the
        // directorates' list stays open while several are picked.
        await Assertions.Expect(admin.Locator(".mud-popover-open")).ToHaveCountAsync(0);
        foreach (var (directorate, i) in directorates.Select((d, i) => (d, i)))
        {
            await PickAsync(admin, "#new-directorates", directorate, open: i == 0);
        }

        await admin.Keyboard.PressAsync("Escape");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await admin.ShouldSnackAsync($"Account {email} created.");
    }

    // The live project update's MudSelects, by their input's id.
    private static async Task PickByIdAsync(IPage page, string id, string option)
    {
        await page.Locator($".mud-select:has([id='{id}'])").Last.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = option }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    // Opens the MudSelect around the input (when asked: a multi-select's list stays open between picks) and picks.
    private static async Task PickAsync(IPage page, string inputId, string option, bool open)
    {
        if (open)
        {
            await page.Locator(inputId).Locator("xpath=ancestor::div[contains(@class,'mud-select')][1]").ClickAsync();
        }

        await page.Locator(".mud-popover-open").GetByText(option, new() { Exact = true }).ClickAsync();
    }

    /// <summary>Names that only the demo council has: its name, directorates, committees, plans, measure and project codes, service areas.</summary>
    private static List<string> DemoMarkers()
    {
        var file = Path.Combine(TestFiles.RepositoryRoot() ?? throw new InvalidOperationException("The repository root (PerformanceWheel.sln) was not found above the test's folder."), "src", "PerformanceWheel.Data", "Demo", "demo-council.json");
        using var json = JsonDocument.Parse(File.ReadAllText(file));
        var root = json.RootElement;
        IEnumerable<string> Strings(string list, string property) => root.GetProperty(list).EnumerateArray().Select(e => e.GetProperty(property).GetString()!);
        var markers = new[] { root.GetProperty("council").GetProperty("name").GetString()! }
            .Concat(Strings("directorates", "name")).Concat(Strings("committees", "name")).Concat(Strings("plans", "name"))
            .Concat(Strings("measures", "code")).Concat(Strings("projects", "code")).Concat(Strings("finance", "serviceArea"))
            .Distinct().ToList();
        markers.Count.ShouldBeGreaterThan(50, "the demo council's names were read");
        return markers;
    }

    private static async Task ShouldShowNoDemoDataAsync(IPage page, IReadOnlyList<string> demo)
    {
        var text = await page.Locator("body").InnerTextAsync();
        foreach (var marker in demo)
        {
            text.ShouldNotContain(marker, Case.Sensitive, $"{page.Url} of a new council");
        }
    }

    private static string CommitteeLabel(string code) => $"{code} – {Committees.Single(c => c.Code == code).Name}";

    private static Task NavAsync(IPage page, string link) =>
        FollowAsync(page, page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = link, Exact = true }));

    private static Task LinkAsync(IPage page, string link) => FollowAsync(page, page.Locator("main").GetByRole(AriaRole.Link, new() { Name = link, Exact = true }));

    /// <summary>
    /// Follows a link and waits for the page it opens. blazor.web.js swaps pages in by enhanced navigation (a fetch, no
    /// browser navigation for Playwright to wait on), so the wait is for its "enhancedload" event, or the new document.
    /// The listener is in place before the click and counts loads, and the wait has Playwright's timeout: an earlier
    /// version started listening as it clicked, so a page swapped in before the listener was there was waited for without
    /// end (a full run hung here for a quarter of an hour).
    /// </summary>
    private static async Task FollowAsync(IPage page, ILocator link)
    {
        var before = await page.EvaluateAsync<int>(
            """
            () => {
                if (!window.__enhancedLoads) {
                    window.__enhancedLoads = { count: 0 };
                    window.Blazor?.addEventListener?.('enhancedload', () => window.__enhancedLoads.count++);
                }
                return window.__enhancedLoads.count;
            }
            """);
        var from = page.Url;
        await link.ClickAsync();
        try
        {
            // A new document has no counter: a full navigation, which the click already waited for.
            await page.WaitForFunctionAsync("before => !window.__enhancedLoads || window.__enhancedLoads.count > before", before);
        }
        catch (PlaywrightException)
        {
            // The document was replaced while the condition was being read (a full navigation).
        }
        catch (TimeoutException) when (page.Url == from)
        {
            // A full run clicked "Add a measure" as the live list's circuit re-rendered it and the click went nowhere (the
            // page never left). Follow the link once more; a second timeout fails the test.
            await link.ClickAsync();
            await page.WaitForFunctionAsync("before => !window.__enhancedLoads || window.__enhancedLoads.count > before", before);
        }

        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    /// <summary>A directorate's figures on the data-due tracker (Outturns), whatever quarter it opens on.</summary>
    private static Task FiguresDueLinkAsync(IPage page, string directorate) =>
        FollowAsync(page, page.GetByRole(AriaRole.Table, new() { NameRegex = new Regex("^Figures due for ") }).GetByRole(AriaRole.Link, new() { Name = directorate, Exact = true }));

    // The framework's forms are interactive (issue 15): wait for the circuit, so what is typed is not replaced by the first live render.
    private static Task LiveFormAsync(IPage page) => page.Locator("form.framework-form[data-interactive=true]").WaitForAsync();

    // A MudBlazor select: opened from its field, the option picked from the list it shows.
    private static async Task ChooseAsync(IPage page, string label, string option)
    {
        await page.GetByLabel(label, new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option).First.WaitForAsync(new() { State = WaitForSelectorState.Hidden });
    }

    private static Task FillAsync(IPage page, string label, string value) => page.GetByLabel(label, new() { Exact = true }).FillAsync(value);

    private static Task ClickAsync(IPage page, string button) => page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();

    private static Task<string> MainTextAsync(IPage page) => page.Locator("main").InnerTextAsync();

    private static string Millions(decimal value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Invariant(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}

using PerformanceWheel.Application.Framework;
using PerformanceWheel.Application.Tests.Support;
using PerformanceWheel.TestSupport;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Rating;
using Shouldly;
using static PerformanceWheel.TestSupport.TestWorkbook;

namespace PerformanceWheel.Application.Tests.Framework;

/// <summary>
/// A measure created or changed through the admin form and through a workbook import follows the same rules and ends
/// in the same stored state with the same audit text (the API has no measure writes).
/// </summary>
public sealed class OneMeasureRuleForFormAndImportOnSqlite
{
    private const string UnknownUnit = "'furlongs' is not a unit; use %, number, count, £, £m, days or per N (e.g. per 100,000).";

    [Fact]
    public async Task AnUnknownUnitIsRefusedByTheImportWithTheFormsMessageAndNothingIsSaved()
    {
        await using var council = await Council.CreateAsync();
        var form = await council.SaveMeasureAsync(null, await Stored.DraftAsync(council, "M1") with { UnitText = "furlongs" });
        form.Problems.ShouldContain(new FieldProblem("UnitText", UnknownUnit));

        var report = await council.ImportAsync(SampleWorkbooks.Measures(Row("M1", "Visits", Council.Directorate, "S1", "Higher is better", "furlongs", "Quarterly",
            "Snapshot", 5, "Percent", 0.5, "P", null, "About visits", 1)));

        report.Applied.ShouldBeFalse();
        report.Errors.ShouldContain(new Import.ImportError("Measures", 2, "Unit", UnknownUnit));
        (await council.MeasureAsync("M1")).ShouldBeNull();
    }

    [Fact]
    public async Task ANewMeasureIsStoredAndAuditedAlikeThroughTheFormAndTheImport()
    {
        await using var byForm = await Council.CreateAsync();
        await using var byImport = await Council.CreateAsync();

        var saved = await byForm.SaveMeasureAsync(null, await Stored.DraftAsync(byForm, "M1"));
        saved.Problems.ShouldBeEmpty();
        var report = await byImport.ImportAsync(SampleWorkbooks.Measures(Stored.ImportRow("M1")));
        report.Errors.ShouldBeEmpty();

        Stored.Measure(await byImport.MeasureAsync("M1")).ShouldBe(Stored.Measure(await byForm.MeasureAsync("M1")));
        Stored.Audit(await byImport.AuditAsync("Measure", "M1")).ShouldBe(Stored.Audit(await byForm.AuditAsync("Measure", "M1")));
    }

    [Fact]
    public async Task DecimalPlacesGivenInTheWorkbookAreKeptAsTheFormKeepsThem()
    {
        await using var council = await Council.CreateAsync();

        var report = await council.ImportAsync(SampleWorkbooks.Measures(Stored.ImportRow("M1", decimals: 3)));

        report.Errors.ShouldBeEmpty();
        (await council.MeasureAsync("M1"))!.DecimalPlaces.ShouldBe(3);
    }

    [Fact]
    public async Task ASheetWithoutTheOptionalColumnsLeavesAnExistingMeasuresUnitAndRatingAsTheyAre()
    {
        await using var council = await Council.CreateAsync();
        (await council.ImportAsync(SampleWorkbooks.Measures(Stored.ImportRow("M1", decimals: 2)))).Errors.ShouldBeEmpty();
        var before = Stored.Measure(await council.MeasureAsync("M1"));

        // Only the required columns: unit, aggregation, tolerance, steady threshold and decimal places are absent.
        var report = await council.ImportAsync(new TestWorkbook()
            .Sheet("Measures", Row("Code", "Title", "Directorate", "Polarity", "Frequency"), Row("M1", "Visits", Council.Directorate, "Higher is better", "Quarterly"))
            .Sheet("Targets", SampleWorkbooks.TargetsHeader).Sheet("Outturns", SampleWorkbooks.OutturnsHeader));

        report.Errors.ShouldBeEmpty();
        report.Count("Measures").Unchanged.ShouldBe(1);
        Stored.Measure(await council.MeasureAsync("M1")).ShouldBe(before);
        (await council.MeasureAsync("M1"))!.Unit.Label.ShouldBe("%");
    }

    [Fact]
    public async Task DecimalPlacesOutsideZeroToSixAreRefusedInTheirColumn()
    {
        await using var council = await Council.CreateAsync();

        var report = await council.ImportAsync(SampleWorkbooks.Measures(Stored.ImportRow("M1", decimals: 7)));

        report.Errors.ShouldContain(new Import.ImportError("Measures", 2, "Decimal places", "Decimal places must be between 0 and 6."));
    }

    [Fact]
    public async Task RetiringAChangedMeasureIsStoredAndAuditedAlikeThroughTheFormAndTheImport()
    {
        await using var byForm = await Council.CreateAsync();
        await using var byImport = await Council.CreateAsync();
        foreach (var council in new[] { byForm, byImport })
        {
            (await council.SaveMeasureAsync(null, await Stored.DraftAsync(council, "M1"))).Problems.ShouldBeEmpty();
        }

        var id = await byForm.MeasureIdAsync("M1");
        var change = await Stored.DraftAsync(byForm, "M1") with
        {
            Title = "Home visits", UnitText = "number", DecimalPlaces = 2, ToleranceType = ToleranceType.Absolute, ToleranceValue = 3, DiscontinuedFrom = "2021/22 Q1",
        };
        (await byForm.SaveMeasureAsync(id, change)).Problems.ShouldBeEmpty();
        var report = await byImport.ImportAsync(SampleWorkbooks.Measures(Row("M1", "Home visits", Council.Directorate, "S1", "Higher is better", "number", "Quarterly",
            "Snapshot", 3, "Absolute", 0.5, "P", "2021/22 Q1", "About visits", 2)));
        report.Errors.ShouldBeEmpty();

        Stored.Measure(await byImport.MeasureAsync("M1")).ShouldBe(Stored.Measure(await byForm.MeasureAsync("M1")));
        var audit = Stored.Audit(await byForm.AuditAsync("Measure", "M1"));
        audit.ShouldBe(Stored.Audit(await byImport.AuditAsync("Measure", "M1")));
        audit[^1].ShouldStartWith("Retired | Title: Visits → Home visits; Unit: % → number; Decimal places: 1 → 2;");
    }

    [Fact]
    public async Task ChangingPolarityWhileTargetsExistIsShownInThePolarityColumn()
    {
        await using var council = await Council.CreateAsync();
        (await council.ImportAsync(new PerformanceWheel.TestSupport.TestWorkbook()
            .Sheet("Measures", SampleWorkbooks.MeasuresHeader, Stored.ImportRow("M1"))
            .Sheet("Targets", SampleWorkbooks.TargetsHeader, Row("M1", "2019/20", 80, null, null, null))
            .Sheet("Outturns", SampleWorkbooks.OutturnsHeader))).Errors.ShouldBeEmpty();

        var report = await council.ImportAsync(SampleWorkbooks.Measures(Row("M1", "Visits", Council.Directorate, "S1", "Within range", "%", "Quarterly",
            "Snapshot", 5, "Percent", 0.5, "P", null, "About visits", 1)));

        report.Errors.ShouldBe([new Import.ImportError("Measures", 2, "Polarity",
            "Polarity cannot change between Within range and a single target while targets exist; remove the targets first.")]);
    }

    [Theory]
    [InlineData("UnitText", "Unit", "furlongs")]
    [InlineData("ToleranceValue", "Tolerance", "-1")]
    [InlineData("SteadyThreshold", "Steady threshold", "-1")]
    [InlineData("DecimalPlaces", "Decimal places", "7")]
    public async Task ARefusedValueGetsTheSameMessageOnTheFormAndInItsColumnOfTheWorkbook(string field, string column, string value)
    {
        await using var council = await Council.CreateAsync();
        var draft = await Stored.DraftAsync(council, "M1");
        var number = decimal.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;
        draft = field switch
        {
            "UnitText" => draft with { UnitText = value },
            "ToleranceValue" => draft with { ToleranceValue = number },
            "SteadyThreshold" => draft with { SteadyThreshold = number },
            _ => draft with { DecimalPlaces = (int)number },
        };
        var row = Stored.ImportRow("M1");
        row[Array.IndexOf(SampleWorkbooks.MeasuresHeader, column)] = field == "UnitText" ? value : number;

        var form = (await council.SaveMeasureAsync(null, draft)).Problems.ShouldHaveSingleItem();
        var report = await council.ImportAsync(SampleWorkbooks.Measures(row));

        form.Field.ShouldBe(field);
        report.Errors.ShouldBe([new Import.ImportError("Measures", 2, column, form.Message)]);
        (await council.MeasureAsync("M1")).ShouldBeNull();
    }
}

using Bunit;
using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Web.Components.Pages.Admin.Framework;
using Shouldly;

namespace PerformanceWheel.Components.Tests;

/// <summary>
/// The live measure form: the rating rule previewed in words from the domain's rating code as the target and tolerance
/// are typed; fields checked as typed; a change saved through the measure command; discontinuing asks first and saves
/// nothing when cancelled.
/// </summary>
public sealed class MeasureFormTests(DemoCouncil demo) : IClassFixture<DemoCouncil>
{
    [Fact]
    public async Task TypingATargetAndToleranceShowsWhatTheRuleMeans()
    {
        var (ctx, _, _) = MeasuresContext.Create(demo.Database);
        await using var _ctx = ctx;
        var form = ctx.Render<EditMeasure>();
        form.WaitForElement("#m-preview-target");

        await form.Find("#m-preview-target").InputAsync(new() { Value = "80" });
        form.Find("#rule-preview").TextContent.ShouldBe("Higher is better: Green at or above 80.0%, Red below 80.0% (no tolerance, so never Amber).");

        await form.Find("#m-tolerance").InputAsync(new() { Value = "5" });
        form.WaitForAssertion(() => form.Find("#rule-preview").TextContent.ShouldBe("Higher is better: Green at or above 80.0%, Amber from 75.0% (tolerance ±5), Red below 75.0%."));

        await form.Find("#m-preview-target").InputAsync(new() { Value = "95,3" });
        form.Find("#rule-preview").TextContent.ShouldBe("The target: '95,3' is not a number: use a full stop for decimals (84.8), and commas only between thousands (1,234.5).");

        await form.Find("#m-preview-target").InputAsync(new() { Value = "140" });
        form.Find("#rule-preview").TextContent.ShouldBe("The target: A percentage must be between 0 and 100.");

        await form.Find("#m-unit").InputAsync(new() { Value = "days" });
        await form.Find("#m-preview-target").InputAsync(new() { Value = "12" });
        form.Find("#rule-preview").TextContent.ShouldBe("Higher is better: Green at or above 12.0 days, Amber from 7.0 days (tolerance ±5), Red below 7.0 days.");
    }

    [Fact]
    public async Task FieldsAreCheckedAsTheyAreTyped()
    {
        var (ctx, _, _) = MeasuresContext.Create(demo.Database);
        await using var _ctx = ctx;
        var form = ctx.Render<EditMeasure>();
        form.WaitForElement("#m-title");

        await form.Find("#m-title").InputAsync(new() { Value = "x" });
        await form.Find("#m-title").InputAsync(new() { Value = "" });
        form.WaitForAssertion(() => form.Find("#m-title-error").TextContent.ShouldContain("Enter the measure's title"));

        await form.Find("#m-unit").InputAsync(new() { Value = "furlongs" });
        form.Find("#m-unit-error").TextContent.ShouldContain("'furlongs' is not a unit");

        await form.Find("#m-tolerance").InputAsync(new() { Value = "-1" });
        form.WaitForAssertion(() => form.Find("#m-tolerance-error").TextContent.ShouldContain("Tolerance must be zero or more"));

        await form.Find("#m-unit").InputAsync(new() { Value = "%" });
        form.FindAll("#m-unit-error").ShouldBeEmpty();
    }

    [Fact]
    public async Task AChangeIsSavedThroughTheMeasureCommandWithASnackbar()
    {
        var id = await MeasuresContext.NewMeasureAsync(demo.Database, "BU-SAVE-01");
        var (ctx, _, snackbars) = MeasuresContext.Create(demo.Database);
        await using var _ctx = ctx;
        var form = ctx.Render<EditMeasure>(p => p.Add(f => f.Id, id));
        form.WaitForElement("#m-title");

        await form.Find("#m-title").InputAsync(new() { Value = "Renamed in the live form" });
        await form.Find("#m-tolerance").InputAsync(new() { Value = "3" });
        await form.Find("form.measure-form").SubmitAsync();

        snackbars.WaitForAssertion(() => snackbars.Markup.ShouldContain("Measure BU-SAVE-01 saved."));
        var saved = await MeasuresContext.QueryAsync(demo.Database, db => db.Measures.SingleAsync(m => m.Id == id));
        (saved.Title, saved.ToleranceValue).ShouldBe(("Renamed in the live form", 3m));
        (await MeasuresContext.QueryAsync(demo.Database, db => db.AuditEntries.Where(a => a.EntityKey == "BU-SAVE-01" && a.Action == "Updated").Select(a => a.User).SingleAsync()))
            .ShouldBe(GridContext.Officer);
    }

    [Fact]
    public async Task DiscontinuingAsksFirstAndACancelledDialogChangesNothing()
    {
        var id = await MeasuresContext.NewMeasureAsync(demo.Database, "BU-STOP-01");
        var (ctx, dialogs, snackbars) = MeasuresContext.Create(demo.Database);
        await using var _ctx = ctx;
        var form = ctx.Render<EditMeasure>(p => p.Add(f => f.Id, id));
        form.WaitForElement("#m-discontinued");
        await form.Find("#m-discontinued").InputAsync(new() { Value = "2020/21 Q1" });

        form.Find("form.measure-form").Submit(); // not awaited: the save waits for the dialog's answer
        dialogs.WaitForAssertion(() => dialogs.Find("#retirement-title").TextContent.ShouldBe("Discontinue BU-STOP-01 from 2020/21 Q1?"));
        dialogs.Find(".mud-dialog").TextContent.ShouldContain("Its figures, targets and change history are kept: reports of the periods before 2020/21 Q1 show it as they did.");
        await DirectorsReviewTests.Button(dialogs.Find(".mud-dialog"), "Cancel").ClickAsync(new());

        snackbars.WaitForAssertion(() => snackbars.Markup.ShouldContain("Nothing was changed."));
        (await DiscontinuedFromAsync(id)).ShouldBeNull();

        form.Find("form.measure-form").Submit(); // not awaited: the save waits for the dialog's answer
        dialogs.WaitForAssertion(() => dialogs.Find(".mud-dialog").ShouldNotBeNull());
        await DirectorsReviewTests.Button(dialogs.Find(".mud-dialog"), "Discontinue BU-STOP-01").ClickAsync(new());

        snackbars.WaitForAssertion(() => snackbars.Markup.ShouldContain("Measure BU-STOP-01 saved."));
        (await DiscontinuedFromAsync(id)).ShouldBe("2020/21 Q1");
        (await MeasuresContext.QueryAsync(demo.Database, db => db.AuditEntries.CountAsync(a => a.EntityKey == "BU-STOP-01" && a.Action == "Retired"))).ShouldBe(1);
    }

    private Task<string?> DiscontinuedFromAsync(int id) =>
        MeasuresContext.QueryAsync(demo.Database, async db => (await db.Measures.SingleAsync(m => m.Id == id)).DiscontinuedFrom?.Label);
}

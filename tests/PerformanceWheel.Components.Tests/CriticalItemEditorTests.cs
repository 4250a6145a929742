using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using PerformanceWheel.Application.Workflow;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Web.Components.Pages.Outturns;
using Shouldly;

namespace PerformanceWheel.Components.Tests;

/// <summary>
/// A critical item edited in the live page: each field's problem is shown as it is typed and nothing is stored until the
/// item is right; someone else's newer text is never overwritten and the refusal names the item; removing asks first,
/// and keeping it changes nothing. Children's Services, 2019/20 Q2, whose Red measures include O3.1-01, O3.3-02 and O3.4-01.
/// </summary>
public sealed class CriticalItemEditorTests(DemoCouncil demo) : IClassFixture<DemoCouncil>
{
    private const string Directorate = "Childrens Services";
    private static readonly ReportingPeriod Quarter = ReportingPeriod.Parse("2019/20 Q2");

    [Fact]
    public async Task EachFieldsProblemShowsAsItIsTypedAndTheItemIsStoredOnceItIsRight()
    {
        await using var ctx = WorkContext.Create(demo.Database, GridContext.AsOfficer());
        var snackbars = ctx.Render<MudSnackbarProvider>();
        var changed = new List<string>();
        var editor = ctx.Render<CriticalItemEditor>(p => p.Add(e => e.Directorate, Directorate).Add(e => e.Quarter, Quarter)
            .Add(e => e.MeasureCode, "O3.1-01").Add(e => e.Changed, m => changed.Add(m)));

        editor.FindAll(".mud-input-error").ShouldBeEmpty();
        await editor.Find("#add-O3-1-01-owner").InputAsync(new() { Value = "Head of Service" });
        await editor.Find("#add-O3-1-01-owner").InputAsync(new() { Value = "  " });
        editor.WaitForAssertion(() => editor.Find("#add-O3-1-01-owner-error").TextContent.ShouldBe("Owner is required."));
        await editor.Find("#add-O3-1-01-issue").InputAsync(new() { Value = "More children coming into care than planned" });
        await DirectorsReviewTests.Button(editor.Find(".critical-editor"), "Add critical item for O3.1-01").ClickAsync(new());

        editor.WaitForAssertion(() => editor.Find("#add-O3-1-01-remedialaction-error").TextContent.ShouldBe("Remedial action is required."));
        editor.FindAll("#add-O3-1-01-issue-error").ShouldBeEmpty();
        (await ItemsOn("O3.1-01")).ShouldBeEmpty();

        await editor.Find("#add-O3-1-01-remedialaction").InputAsync(new() { Value = "Edge of care team expanded" });
        await editor.Find("#add-O3-1-01-owner").InputAsync(new() { Value = "Head of Children's Social Care" });
        await DirectorsReviewTests.Button(editor.Find(".critical-editor"), "Add critical item for O3.1-01").ClickAsync(new());

        snackbars.WaitForAssertion(() => snackbars.Markup.ShouldContain("Critical item added for O3.1-01."));
        var stored = (await ItemsOn("O3.1-01")).ShouldHaveSingleItem();
        (stored.Issue, stored.RemedialAction, stored.Owner).ShouldBe(("More children coming into care than planned", "Edge of care team expanded", "Head of Children's Social Care"));
        changed.ShouldBe(["Critical item added for O3.1-01."]);
    }

    [Fact]
    public async Task SavingOverSomeoneElsesNewerTextIsRefusedNamingTheItemAndOverwritesNothing()
    {
        var item = await AddAsync("O3.3-02", "Agency staff costs rising");
        await using var ctx = WorkContext.Create(demo.Database, GridContext.AsOfficer());
        var snackbars = ctx.Render<MudSnackbarProvider>();
        var editor = ctx.Render<CriticalItemEditor>(p => p.Add(e => e.Directorate, Directorate).Add(e => e.Quarter, Quarter)
            .Add(e => e.MeasureCode, "O3.3-02").Add(e => e.Item, item));
        var theirs = new CriticalItemInput("Agency costs rising in the north", item.RemedialAction, item.Owner);
        (await Workflow().EditAsync(Directorate, item.Id, theirs, CriticalItemsWorkflow.Fingerprint(item), Admin())).Succeeded.ShouldBeTrue();

        await editor.Find($"#edit-{item.Id}-issue").InputAsync(new() { Value = "Agency costs rising everywhere" });
        await DirectorsReviewTests.Button(editor.Find(".critical-editor"), "Save changes").ClickAsync(new());

        editor.WaitForAssertion(() => editor.Find(".critical-refused").TextContent.ShouldStartWith(
            "The critical item on O3.3-02 was not saved: Someone changed this critical item since you opened this page; it now reads: Agency costs rising in the north"));
        snackbars.Markup.ShouldContain("The critical item on O3.3-02 was not saved");
        editor.Find($"#edit-{item.Id}-issue").GetAttribute("value").ShouldBe("Agency costs rising everywhere");
        (await ItemsOn("O3.3-02")).ShouldHaveSingleItem().Issue.ShouldBe("Agency costs rising in the north");

        // Having read theirs, saving again replaces it.
        await DirectorsReviewTests.Button(editor.Find(".critical-editor"), "Save changes").ClickAsync(new());
        snackbars.WaitForAssertion(() => snackbars.Markup.ShouldContain("Critical item on O3.3-02 saved."));
        (await ItemsOn("O3.3-02")).ShouldHaveSingleItem().Issue.ShouldBe("Agency costs rising everywhere");
    }

    [Fact]
    public async Task RemovingAsksFirstAndKeepingTheItemChangesNothing()
    {
        var item = await AddAsync("O3.4-01", "Placement stability falling");
        await using var ctx = WorkContext.Create(demo.Database, GridContext.AsOfficer());
        var dialogs = ctx.Render<MudDialogProvider>();
        var snackbars = ctx.Render<MudSnackbarProvider>();
        var editor = ctx.Render<CriticalItemEditor>(p => p.Add(e => e.Directorate, Directorate).Add(e => e.Quarter, Quarter)
            .Add(e => e.MeasureCode, "O3.4-01").Add(e => e.Item, item));

        DirectorsReviewTests.Button(editor.Find(".critical-editor"), "Remove this critical item").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("#remove-item-title").TextContent.ShouldBe("Remove the critical item on O3.4-01?"));
        dialogs.Find("#remove-item-text").TextContent.ShouldContain("\"Placement stability falling\"");
        await DirectorsReviewTests.Button(dialogs.Find(".mud-dialog"), "Keep it").ClickAsync(new());
        dialogs.WaitForAssertion(() => dialogs.FindAll(".mud-dialog").ShouldBeEmpty());
        (await ItemsOn("O3.4-01")).ShouldHaveSingleItem();

        DirectorsReviewTests.Button(editor.Find(".critical-editor"), "Remove this critical item").Click();
        dialogs.WaitForAssertion(() => dialogs.Find(".mud-dialog").ShouldNotBeNull());
        await DirectorsReviewTests.Button(dialogs.Find(".mud-dialog"), "Remove the critical item").ClickAsync(new());

        snackbars.WaitForAssertion(() => snackbars.Markup.ShouldContain("Critical item on O3.4-01 removed."));
        (await ItemsOn("O3.4-01")).ShouldBeEmpty();
    }

    private CriticalItemsWorkflow Workflow()
    {
        var services = new ServiceCollection();
        services.AddSingleton(demo.Database.Factory());
        services.AddSingleton(TimeProvider.System);
        PerformanceWheel.Application.Performance.PerformanceReading.AddPerformanceReading(services);
        services.AddScoped<CriticalItemsWorkflow>();
        return services.BuildServiceProvider().GetRequiredService<CriticalItemsWorkflow>();
    }

    private static WorkflowUser Admin() => new("admin@demo.council", "admin@demo.council", IsOfficer: true, IsDirector: false) { IsAdmin = true };

    private async Task<CriticalItem> AddAsync(string measureCode, string issue)
    {
        var added = await Workflow().AddAsync(Directorate, Quarter, measureCode, new CriticalItemInput(issue, "A recovery plan", "Head of Service"), Admin());
        added.Succeeded.ShouldBeTrue();
        return (await ItemsOn(measureCode)).Single(i => i.Id == added.Id);
    }

    private async Task<List<CriticalItem>> ItemsOn(string measureCode)
    {
        await using var db = demo.Database.CreateContext();
        return await db.CriticalItems.AsNoTracking().Include(c => c.Measure).Where(c => c.Measure.Code == measureCode && c.Period == Quarter).ToListAsync();
    }
}

using Bunit;
using MudBlazor;
using PerformanceWheel.Application.Workflow;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Web.Components.Pages.Review;
using Shouldly;

namespace PerformanceWheel.Components.Tests;

/// <summary>
/// The key-issues editor: empty text is refused beside the field and nothing is stored; written text is saved (with a
/// snackbar and who saved it); a save over someone else's newer text overwrites nothing and shows theirs, keeping the
/// writer's own in the box; someone who may not write a directorate's key issues is told so and offered no box.
/// </summary>
public sealed class KeyIssuesEditorTests(DemoCouncil demo) : IClassFixture<DemoCouncil>
{
    [Fact]
    public async Task EmptyKeyIssuesAreRefusedBesideTheFieldAndWrittenOnesAreSaved()
    {
        var quarter = ReportingPeriod.Parse("2019/20 Q3");
        await using var ctx = Context(GridContext.AsDirectorOf("Adults Services"));
        var snackbars = ctx.Render<MudSnackbarProvider>();
        var editor = Render(ctx, "Adults Services", quarter);

        await DirectorsReviewTests.Button(editor.Find(".key-issues-editor"), "Save key issues").ClickAsync(new());

        editor.WaitForAssertion(() => editor.Find("#key-issues-error").TextContent.ShouldBe("Enter the key issues for Adults Services before saving."));
        (await Reader().ForAsync("Adults Services", quarter)).ShouldBeNull();

        await editor.Find("#key-issues-text").InputAsync(new() { Value = "Overdue reviews remain above target.\nA weekly assurance group tracks the backlog." });
        await DirectorsReviewTests.Button(editor.Find(".key-issues-editor"), "Save key issues").ClickAsync(new());

        snackbars.WaitForAssertion(() => snackbars.Markup.ShouldContain("Key issues for Adults Services saved."));
        var stored = (await Reader().ForAsync("Adults Services", quarter))!;
        (stored.Text, stored.UpdatedBy, stored.Version).ShouldBe(("Overdue reviews remain above target.\nA weekly assurance group tracks the backlog.", "director@demo.council", 1));
        editor.Find("#key-issues-saved").TextContent.ShouldStartWith("Last saved by director@demo.council on ");
        editor.FindAll("#key-issues-error").ShouldBeEmpty();
    }

    [Fact]
    public async Task SavingOverSomeoneElsesNewerKeyIssuesOverwritesNothingAndShowsTheirs()
    {
        var quarter = ReportingPeriod.Parse("2019/20 Q4");
        await using var ctx = Context(GridContext.AsDirectorOf("Adults Services"));
        ctx.Render<MudSnackbarProvider>();
        var editor = Render(ctx, "Adults Services", quarter);
        var admin = new SignedIn();
        admin.As("admin@demo.council", Roles.Admin);
        var adminUser = WorkflowUser.From((await admin.GetAuthenticationStateAsync()).User);
        (await new KeyIssues(demo.Database.Factory(), TimeProvider.System).SaveAsync(adminUser, "Adults Services", quarter, "The Admin's text.", 0)).Saved.ShouldBeTrue();

        await editor.Find("#key-issues-text").InputAsync(new() { Value = "The director's text." });
        await DirectorsReviewTests.Button(editor.Find(".key-issues-editor"), "Save key issues").ClickAsync(new());

        editor.WaitForAssertion(() => editor.Find(".key-issues-conflict").TextContent.ShouldContain("Their text: The Admin's text."));
        editor.Find(".key-issues-conflict").TextContent.ShouldContain("admin@demo.council saved the key issues for Adults Services since you opened this page. Nothing was overwritten");
        editor.Find("#key-issues-text").GetAttribute("value").ShouldBe("The director's text.");
        (await Reader().ForAsync("Adults Services", quarter))!.Text.ShouldBe("The Admin's text.");
    }

    [Fact]
    public async Task APersonWhoMayNotWriteTheDirectoratesKeyIssuesIsToldSoAndOfferedNoBox()
    {
        await using var ctx = Context(GridContext.AsDirectorOf("Public Health"));

        var editor = Render(ctx, "Adults Services", ReportingPeriod.Parse("2019/20 Q3"));

        editor.Find(".key-issues-editor").TextContent.ShouldContain("Only a Director of Adults Services or an Admin may write its key issues.");
        editor.FindAll("textarea").ShouldBeEmpty();
        editor.FindAll("button").ShouldBeEmpty();
    }

    private KeyIssuesReader Reader() => new(demo.Database.Factory());

    private BunitContext Context(SignedIn signedIn) => GridContext.Create(demo.Database, signedIn);

    private static IRenderedComponent<KeyIssuesEditor> Render(BunitContext ctx, string directorate, ReportingPeriod quarter)
    {
        var editor = ctx.Render<KeyIssuesEditor>(p => p.Add(e => e.Directorate, directorate).Add(e => e.Quarter, quarter.Label));
        editor.WaitForAssertion(() => editor.Markup.ShouldNotContain("Loading the key issues"));
        return editor;
    }
}

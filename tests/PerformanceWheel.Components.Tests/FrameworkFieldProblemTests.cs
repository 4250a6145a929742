using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor.Services;
using PerformanceWheel.Web.Components.Pages.Admin.Framework;
using Shouldly;

namespace PerformanceWheel.Components.Tests;

/// <summary>
/// A framework form's text field and choice say their problem where a screen reader finds it: in a page rendered for a
/// plain post (no circuit) as text under the field that the input is described by and marked invalid with; live, through
/// MudBlazor's own error text, and not a second time.
/// </summary>
public sealed class FrameworkFieldProblemTests
{
    private const string Problem = "Enter the measure's title.";

    [Fact]
    public async Task APlainPostsTextFieldIsDescribedByItsProblemAndItsHint()
    {
        await using var ctx = Context(interactive: false);

        var field = ctx.Render<FrameworkText>(p => p.Add(f => f.Label, "Title").Add(f => f.Id, "m-title").Add(f => f.Name, "Input.Title")
            .Add(f => f.Problem, Problem).Add(f => f.Hint, "As councillors read it."));

        var input = field.Find("#m-title");
        input.GetAttribute("aria-invalid").ShouldBe("true");
        var described = (input.GetAttribute("aria-describedby") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        described.ShouldContain("m-title-error");
        described.Select(id => field.FindAll($"[id='{id}']") is { Count: > 0 } found ? found[0].TextContent.Trim() : null).ShouldContain("As councillors read it.", "the hint still describes it");
        field.Find("#m-title-error").TextContent.ShouldBe(Problem);
        field.FindAll(".field-error").Count.ShouldBe(1);
    }

    [Fact]
    public async Task APlainPostsTextFieldWithoutAProblemIsNeitherInvalidNorDescribedByOne()
    {
        await using var ctx = Context(interactive: false);

        var field = ctx.Render<FrameworkText>(p => p.Add(f => f.Label, "Title").Add(f => f.Id, "m-title").Add(f => f.Name, "Input.Title"));

        field.Find("#m-title").HasAttribute("aria-invalid").ShouldBeFalse();
        (field.Find("#m-title").GetAttribute("aria-describedby") ?? string.Empty).ShouldNotContain("m-title-error");
        field.FindAll(".field-error").ShouldBeEmpty();
    }

    [Fact]
    public async Task ALiveTextFieldSaysItsProblemOnceThroughMudBlazor()
    {
        await using var ctx = Context(interactive: true);

        var field = ctx.Render<FrameworkText>(p => p.Add(f => f.Label, "Title").Add(f => f.Id, "m-title").Add(f => f.Name, "Input.Title").Add(f => f.Problem, Problem));

        field.FindAll(".field-error").ShouldBeEmpty();
        field.Find("#m-title-error").TextContent.Trim().ShouldBe(Problem);
        field.Markup.Split(Problem).Length.ShouldBe(2, "the problem is said once");
    }

    [Fact]
    public async Task APlainPostsChoiceIsDescribedByItsHintAndItsProblem()
    {
        await using var ctx = Context(interactive: false);

        var choice = ctx.Render<FrameworkChoice<int>>(p => p.Add(f => f.Label, "Directorate").Add(f => f.Id, "m-directorate").Add(f => f.Name, "Input.DirectorateId")
            .Add(f => f.Options, [(0, "Choose a directorate"), (1, "Adults Services")]).Add(f => f.Hint, "Its officers enter the figures.")
            .Add(f => f.Problem, "Choose the directorate that owns the measure."));

        var select = choice.Find("select#m-directorate");
        select.GetAttribute("aria-describedby").ShouldBe("m-directorate-hint m-directorate-error");
        select.GetAttribute("aria-invalid").ShouldBe("true");
        choice.Find("#m-directorate-error").TextContent.ShouldBe("Choose the directorate that owns the measure.");
    }

    private static BunitContext Context(bool interactive)
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.SetRendererInfo(new RendererInfo(interactive ? "Server" : "Static", interactive));
        return ctx;
    }
}

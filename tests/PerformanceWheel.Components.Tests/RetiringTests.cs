using AngleSharp.Dom;
using Bunit;
using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Application.Framework;
using PerformanceWheel.Web.Components.Pages.Admin.Framework;
using Shouldly;

namespace PerformanceWheel.Components.Tests;

/// <summary>
/// Retiring a plan, a segment, a directorate or a committee, from its list or its form, asks first in a dialog that says
/// what will happen; cancelling changes nothing, confirming retires it through the command and says so in a snackbar.
/// </summary>
public sealed class RetiringTests
{
    [Fact]
    public async Task RetiringACommitteeFromTheListAsksSayingItCannotBeUndoneAndCancellingKeepsIt()
    {
        await using var ctx = await FrameworkContext.NewCouncilAsync();
        var committees = new CommitteeCommands(ctx.Database.Factory(), TimeProvider.System);
        var id = (await committees.SaveAsync(null, "A&H", "Adults and Health", false, "test")).Id!.Value;
        var list = ctx.Render<Committees>();

        Button(list.Find($"#committee-{id}"), "Retire").Click();
        ctx.Dialogs.WaitForAssertion(() => ctx.Dialogs.Find("#confirm-title").TextContent.ShouldBe("Retire the committee A&H?"));
        ctx.Dialogs.Find("#confirm-text").TextContent.ShouldContain("This cannot be undone");
        await Button(ctx.Dialogs.Find(".mud-dialog"), "Cancel").ClickAsync(new());
        ctx.Dialogs.WaitForAssertion(() => ctx.Dialogs.FindAll(".mud-dialog").ShouldBeEmpty());
        (await ctx.QueryAsync(db => db.Committees.SingleAsync())).IsRetired.ShouldBeFalse();

        Button(list.Find($"#committee-{id}"), "Retire").Click();
        ctx.Dialogs.WaitForAssertion(() => ctx.Dialogs.Find(".mud-dialog"));
        await Button(ctx.Dialogs.Find(".mud-dialog"), "Retire the committee").ClickAsync(new());

        ctx.Snackbars.WaitForAssertion(() => ctx.Snackbars.Markup.ShouldContain("Committee A&amp;H retired."));
        (await ctx.QueryAsync(db => db.Committees.SingleAsync())).IsRetired.ShouldBeTrue();
        list.WaitForAssertion(() => list.Find($"#committee-{id}").TextContent.ShouldContain("Retired"));
        list.Find($"#committee-{id}").QuerySelectorAll("button").ShouldBeEmpty("a retired committee cannot be brought back");
        (await ctx.QueryAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "Committee" && a.Action == "Retired" && a.User == FrameworkContext.Admin))).ShouldBe(1);
    }

    [Fact]
    public async Task RetiringAPlanOrASegmentFromThePlansPageAsksFirstAndReinstatingDoesNot()
    {
        await using var ctx = await FrameworkContext.NewCouncilAsync();
        await FrameworkFormsTests.RingWithSegmentAsync(ctx, "P1");
        var (planId, segmentId) = await ctx.QueryAsync(async db => (await db.Plans.Select(p => p.Id).SingleAsync(), await db.Segments.Select(s => s.Id).SingleAsync()));
        var page = ctx.Render<Segments>();

        Button(page.Find($"#plan-{planId}-actions"), "Retire").Click();
        ctx.Dialogs.WaitForAssertion(() => ctx.Dialogs.Find("#confirm-text").TextContent.ShouldBe(
            "Council Plan 2022–26 (2022/23 to 2025/26) will be kept with its rings, segments and figures for history, but it takes no new rings. A new plan can then cover its years."));
        await Button(ctx.Dialogs.Find(".mud-dialog"), "Cancel").ClickAsync(new());
        ctx.Dialogs.WaitForAssertion(() => ctx.Dialogs.FindAll(".mud-dialog").ShouldBeEmpty());
        (await ctx.QueryAsync(db => db.Plans.SingleAsync())).IsRetired.ShouldBeFalse();

        Button(page.Find($"#segment-{segmentId}"), "Retire").Click();
        ctx.Dialogs.WaitForAssertion(() => ctx.Dialogs.Find("#confirm-title").TextContent.ShouldBe("Retire the segment P1?"));
        await Button(ctx.Dialogs.Find(".mud-dialog"), "Retire the segment").ClickAsync(new());
        ctx.Snackbars.WaitForAssertion(() => ctx.Snackbars.Markup.ShouldContain("Segment P1 retired."));
        (await ctx.QueryAsync(db => db.Segments.SingleAsync())).IsRetired.ShouldBeTrue();

        page.WaitForAssertion(() => Button(page.Find($"#segment-{segmentId}"), "Reinstate"));
        await Button(page.Find($"#segment-{segmentId}"), "Reinstate").ClickAsync(new());
        ctx.Snackbars.WaitForAssertion(() => ctx.Snackbars.Markup.ShouldContain("Segment P1 reinstated."));
        ctx.Dialogs.FindAll(".mud-dialog").ShouldBeEmpty("reinstating asks nothing");
        (await ctx.QueryAsync(db => db.Segments.Include(s => s.Committees).SingleAsync())).IsRetired.ShouldBeFalse();
    }

    [Fact]
    public async Task TickingRetiredOnADirectoratesFormAsksWhenSavingAndCancellingSavesNothing()
    {
        await using var ctx = await FrameworkContext.NewCouncilAsync();
        var id = (await new DirectorateCommands(ctx.Database.Factory(), TimeProvider.System).SaveAsync(null, "Public Health", false, "test")).Id!.Value;
        var page = ctx.Render<EditDirectorate>(p => p.Add(d => d.Id, id));

        await page.Find("input[type=checkbox]").ChangeAsync(new() { Value = true });
        page.Find("form").Submit();
        ctx.Dialogs.WaitForAssertion(() => ctx.Dialogs.Find("#confirm-title").TextContent.ShouldBe("Retire Public Health?"));
        await Button(ctx.Dialogs.Find(".mud-dialog"), "Cancel").ClickAsync(new());
        ctx.Dialogs.WaitForAssertion(() => ctx.Dialogs.FindAll(".mud-dialog").ShouldBeEmpty());
        (await ctx.QueryAsync(db => db.Directorates.SingleAsync())).IsRetired.ShouldBeFalse();
        ctx.Uri.ShouldNotContain("message=");

        page.Find("form").Submit();
        ctx.Dialogs.WaitForAssertion(() => ctx.Dialogs.Find(".mud-dialog"));
        await Button(ctx.Dialogs.Find(".mud-dialog"), "Retire the directorate").ClickAsync(new());

        page.WaitForAssertion(() => ctx.Uri.ShouldContain("message=" + Uri.EscapeDataString("Directorate Public Health saved.")));
        (await ctx.QueryAsync(db => db.Directorates.SingleAsync())).IsRetired.ShouldBeTrue();
    }

    internal static IElement Button(IElement within, string text) =>
        within.QuerySelectorAll("button").Single(b => b.TextContent.Trim() == text);
}

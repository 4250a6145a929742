using AngleSharp.Dom;
using Bunit;
using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Application.Framework;
using PerformanceWheel.Web.Components.Pages.Admin.Framework;
using Shouldly;

namespace PerformanceWheel.Components.Tests;

/// <summary>
/// The framework forms while they are live: each field is checked as it is typed and when it is left, by the command's own
/// rules (a financial year's format, a plan's years overlapping the current plan's, a code or name in use), the message
/// beside the field; a form with problems saves nothing; a good one saves and goes back to its list.
/// </summary>
public sealed class FrameworkFormsTests
{
    [Fact]
    public async Task APlansFinancialYearIsCheckedWhenItIsLeftAndThePlanSavesOnceItIsRight()
    {
        await using var ctx = await FrameworkContext.NewCouncilAsync();
        var page = ctx.Render<EditPlan>();

        await page.Find("#p-name").ChangeAsync(new() { Value = "Council Plan 2022–26" });
        await page.Find("#p-first").ChangeAsync(new() { Value = "2022/24" });
        await page.Find("#p-first").BlurAsync(new());

        page.WaitForAssertion(() => Field(page, "#p-first").ShouldContain("'2022/24' is not a financial year; expected a label such as 2022/23."), TimeSpan.FromSeconds(5));
        Field(page, "#p-last").ShouldNotContain("Enter the plan's last financial year", Case.Sensitive, "the last year has not been entered yet");

        await page.Find("#p-first").ChangeAsync(new() { Value = "2022/23" });
        await page.Find("#p-first").BlurAsync(new());
        await page.Find("#p-last").ChangeAsync(new() { Value = "2021/22" });
        await page.Find("#p-last").BlurAsync(new());
        page.WaitForAssertion(() => Field(page, "#p-last").ShouldContain("The last year (2021/22) is before the first (2022/23)."));
        Field(page, "#p-first").ShouldNotContain("not a financial year");
        (await ctx.QueryAsync(db => db.Plans.CountAsync())).ShouldBe(0, "checking saves nothing");

        await page.Find("#p-last").ChangeAsync(new() { Value = "2025/26" });
        await page.Find("#p-last").BlurAsync(new());
        await page.Find("form").SubmitAsync();

        page.WaitForAssertion(() => ctx.Uri.ShouldEndWith("/admin/framework/segments?message=" + Uri.EscapeDataString("Plan Council Plan 2022–26 saved.")));
        var plan = await ctx.QueryAsync(db => db.Plans.SingleAsync());
        (plan.Name, plan.FirstYear.Label, plan.LastYear.Label).ShouldBe(("Council Plan 2022–26", "2022/23", "2025/26"));
    }

    [Fact]
    public async Task AnEmptyNameIsRefusedAsItIsTypedAndAPlanOverlappingTheCurrentOneIsRefusedWhenItsYearIsEntered()
    {
        await using var ctx = await FrameworkContext.NewCouncilAsync();
        (await new PlanCommands(ctx.Database.Factory(), TimeProvider.System).SaveAsync(null, new PlanDraft("Council Plan 2022–26", "2022/23", "2025/26", false), "test")).Succeeded.ShouldBeTrue();
        var page = ctx.Render<EditPlan>();

        await page.Find("#p-name").ChangeAsync(new() { Value = "Next plan" });
        await page.Find("#p-name").ChangeAsync(new() { Value = "" });
        page.WaitForAssertion(() => Field(page, "#p-name").ShouldContain("Plan name is required."));

        await page.Find("#p-name").ChangeAsync(new() { Value = "Council Plan 2025–29" });
        await page.Find("#p-first").ChangeAsync(new() { Value = "2025/26" });
        await page.Find("#p-first").BlurAsync(new());
        await page.Find("#p-last").ChangeAsync(new() { Value = "2028/29" });
        await page.Find("#p-last").BlurAsync(new());

        page.WaitForAssertion(() => Field(page, "#p-first").ShouldContain("Council Plan 2022–26 already covers 2022/23 to 2025/26"));
        Field(page, "#p-name").ShouldNotContain("Plan name is required.");
        await page.Find("form").SubmitAsync();
        page.WaitForAssertion(() => page.Find(".error-summary").TextContent.ShouldContain("already covers"));
        (await ctx.QueryAsync(db => db.Plans.CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task ASegmentsCodeAlreadyInUseIsRefusedWhenLeftAndNothingIsSaved()
    {
        await using var ctx = await FrameworkContext.NewCouncilAsync();
        var ringId = await RingWithSegmentAsync(ctx, "P1");
        var page = ctx.Render<EditSegment>();
        page.WaitForAssertion(() => page.Find("#s-code"));

        await page.Find("#s-code").ChangeAsync(new() { Value = "P1" });
        await page.Find("#s-code").BlurAsync(new());

        page.WaitForAssertion(() => Field(page, "#s-code").ShouldContain("A segment with the code P1 already exists."));
        await page.Find("#s-code").ChangeAsync(new() { Value = "P2" });
        await page.Find("#s-code").BlurAsync(new());
        page.WaitForAssertion(() => Field(page, "#s-code").ShouldNotContain("already exists"));

        await page.Find("#s-title").ChangeAsync(new() { Value = "Thriving places" });
        await page.Find("form").SubmitAsync();
        page.WaitForAssertion(() => ctx.Uri.ShouldContain("message=" + Uri.EscapeDataString("Segment P2 saved.")));
        (await ctx.QueryAsync(db => db.Segments.Where(s => s.Code == "P2").Select(s => s.GroupId).SingleAsync())).ShouldBe(ringId, "the only ring is chosen for the officer");
    }

    [Fact]
    public async Task ARingsNameInUseInItsPlanAndACommitteesCodeInUseAreRefusedWhenLeft()
    {
        await using var ctx = await FrameworkContext.NewCouncilAsync();
        await RingWithSegmentAsync(ctx, "P1");
        (await new CommitteeCommands(ctx.Database.Factory(), TimeProvider.System).SaveAsync(null, "A&H", "Adults and Health", false, "test")).Succeeded.ShouldBeTrue();

        var ring = ctx.Render<EditGroup>();
        await ring.Find("#g-name").ChangeAsync(new() { Value = "our priorities" });
        await ring.Find("#g-name").BlurAsync(new());
        ring.WaitForAssertion(() => Field(ring, "#g-name").ShouldContain("The plan already has a ring named our priorities."));

        var committee = ctx.Render<EditCommittee>();
        await committee.Find("#c-code").ChangeAsync(new() { Value = "A&H" });
        await committee.Find("#c-code").BlurAsync(new());
        committee.WaitForAssertion(() => Field(committee, "#c-code").ShouldContain("A committee with the code A&H already exists."));
        await committee.Find("#c-name").ChangeAsync(new() { Value = "Another" });
        await committee.Find("form").SubmitAsync();
        (await ctx.QueryAsync(db => db.Committees.CountAsync())).ShouldBe(1);
        (await ctx.QueryAsync(db => db.SegmentGroups.CountAsync())).ShouldBe(1);
    }

    /// <summary>The text of the field block (label, input and message) of the input <paramref name="selector"/>.</summary>
    internal static string Field<T>(IRenderedComponent<T> page, string selector)
        where T : Microsoft.AspNetCore.Components.IComponent =>
        page.Find(selector).Closest(".field")!.TextContent;

    /// <summary>A plan with one ring ("Our priorities") holding one segment; answers the ring's id.</summary>
    internal static async Task<int> RingWithSegmentAsync(FrameworkContext ctx, string code)
    {
        var factory = ctx.Database.Factory();
        var plan = await new PlanCommands(factory, TimeProvider.System).SaveAsync(null, new PlanDraft("Council Plan 2022–26", "2022/23", "2025/26", false), "test");
        var ring = await new RingCommands(factory, TimeProvider.System).SaveAsync(null, plan.Id!.Value, "Our priorities", 1, "test");
        (await new SegmentCommands(factory, TimeProvider.System).SaveAsync(null, new SegmentDraft(ring.Id!.Value, code, "Healthy lives", "Director of Public Health", 1, [], false), "test"))
            .Succeeded.ShouldBeTrue();
        return ring.Id.Value;
    }
}

using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PerformanceWheel.Application.Finance;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Web.Components.Pages.Finance;
using Shouldly;

namespace PerformanceWheel.Components.Tests;

/// <summary>
/// The finance entry page in a circuit: each figure is checked as it is typed by the one number reader (the save's own
/// message, cleared when corrected), a save stores the lines and the position statement with a snackbar, a save over
/// someone else's newer change is refused naming what they changed and overwrites nothing, and leaving with unsaved
/// changes asks first.
/// </summary>
public sealed class FinanceEntryPageTests(DemoCouncil demo) : IClassFixture<DemoCouncil>
{
    [Fact]
    public async Task AFigureThatIsNotANumberIsNamedAsTypedAndTheCorrectedFormIsSaved()
    {
        var (ctx, snackbars, _) = EntryContext.Create(demo.Database, GridContext.AsOfficer());
        await using var owned = ctx;
        var page = EntryContext.Open<FinanceEntryPage>(ctx, "/finance/entry?period=2021%2F22%20Q1");
        page.WaitForAssertion(() => page.Find("h1").TextContent.ShouldBe("Enter finance, 2021/22 Q1"));

        await page.Find("#line-0-servicearea").InputAsync(new() { Value = "Adult Services" });
        await page.Find("#line-0-approvedbudget").InputAsync(new() { Value = "317.674" });
        await page.Find("#line-0-forecastoutturn").InputAsync(new() { Value = "12,34" });

        page.Find("#line-0-forecastoutturn-error").TextContent.ShouldStartWith("Forecast outturn: '12,34' is not a number");
        page.Find("#line-0-forecastoutturn").GetAttribute("aria-invalid").ShouldBe("true");
        page.Instance.IsDirty.ShouldBeTrue();

        await page.Find("#line-0-forecastoutturn").InputAsync(new() { Value = "322.015" });
        page.FindAll("#line-0-forecastoutturn-error").ShouldBeEmpty();
        await page.Find("#position-variance").InputAsync(new() { Value = "-1.2" });
        await EntryContext.ChooseAsync(page, "position-rag", "Amber");
        await page.Find("form.entry-grid").SubmitAsync();

        snackbars.WaitForAssertion(() => snackbars.Markup.ShouldContain("2021/22 Q1 finance saved: 1 line added, position statement created."));
        var sheet = await Finance().SheetAsync(ReportingPeriod.Parse("2021/22 Q1"));
        sheet.Lines.Select(l => $"{l.ServiceArea}: {l.ApprovedBudget} / {l.ForecastOutturn}").ShouldBe(["Adult Services: 317.674 / 322.015"]);
        (sheet.Position!.VarianceMillions, sheet.Position.Rag.ToString()).ShouldBe((-1.2m, "Amber"));
        page.Instance.IsDirty.ShouldBeFalse();
        page.Find("#line-0-servicearea").GetAttribute("value").ShouldBe("Adult Services");
    }

    [Fact]
    public async Task ASaveOverSomeoneElsesNewerChangeIsRefusedNamingWhatTheyChanged()
    {
        var quarter = ReportingPeriod.Parse("2021/22 Q2");
        var theirs = new FinanceInput(quarter, [new BudgetLineInput(null, "Place", "50", "51")], null, null);
        (await Finance().SaveAsync(theirs, "first@demo.council")).Succeeded.ShouldBeTrue();
        var (ctx, _, _) = EntryContext.Create(demo.Database, GridContext.AsOfficer());
        await using var owned = ctx;
        var page = EntryContext.Open<FinanceEntryPage>(ctx, "/finance/entry?period=2021%2F22%20Q2");
        page.WaitForAssertion(() => page.Find("#line-0-forecastoutturn").GetAttribute("value").ShouldBe("51.0"));

        var changed = new FinanceInput(quarter, [new BudgetLineInput("Place", "Place", "50", "55")], null, null);
        (await Finance().SaveAsync(changed, "other@demo.council")).Succeeded.ShouldBeTrue();
        await page.Find("#line-0-forecastoutturn").InputAsync(new() { Value = "60" });
        await page.Find("form.entry-grid").SubmitAsync();

        page.WaitForAssertion(() => page.Find(".error-summary").TextContent.ShouldContain(
            "other@demo.council saved 2021/22 Q2's finance since you opened this page (Place). Nothing was saved, so nothing of theirs was overwritten"));
        (await Finance().SheetAsync(quarter)).Lines.Single().ForecastOutturn.ShouldBe(55m);
        page.Find("#line-0-forecastoutturn").GetAttribute("value").ShouldBe("60", "what the officer typed is kept");
    }

    [Fact]
    public async Task LeavingWithUnsavedChangesAsksFirstAndStayingKeepsThePage()
    {
        var (ctx, _, dialogs) = EntryContext.Create(demo.Database, GridContext.AsOfficer());
        await using var owned = ctx;
        var page = EntryContext.Open<FinanceEntryPage>(ctx, "/finance/entry?period=2021%2F22%20Q3");
        page.WaitForAssertion(() => page.Find("#line-0-servicearea"));
        var navigation = ctx.Services.GetRequiredService<NavigationManager>();

        await page.Find("#line-0-servicearea").InputAsync(new() { Value = "Commissioning" });
        _ = page.InvokeAsync(() => navigation.NavigateTo("/finance"));

        dialogs.WaitForAssertion(() => dialogs.Markup.ShouldContain("You have changed this quarter's finance and not saved it."));
        await DirectorsReviewTests.Button(dialogs.Find(".mud-dialog"), "Stay on the page").ClickAsync(new());
        dialogs.WaitForAssertion(() => dialogs.FindAll(".mud-dialog").ShouldBeEmpty());
        navigation.Uri.ShouldEndWith("/finance/entry?period=2021%2F22%20Q3");
        page.Find("#line-0-servicearea").GetAttribute("value").ShouldBe("Commissioning");
    }

    private FinanceEntry Finance() => new(demo.Database.Factory(), TimeProvider.System);
}

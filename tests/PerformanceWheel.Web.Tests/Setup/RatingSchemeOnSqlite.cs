using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PerformanceWheel.Application.Performance;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Rating;
using PerformanceWheel.TestSupport;
using PerformanceWheel.Web.Tests.Admin;
using PerformanceWheel.Web.Tests.Security;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Setup;

/// <summary>An Admin sets the rating scheme from a financial year on, after a preview of its effect; earlier years keep theirs.</summary>
public sealed class RatingSchemeOnSqlite
{
    private static Dictionary<string, string> Blue10WithTheLastYearRule(FinancialYear from) => new()
    {
        ["Scheme.EffectiveFrom"] = from.Label,
        ["Scheme.BlueExceedsTargetByPercent"] = "10",
        ["Scheme.RedOnlyWhenWorseThanLastYear"] = "true",
        ["Scheme.SegmentRating"] = "Majority",
    };

    [Fact]
    public async Task APreviewShowsTheLatestQuartersCountsBeforeAndAfterAndSavingLeavesEarlierYearsAsPublished()
    {
        await using var factory = new AppFactory(TestDatabases.CreateSqlite());
        var admin = await SignedInClient.AsAsync(factory, Roles.Admin);
        var quarters = await With(factory, r => r.QuartersWithDataAsync(PerformanceWheel.Application.Performance.FigureScope.Everything));
        var latest = quarters[0];
        var earlier = quarters.First(q => q.Year < latest.Year);
        var earlierBefore = await With(factory, r => r.EvaluateAsync(earlier, PerformanceWheel.Application.Performance.FigureScope.Everything));
        var latestBefore = await With(factory, r => r.EvaluateAsync(latest, PerformanceWheel.Application.Performance.FigureScope.Everything));
        SchemeHistory current;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            current = await scope.ServiceProvider.GetRequiredService<Application.Framework.CouncilSettingsAdministration>().SchemesAsync();
        }

        var proposed = current.With(latest.Year, RagScheme.Create(10m, true, SegmentRatingMethod.Majority));
        var latestAfter = await With(factory, r => r.EvaluateUnderAsync(latest, proposed));
        latestAfter.MeasureTotals.Blue.ShouldBeGreaterThan(latestBefore.MeasureTotals.Blue, "the demo council has measures exceeding target by 10%");

        var fields = Blue10WithTheLastYearRule(latest.Year);
        fields["Scheme.Action"] = "preview";
        var preview = WebUtility.HtmlDecode(await (await FrameworkForms.PostAsync(admin, "/admin/settings", "rating-scheme", fields)).Content.ReadAsStringAsync());

        preview.ShouldContain($"What the change does to {latest.Label}");
        preview.ShouldContain(Row("Measures now", latestBefore.MeasureTotals));
        preview.ShouldContain(Row("Measures after the change", latestAfter.MeasureTotals));
        preview.ShouldContain(Row("Segments after the change", latestAfter.SegmentTotals));
        (await FrameworkForms.QueryAsync(factory, db => db.SchemeChanges.CountAsync())).ShouldBe(0);

        fields["Scheme.Action"] = "save";
        (await FrameworkForms.PostAsync(admin, "/admin/settings", "rating-scheme", fields)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var latestNow = await With(factory, r => r.EvaluateAsync(latest, PerformanceWheel.Application.Performance.FigureScope.Everything));
        latestNow.MeasureTotals.ShouldBe(latestAfter.MeasureTotals);
        latestNow.SchemeStatement.ShouldBe(
            $"Rated under the council's rating scheme from {latest.Year.Label}: Blue when exceeding target by 10%; Red only when also worse than the same period last year; segments rated by majority.");
        var earlierNow = await With(factory, r => r.EvaluateAsync(earlier, PerformanceWheel.Application.Performance.FigureScope.Everything));
        earlierNow.MeasureTotals.ShouldBe(earlierBefore.MeasureTotals);
        earlierNow.SegmentTotals.ShouldBe(earlierBefore.SegmentTotals);
        earlierNow.SchemeStatement.ShouldBe("Rated under the council's rating scheme: Blue for discontinued measures; Red when beyond tolerance; segments rated by majority.");
        WebUtility.HtmlDecode(await admin.GetStringAsync(new Uri($"/?period={Uri.EscapeDataString(earlier.Label)}", UriKind.Relative))).ShouldContain(earlierNow.SchemeStatement);
        WebUtility.HtmlDecode(await admin.GetStringAsync(new Uri($"/?period={Uri.EscapeDataString(latest.Label)}", UriKind.Relative))).ShouldContain(latestNow.SchemeStatement);
        (await FrameworkForms.QueryAsync(factory, db => db.AuditEntries.Where(a => a.EntityType == "Council settings").Select(a => a.Changes).SingleAsync()))
            .ShouldBe($"Rating scheme from {latest.Year.Label}: Blue for discontinued measures; Red when beyond tolerance; segments rated by majority → Blue when exceeding target by 10%; Red only when also worse than the same period last year; segments rated by majority");
    }

    [Theory]
    [InlineData("2025", "10", "Scheme.EffectiveFrom", "'2025' is not a financial year")]
    [InlineData("", "10", "Scheme.EffectiveFrom", "Enter the financial year the scheme applies from")]
    [InlineData("2025/26", "-1", "Scheme.BlueExceedsTargetByPercent", "The Blue threshold must be between 0 and 1000 percent")]
    public async Task ABadSchemeIsNamedNextToItsFieldAndNothingIsSaved(string from, string blue, string field, string message)
    {
        await using var factory = new AppFactory(TestDatabases.CreateSqlite());
        var admin = await SignedInClient.AsAsync(factory, Roles.Admin);

        var response = await FrameworkForms.PostAsync(admin, "/admin/settings", "rating-scheme", new Dictionary<string, string>
        {
            ["Scheme.EffectiveFrom"] = from, ["Scheme.BlueExceedsTargetByPercent"] = blue, ["Scheme.SegmentRating"] = "Majority", ["Scheme.Action"] = "save",
        });

        FrameworkForms.MessageNextTo(await response.Content.ReadAsStringAsync(), field).ShouldContain(message);
        (await FrameworkForms.QueryAsync(factory, db => db.SchemeChanges.CountAsync())).ShouldBe(0);
    }

    private static string Row(string label, Rollup counts) =>
        $"<tr><th scope=\"row\">{label}</th><td>{counts.Blue}</td><td>{counts.Green}</td><td>{counts.Amber}</td><td>{counts.Red}</td><td>{counts.NotRated}</td></tr>";

    private static async Task<T> With<T>(AppFactory factory, Func<PerformanceReader, Task<T>> read)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<PerformanceReader>());
    }
}

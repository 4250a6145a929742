using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PerformanceWheel.Reporting.Packs;
using PerformanceWheel.Reporting.Packs.Components;
using Shouldly;

namespace PerformanceWheel.Reporting.Tests;

/// <summary>
/// The pack's key-issues section: the Cabinet pack's model carries each directorate's key issues for its quarter, as the
/// directors wrote them, and the section prints them by directorate, a paragraph per line, naming those without any.
/// </summary>
public sealed class KeyIssuesSectionSqliteTests(DemoCouncilFixture demo) : IClassFixture<DemoCouncilFixture>
{
    [Fact]
    public async Task TheCabinetPackPrintsEachDirectoratesKeyIssuesAndNamesThoseWithout()
    {
        await using var scope = demo.Services.CreateAsyncScope();
        var model = await scope.ServiceProvider.GetRequiredService<PackBuilder>().CabinetAsync("2019/20 Q2");
        model.KeyIssues.Select(k => k.Directorate).ShouldBe(["Adults Services", "Childrens Services", "Community Services", "Public Health"]);

        await using var renderer = new HtmlRenderer(scope.ServiceProvider, NullLoggerFactory.Instance);
        var html = await renderer.Dispatcher.InvokeAsync(async () => (await renderer.RenderComponentAsync<KeyIssuesSection>(ParameterView.FromDictionary(new Dictionary<string, object?>
        {
            [nameof(KeyIssuesSection.Issues)] = model.KeyIssues,
            [nameof(KeyIssuesSection.Quarter)] = model.Period,
            [nameof(KeyIssuesSection.Directorates)] = (IReadOnlyList<string>)["Adults Services", "Climate & Place", "Public Health"],
        }))).ToHtmlString());

        html.ShouldContain("<h2>Key issues</h2>");
        html.ShouldContain("<h3>Adults Services</h3>");
        html.ShouldContain("<p>The number of overdue assessments and reviews remains high and above target");
        html.ShouldContain("<p>A weekly operational assurance group now oversees");
        html.ShouldContain("No key issues written for 2019/20 Q2: Climate &amp; Place.");
    }

    [Theory]
    [InlineData("A&H", new[] { "Adults Services", "Community Services", "Public Health" })]
    [InlineData("P", new[] { "Childrens Services", "Community Services", "Public Health" })]
    [InlineData("C&F", new[] { "Childrens Services", "Public Health" })]
    public async Task AScrutinyPackCarriesOnlyTheKeyIssuesOfTheDirectoratesWhoseMeasuresItReportsOn(string committee, string[] directorates)
    {
        await using var scope = demo.Services.CreateAsyncScope();

        var model = await scope.ServiceProvider.GetRequiredService<PackBuilder>().ScrutinyAsync(committee, "2019/20 Q2");

        model.KeyIssues.Select(k => k.Directorate).ShouldBe(directorates);
        model.KeyIssues.ShouldAllBe(k => model.Measures.Any(m => m.Directorate == k.Directorate), "each directorate's measures are in the pack");
    }
}

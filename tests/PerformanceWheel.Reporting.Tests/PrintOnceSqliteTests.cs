using Microsoft.Extensions.DependencyInjection;
using PerformanceWheel.Reporting.Packs;
using Shouldly;

namespace PerformanceWheel.Reporting.Tests;

/// <summary>
/// A pack is printed once when the last print's page map still holds (issue 14), and a second time only when there was
/// none or a section moved; either way its contents page gives the page each section starts on.
/// </summary>
[Collection(DemoCouncilCollection.Name)]
public sealed class PrintOnceSqliteTests(DemoCouncilFixture demo)
{
    private static Task<PackModel> ModelAsync(IServiceProvider services) =>
        services.GetRequiredService<PackBuilder>().ScrutinyAsync("A&H", "2019/20 Q2");

    [Fact]
    public async Task TheSecondPrintOfAPackUsesTheFirstsPageMapAndPrintsOnce()
    {
        await using var services = DemoCouncilFixture.BuildServices(demo.Database);
        await using var scope = services.CreateAsyncScope();
        var builder = scope.ServiceProvider.GetRequiredService<PackBuilder>();

        var first = await builder.RenderAsync(await ModelAsync(scope.ServiceProvider));
        var again = await builder.RenderAsync(await ModelAsync(scope.ServiceProvider));

        first.Prints.ShouldBe(2);
        again.Prints.ShouldBe(1);
        again.Pages.ShouldBe(first.Pages);
        (await Tools.PdfTextAsync(again.Content)).ShouldBe(await Tools.PdfTextAsync(first.Content));
        await ContentsMatchBookmarksAsync(again.Content);
    }

    [Fact]
    public async Task WhenASectionMovedThePackIsPrintedAgainWithTheRightPages()
    {
        await using var services = DemoCouncilFixture.BuildServices(demo.Database);
        await using var scope = services.CreateAsyncScope();
        var builder = scope.ServiceProvider.GetRequiredService<PackBuilder>();
        var first = await builder.RenderAsync(await ModelAsync(scope.ServiceProvider));
        var moved = first.Pages!.ToDictionary(p => p.Key, p => p.Key == "key" ? p.Value + 3 : p.Value);

        var again = await builder.RenderAsync(await ModelAsync(scope.ServiceProvider), moved);

        again.Prints.ShouldBe(2);
        again.Pages.ShouldBe(first.Pages);
        await ContentsMatchBookmarksAsync(again.Content);
    }

    // Each contents line ends with the page its section's bookmark points at.
    private static async Task ContentsMatchBookmarksAsync(byte[] pdf)
    {
        var contents = Tools.Squash((await Tools.PagesAsync(pdf)).First(p => p.Contains("Contents", StringComparison.Ordinal)));
        var bookmarks = Pdf.PdfOutline.Read(pdf);
        foreach (var title in new[] { "Summary", "Exceptions", "Finance summary", "Key to ratings" })
        {
            var page = bookmarks.First(b => b.Title == title).Page;
            contents.ShouldContain($"{title} {page}");
        }
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PerformanceWheel.Data.Demo;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Reporting.Packs;
using PerformanceWheel.TestSupport;
using Shouldly;

namespace PerformanceWheel.Reporting.Tests;

/// <summary>A period with any figure not yet published prints as Draft: on the cover and as a watermark on every page.</summary>
public sealed class DraftWatermarkSqliteTests
{
    [Fact]
    public async Task APeriodWithADraftFigurePrintsDraftOnEveryPage()
    {
        await using var database = await TestDatabases.CreateSqlite().MigrateAsync();
        await using (var db = database.CreateContext())
        {
            await new DemoCouncilLoader(db).LoadAsync();
            var measure = await db.Measures.FirstAsync(m => m.Code == "SWL-SICK-01");
            var outturn = measure.NewOutturn(ReportingPeriod.Parse("2019/20 Q2"));
            outturn.Record(2.4m, null, false, "Draft figure, not yet approved.", "test", DateTimeOffset.UtcNow);
            db.Add(outturn);
            await db.SaveChangesAsync();
        }

        await using var services = DemoCouncilFixture.BuildServices(database);
        await using var scope = services.CreateAsyncScope();
        var builder = scope.ServiceProvider.GetRequiredService<PackBuilder>();
        var model = await builder.CabinetAsync("2019/20 Q2");
        model.IsDraft.ShouldBeTrue();

        var pdf = (await builder.RenderAsync(model)).Content;
        var pages = await Tools.PagesAsync(pdf);
        var count = Tools.PageCount(await Tools.PdfInfoAsync(pdf));
        Tools.Squash(pages[0]).ShouldContain("Draft: not every figure for 2019/20 Q2 has been published.");
        for (var i = 0; i < count; i++)
        {
            pages[i].ShouldContain("DRAFT");
        }

        // The other quarters are all published: no watermark there.
        (await builder.CabinetAsync("2019/20 Q1")).IsDraft.ShouldBeFalse();
    }
}

using PerformanceWheel.Application.Workflow;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Reporting.Excel;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Import;

/// <summary>
/// docs/examples/import-example.xlsx: Public Health's segments, measures, targets and 2019/20 figures from the demo council,
/// written by the app in the import format. It must import cleanly into the demo council. Regenerate it with
/// <c>PERFORMANCEWHEEL_WRITE_EXAMPLE=1 dotnet test tests/PerformanceWheel.Web.Tests --filter FullyQualifiedName~ImportExampleOnSqlite</c>.
/// </summary>
public sealed class ImportExampleOnSqlite(DemoCouncilDatabase demo) : IClassFixture<DemoCouncilDatabase>
{
    [Fact]
    public async Task TheCommittedExampleIsWhatTheAppWritesAndImportsCleanly()
    {
        var workbooks = new ImportWorkbooks(demo.Database.Factory(), new OutturnWorkflow(demo.Database.Factory(), TimeProvider.System));
        var year = FinancialYear.Parse("2019/20");
        var example = await workbooks.ExportAsync(["Public Health"], year, year);
        var path = Path.Combine(RepositoryRoot(), "docs", "examples", "import-example.xlsx");
        if (Environment.GetEnvironmentVariable("PERFORMANCEWHEEL_WRITE_EXAMPLE") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, example.Content);
        }

        File.Exists(path).ShouldBeTrue("docs/examples/import-example.xlsx is missing; regenerate it (see this class)");
        foreach (var bytes in new[] { example.Content, await File.ReadAllBytesAsync(path) })
        {
            using var stream = new MemoryStream(bytes);
            var report = await Samples.Importer(demo.Database).ValidateAsync(stream, Samples.Admin());
            report.Errors.ShouldBeEmpty();
            report.Count("Measures").Rows.ShouldBeGreaterThan(3);
            report.Count("Outturns").Rows.ShouldBeGreaterThan(10);
            report.Count("Measures").Created.ShouldBe(0);
            report.Count("Outturns").Created.ShouldBe(0);
        }
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "PerformanceWheel.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("PerformanceWheel.sln not found above the test folder.");
    }
}

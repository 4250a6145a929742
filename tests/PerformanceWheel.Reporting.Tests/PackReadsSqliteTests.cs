using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PerformanceWheel.Application.Covering;
using PerformanceWheel.Application.Performance;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Covering;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Reporting.Packs;
using Shouldly;

namespace PerformanceWheel.Reporting.Tests;

/// <summary>
/// A pack reads its figures once (issue 14): the number of database commands does not grow with the segments and
/// measures it prints, and what it reads is what the pages' readers give one segment or measure at a time.
/// </summary>
[Collection(DemoCouncilCollection.Name)]
public sealed class PackReadsSqliteTests(DemoCouncilFixture demo)
{
    private const string Quarter = "2019/20 Q2";

    [Fact]
    public async Task TheCabinetPackReadsAsManyTimesAsAScrutinyPackWithFewerSegmentsAndMeasures()
    {
        var (cabinet, cabinetCommands) = await CountAsync(b => b.CabinetAsync(Quarter));
        var (scrutiny, scrutinyCommands) = await CountAsync(b => b.ScrutinyAsync("A&H", Quarter));
        // The covering report in front is read the same way whatever the pack's size; the demo has one for the Cabinet
        // only, so its reads are set aside and the appendices compared.
        var quarter = ReportingPeriod.Parse(Quarter);
        var (_, cabinetCovering) = await CountServicesAsync(s => s.GetRequiredService<CoveringReportReader>().ForPackAsync(CoveringSections.CabinetPack, quarter));
        var (_, scrutinyCovering) = await CountServicesAsync(s => s.GetRequiredService<CoveringReportReader>().ForPackAsync(CoveringSections.ScrutinyPack("A&H"), quarter));

        cabinet.Covering.ShouldNotBeNull();
        cabinet.Segments.Count.ShouldBeGreaterThan(scrutiny.Segments.Count);
        cabinet.Measures.Count.ShouldBeGreaterThan(scrutiny.Measures.Count + 10);
        (cabinetCommands - cabinetCovering).ShouldBeLessThanOrEqualTo(scrutinyCommands - scrutinyCovering);
        cabinetCommands.ShouldBeLessThan(cabinet.Measures.Count / 2, "a fixed set of queries, not one or more per segment or measure");
    }

    [Fact]
    public async Task ADirectoratePackReadsAsManyTimesWhateverTheNumberOfItsMeasures()
    {
        var (adults, adultsCommands) = await CountAsync(b => b.DirectorateAsync("Adults Services", Quarter));
        var (children, childrenCommands) = await CountAsync(b => b.DirectorateAsync("Childrens Services", Quarter));

        adults.ScorecardMeasures.Count.ShouldNotBe(children.ScorecardMeasures.Count);
        adultsCommands.ShouldBe(childrenCommands);
    }

    [Theory]
    [InlineData("all")]
    [InlineData("published")]
    public async Task EverySegmentAndMeasureIsWhatThePagesReadersGive(string audience)
    {
        var scope = audience == "all" ? FigureScope.Everything : FigureScope.Published;
        await using var services = demo.Services.CreateAsyncScope();
        var details = services.ServiceProvider.GetRequiredService<DetailReader>();
        var performance = services.ServiceProvider.GetRequiredService<PerformanceReader>();
        var quarter = ReportingPeriod.Parse(Quarter);
        var figures = await services.ServiceProvider.GetRequiredService<PackFiguresReader>().ReadAsync(quarter, scope);

        var evaluation = await performance.EvaluateAsync(quarter, scope);
        Render(figures.Evaluation.Measures).ShouldBe(Render(evaluation.Measures));
        figures.Evaluation.Groups.SelectMany(g => g.Segments).Select(s => s.ToString()).ShouldBe(evaluation.Groups.SelectMany(g => g.Segments).Select(s => s.ToString()));
        var comparison = await performance.CompareQuartersAsync(quarter.Year, quarter, scope);
        figures.Comparison.Evaluations.Select(e => e is null ? "-" : Render(e.Measures)).ShouldBe(comparison.Evaluations.Select(e => e is null ? "-" : Render(e.Measures)));
        var exceptions = await details.ExceptionsAsync(quarter, scope);
        Render(figures.Exceptions.RequiringImprovement).ShouldBe(Render(exceptions.RequiringImprovement));
        Render(figures.Exceptions.Improved).ShouldBe(Render(exceptions.Improved));
        figures.Exceptions.CriticalItems.Select(c => c.Id).ShouldBe(exceptions.CriticalItems.Select(c => c.Id));

        foreach (var line in evaluation.Groups.SelectMany(g => g.Segments))
        {
            var expected = (await details.SegmentAsync(line.Code, quarter, scope))!;
            var actual = figures.Segment(line.Code).ShouldNotBeNull();
            actual.Line.ToString().ShouldBe(expected.Line.ToString());
            Render(actual.Measures).ShouldBe(Render(expected.Measures));
            actual.Projects.Select(p => $"{p.Project.Code} {p.Update?.Id}").ShouldBe(expected.Projects.Select(p => $"{p.Project.Code} {p.Update?.Id}"));
            actual.CriticalItems.Select(c => c.Id).Order().ShouldBe(expected.CriticalItems.Select(c => c.Id).Order());
        }

        evaluation.Measures.Count.ShouldBeGreaterThan(50);
        foreach (var line in evaluation.Measures)
        {
            var expected = (await details.MeasureAsync(line.Code, quarter, scope))!;
            var actual = figures.Measure(line.Code).ShouldNotBeNull();
            actual.Period.ShouldBe(expected.Period);
            actual.PublishedOnly.ShouldBe(expected.PublishedOnly);
            actual.Trend.Select(t => $"{t.Result} {t.Commentary}").ShouldBe(expected.Trend.Select(t => $"{t.Result} {t.Commentary}"), line.Code);
            actual.CriticalItems.Select(c => c.Id).ShouldBe(expected.CriticalItems.Select(c => c.Id), line.Code);
            actual.Format.ShouldBe(expected.Format);
            actual.Scheme.ShouldBe(expected.Scheme);
        }
    }

    private static string Render(IEnumerable<MeasureLine> lines) => string.Join("\n", lines.Select(l => $"{l.Code} {l.Result}"));

    private Task<(PackModel Model, int Commands)> CountAsync(Func<PackBuilder, Task<PackModel>> make) =>
        CountServicesAsync(s => make(s.GetRequiredService<PackBuilder>()));

    private async Task<(T Result, int Commands)> CountServicesAsync<T>(Func<IServiceProvider, Task<T>> make)
    {
        var counter = new CommandCounter();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDbContextFactory<PerformanceWheelDbContext>(o => o.UseConfiguredDatabase(demo.Database.Options).AddInterceptors(counter));
        services.AddPerformanceReading();
        services.AddReporting(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Reporting:BrowserExecutablePath"] = Tools.Chromium }).Build());
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        await using var scope = provider.CreateAsyncScope();
        var result = await make(scope.ServiceProvider);
        return (result, counter.Count);
    }

    private sealed class CommandCounter : DbCommandInterceptor
    {
        private int _count;

        public int Count => _count;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}

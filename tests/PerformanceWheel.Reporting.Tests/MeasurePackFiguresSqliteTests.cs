using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Reporting.Packs;
using Shouldly;

namespace PerformanceWheel.Reporting.Tests;

/// <summary>
/// A measure's pack shows its numbers as they rate (ASC-RES-01's target of 2.5 reads 2.5, its figures to one decimal),
/// and renders whatever value the database holds. Its own demo council: one test writes an extreme value.
/// </summary>
public sealed partial class MeasurePackFiguresSqliteTests(DemoCouncilFixture demo) : IClassFixture<DemoCouncilFixture>
{
    [Fact]
    public async Task TheTrendTableShowsTheTargetAndFiguresToTheSameDecimals()
    {
        var html = await HtmlAsync("ASC-RES-01", "2019/20 Q2");

        var table = html[html.IndexOf("<table class=\"trend-table\"", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("</table>", StringComparison.Ordinal)];
        var cells = NumberCell().Matches(table).Select(m => m.Groups[1].Value).ToList();
        cells.ShouldContain("2.5");
        cells.ShouldNotContain("3");
        cells.Where(c => c.Length > 0 && char.IsAsciiDigit(c[0])).ShouldAllBe(c => OneDecimal().IsMatch(c), string.Join(", ", cells));
    }

    [Fact]
    public async Task AMeasurePackRendersTheLargestNumberSQLiteEverKept()
    {
        await using (var db = demo.Database.CreateContext())
        {
            var q1 = ReportingPeriod.Parse("2019/20 Q1");
            var id = await db.Outturns.Where(o => o.Measure.Code == "PH-DEV-01" && o.Period == q1).Select(o => o.Id).SingleAsync();
            (await db.Database.ExecuteSqlAsync($"UPDATE \"Outturns\" SET \"Value\" = '79228162514264337593543950335' WHERE \"Id\" = {id}")).ShouldBe(1);
        }

        var html = await HtmlAsync("PH-DEV-01", "2019/20 Q1");

        html.ShouldContain("<svg class=\"trend\"");
        html.ShouldContain("79,228,162,514,264,337,593,543,950,335%");
    }

    private async Task<string> HtmlAsync(string code, string period)
    {
        await using var scope = demo.Services.CreateAsyncScope();
        var model = await scope.ServiceProvider.GetRequiredService<PackBuilder>().MeasureAsync(code, period);
        return await scope.ServiceProvider.GetRequiredService<PackHtmlRenderer>().RenderAsync(model);
    }

    [GeneratedRegex("<td class=\"num\">([^<]*)</td>")]
    private static partial Regex NumberCell();

    [GeneratedRegex(@"^\d+\.\d$")]
    private static partial Regex OneDecimal();
}

using System.Text.RegularExpressions;
using PerformanceWheel.Web.Tests.Pages;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Figures;

/// <summary>
/// A target or figure is shown as the number that rates it: ASC-RES-01 (whole numbers) has a target of 2.5 placements,
/// so its target reads 2.5, not 3, and its figures are written to the same one decimal place in every row.
/// </summary>
public sealed partial class FigureRoundingOnSqlite(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task TheScorecardShowsATargetWithTheDecimalsItWasSetWith()
    {
        var page = await Page.OkAsync(app.Factory.CreateClient(), "/directorates/Adults%20Services?period=2019/20%20Q2");

        var row = page.Table("Adults Services measures").Row("ASC-RES-01");

        row.CellText("Target").ShouldBe("2.5");
        row.CellText("Latest").ShouldMatch(@"^\d+\.\d( provisional)?$");
    }

    [Fact]
    public async Task TheMeasurePageWritesEveryFigureAndTargetOfAMeasureToTheSameDecimals()
    {
        var page = await Page.OkAsync(app.Factory.CreateClient(), "/measures/ASC-RES-01?period=2019/20%20Q2");

        var rows = page.Table("ASC-RES-01, last").Rows();
        rows.Select(r => r.CellText("Target")).Where(t => t != "No target set").ShouldAllBe(t => t == "2.5");
        var values = rows.Select(r => r.CellText("Value")).Where(v => Digits().IsMatch(v)).ToList();
        values.ShouldNotBeEmpty();
        values.ShouldAllBe(v => OneDecimal().IsMatch(v), string.Join(", ", values));
    }

    [GeneratedRegex(@"^\d")]
    private static partial Regex Digits();

    [GeneratedRegex(@"^\d+\.\d\b")]
    private static partial Regex OneDecimal();
}

using PerformanceWheel.Application.Performance;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Rating;
using PerformanceWheel.Web.OpenData;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Api;

/// <summary>The open data CSV: RFC 4180 quoting, formula injection neutralised in text, numbers left as numbers; stable file names.</summary>
public sealed class OpenDataCsvFormat
{
    private static readonly ReportingPeriod Q2 = ReportingPeriod.Parse("2019/20 Q2");

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")")]
    [InlineData("+44 1234", "'+44 1234")]
    [InlineData("-1+1", "'-1+1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tTabbed", "'\tTabbed")]
    [InlineData("Visits = 90%", "Visits = 90%")]
    [InlineData("", "")]
    public void TextThatASpreadsheetWouldRunIsNeutralised(string text, string expected) =>
        OpenDataCsv.Text(text).ShouldBe(expected);

    [Fact]
    public void FieldsWithCommasQuotesAndLineBreaksAreQuotedAndNegativeNumbersStayNumbers()
    {
        var line = new MeasureLine(
            "X-1", "=cmd|' /C calc'!A0, \"quoted\"\r\nand a new line", "Resources, Finance", null, MeasureUnit.Create(UnitKind.Currency), 0,
            Polarity.LowerIsBetter, Frequency.Quarterly, [],
            new MeasureResult { Period = Q2, Value = -1250.500000m, Target = Target.Single(0m), Rating = RagRating.Of(RagStatus.Red), DirectionFromPrevious = Direction.Declining });

        var csv = OpenDataCsv.Write(new OpenDataPeriod(Q2, [line]));

        csv.ShouldBe(
            string.Join(',', OpenDataCsv.Columns) + "\r\n"
            + "X-1,\"'=cmd|' /C calc'!A0, \"\"quoted\"\"\r\nand a new line\",\"Resources, Finance\",,£,LowerIsBetter,Quarterly,0,,,-1250.5,,Red,Declining,,2019/20 Q2\r\n");
    }

    [Theory]
    [InlineData("85.100000", "85.1")]
    [InlineData("74.266666666666666666666666667", "74.266667")]
    [InlineData("-1250.5", "-1250.5")]
    [InlineData("90", "90")]
    [InlineData("0.0000004", "0")]
    public void NumbersAreWrittenAsPeopleWriteThemToSixDecimalPlaces(string stored, string written) =>
        PerformanceWheel.Web.Api.ApiNumbers.Tidy(decimal.Parse(stored, System.Globalization.CultureInfo.InvariantCulture))
            .ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldBe(written);

    [Theory]
    [InlineData("2019/20 Q2", "2019-20-Q2")]
    [InlineData("1999/00 Q4", "1999-00-Q4")]
    public void AQuarterHasAStableUrlForm(string quarter, string slug)
    {
        OpenDataReader.Slug(ReportingPeriod.Parse(quarter)).ShouldBe(slug);
        OpenDataReader.TryParseSlug(slug, out var back).ShouldBeTrue();
        back.ShouldBe(ReportingPeriod.Parse(quarter));
    }

    [Theory]
    [InlineData("2019-20-Q5")]
    [InlineData("2019-21-Q1")]
    [InlineData("2019/20 Q2")]
    [InlineData("Sep-19")]
    public void OtherFormsAreNotQuarters(string slug) => OpenDataReader.TryParseSlug(slug, out _).ShouldBeFalse();
}

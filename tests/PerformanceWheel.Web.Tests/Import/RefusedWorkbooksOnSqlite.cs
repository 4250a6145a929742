using PerformanceWheel.TestSupport;
using PerformanceWheel.Application.Import;
using Shouldly;
using static PerformanceWheel.TestSupport.TestWorkbook;

namespace PerformanceWheel.Web.Tests.Import;

/// <summary>Each bad workbook gives its documented error and leaves the database exactly as it was (every row of every table).</summary>
public sealed class RefusedWorkbooksOnSqlite(DemoCouncilDatabase demo) : IClassFixture<DemoCouncilDatabase>
{
    public static TheoryData<string> Cases => new()
    {
        "missing sheet", "missing column", "text in a number", "unknown measure code", "unknown segment", "bad period", "value with status",
        "negative tolerance", "oversize file", "too many rows", "not a workbook", "period of the wrong kind", "percentage over 100", "bad status",
        "duplicate row", "within range without a high", "unknown polarity", "comma as decimal point", "number beyond what is stored",
        "more decimal places than are stored", "period outside the framework's years",
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ABadWorkbookIsRefusedWithItsErrorAndNothingIsWritten(string name)
    {
        var (workbook, options, expected) = Case(name);
        var before = await DatabaseState.OfAsync(demo.Database);

        var report = await Samples.ImportAsync(demo.Database, workbook, Samples.Admin(), options);

        report.Applied.ShouldBeFalse();
        report.Errors.ShouldContain(e => e.Sheet == expected.Sheet && e.Row == expected.Row && e.Column == expected.Column && e.Message.StartsWith(expected.Message, StringComparison.Ordinal),
            $"expected {expected}; got {string.Join(" | ", report.Errors)}");
        (await DatabaseState.OfAsync(demo.Database)).ShouldBe(before);
    }

    private static (byte[] Workbook, ImportOptions? Options, ImportError Expected) Case(string name)
    {
        var p = "RB" + Math.Abs(name.GetHashCode(StringComparison.Ordinal) % 1000);
        byte[] Good(Action<Samples.Parts> change) => Samples.Good(p, change).Bytes();
        return name switch
        {
            "missing sheet" => (Good(x => x.Targets = null), null,
                new ImportError("Targets", null, null, "The workbook has no Targets sheet.")),
            "missing column" => (Good(x => x.Measures![0][4] = "Direction"), null,
                new ImportError("Measures", 1, "Polarity", "The Measures sheet has no Polarity column; row 1 must name it.")),
            "text in a number" => (Good(x => x.Outturns![1][2] = "84,8 percent"), null,
                new ImportError("Outturns", 2, "Value", "'84,8 percent' is not a number. Enter digits, such as 84.8.")),
            "unknown measure code" => (Good(x => x.Outturns![1][0] = "NO-SUCH-01"), null,
                new ImportError("Outturns", 2, "Code", "There is no measure with the code NO-SUCH-01 in the database or on the Measures sheet.")),
            "unknown segment" => (Good(x => x.Measures![1][3] = "ZZ9"), null,
                new ImportError("Measures", 2, "Segment", "There is no segment with the code ZZ9 in the database or on the Segments sheet.")),
            "bad period" => (Good(x => x.Outturns![1][1] = "2019/20 Q5"), null,
                new ImportError("Outturns", 2, "Period", "'2019/20 Q5' is not a period; expected 2019/20 Q2, Sep-19, 2019-09 or 2019/20.")),
            "value with status" => (Good(x => x.Outturns![1][3] = "N/A"), null,
                new ImportError("Outturns", 2, "Value", "Value must be blank when Status is set.")),
            "negative tolerance" => (Good(x => x.Measures![1][8] = -5), null,
                new ImportError("Measures", 2, "Tolerance", "Tolerance must be zero or more; got -5.")),
            "oversize file" => (Good(_ => { }), new ImportOptions { MaxFileBytes = 1024 },
                new ImportError(null, null, null, "The file is ")),
            "too many rows" => (Good(_ => { }), new ImportOptions { MaxRows = 5 },
                new ImportError(null, null, null, "The workbook has more than 5 rows of data, the most one import accepts (Import:MaxRows).")),
            "not a workbook" => ("this is not a zip file"u8.ToArray(), null,
                new ImportError(null, null, null, "The file is not an Excel workbook (.xlsx).")),
            "period of the wrong kind" => (Good(x => x.Outturns![2][1] = "2019/20 Q2"), null,
                new ImportError("Outturns", 3, "Period", $"{p}-MON is reported monthly; 2019/20 Q2 is not one of its periods.")),
            "percentage over 100" => (Good(x => x.Outturns![1][2] = 148), null,
                new ImportError("Outturns", 2, "Value", "A percentage must be between 0 and 100.")),
            "bad status" => (Good(x => { x.Outturns![3][3] = "Later"; }), null,
                new ImportError("Outturns", 4, "Status", "'Later' is not a status; use TBC, N/A or Not available (or leave it blank and give a value).")),
            "comma as decimal point" => (Good(x => x.Outturns![1][2] = "84,8"), null,
                new ImportError("Outturns", 2, "Value", "'84,8' is not a number: use a full stop for decimals (84.8), and commas only between thousands (1,234.5).")),
            "number beyond what is stored" => (Good(x => x.Outturns![2][2] = "1,234,567,890,123"), null,
                new ImportError("Outturns", 3, "Value", "1234567890123 is too large; figures are stored up to 999,999,999,999.999999 (12 digits before the decimal point).")),
            "more decimal places than are stored" => (Good(x => x.Outturns![2][2] = "0.0000001"), null,
                new ImportError("Outturns", 3, "Value", "0.0000001 has more than 6 decimal places; figures are stored to 6 decimal places.")),
            "period outside the framework's years" => (Good(x => x.Outturns![1][1] = "2099/00 Q1"), null,
                new ImportError("Outturns", 2, "Period", "2099/00 Q1 is outside the framework's years (2016/17 to 2021/22); figures are recorded only for years a plan covers.")),
            "duplicate row" => (Good(x => x.Outturns!.Add(Row($"{p}-MON", "Sep-19", 8, null, null, null))), null,
                new ImportError("Outturns", 5, "Period", $"{p}-MON Sep-19 is on this sheet twice (also row 3); keep one row.")),
            "within range without a high" => (Good(x => x.Targets![3][4] = null), null,
                new ImportError("Targets", 4, "Target high", $"{p}-RNG is rated Within range: give a target high.")),
            "unknown polarity" => (Good(x => x.Measures![1][4] = "Up is good"), null,
                new ImportError("Measures", 2, "Polarity", "'Up is good' is not allowed here.")),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
        };
    }
}

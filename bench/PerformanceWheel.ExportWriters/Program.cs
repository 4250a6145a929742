// Times XlsxWriter (Open XML SDK 3.x) on tables shaped like the plan export (ImportWorkbooks.ExportAsync: Segments,
// Measures, Targets, Outturns) plus a scorecard sheet of ratings, at the demo council's size and the large council's
// (bench/PerformanceWheel.LargeCouncil: 60 segments, 600 measures, 9,330 targets, 69,852 outturns). Writes the same
// tables as JSON for bench/PerformanceWheel.ClosedXmlExport; scripts/export-writers.sh runs both (docs/decisions/0010).
//
//   dotnet run -c Release --project bench/PerformanceWheel.ExportWriters -- <tables-folder> [runs]
using System.Globalization;
using System.Text.Json;
using PerformanceWheel.Domain.Rating;
using PerformanceWheel.Workbooks;

var folder = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "pw-export-writers");
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
Directory.CreateDirectory(folder);

foreach (var (name, segments, measures, targets, outturns) in new[] { ("demo", 20, 150, 600, 3_000), ("large", 60, 600, 9_330, 69_852) })
{
    var sheets = PlanTables.Build(segments, measures, targets, outturns);
    await File.WriteAllTextAsync(Path.Combine(folder, $"{name}.json"), JsonSerializer.Serialize(PlanTables.ToPlain(sheets)));
    var bytes = WriterTiming.Measure("XlsxWriter (Open XML SDK 3.3.0)", name, sheets.Sum(s => s.Rows.Count), runs, () => XlsxWriter.Write(sheets));
    await File.WriteAllBytesAsync(Path.Combine(folder, $"{name}-openxml.xlsx"), bytes);
}

/// <summary>Deterministic tables with the plan export's columns and kinds of values.</summary>
internal static class PlanTables
{
    public static List<XlsxSheet> Build(int segments, int measures, int targets, int outturns)
    {
        var random = new Random(16);
        var rags = new RagStatus?[] { RagStatus.Green, RagStatus.Amber, RagStatus.Red, RagStatus.Blue, null };
        string Code(int m) => $"M{m:0000}";
        string Period(int i) => $"{2016 + (i / 4 % 10)}/{(17 + (i / 4 % 10)) % 100:00} Q{(i % 4) + 1}";
        var segmentRows = Enumerable.Range(0, segments).Select(s => (IReadOnlyList<XlsxCell>)
            [$"S{s:00}", $"Segment {s} of the plan: outcomes for residents", $"Group {s % 6}", "2016/17", "Cabinet"]).ToList();
        var measureRows = Enumerable.Range(0, measures).Select(m => (IReadOnlyList<XlsxCell>)
            [Code(m), $"Percentage of residents satisfied with service {m}", $"S{m % segments:00}", $"Directorate {m % 12}", "Percent", "1",
             m % 2 == 0 ? "Higher is better" : "Lower is better", "Quarterly", XlsxCell.Of(5m, "0.0"), "Officer name", "Cabinet; Scrutiny", "Source: service system"]).ToList();
        var targetRows = Enumerable.Range(0, targets).Select(t => (IReadOnlyList<XlsxCell>)
            [Code(t % measures), $"{2016 + (t / measures % 10)}/{(17 + (t / measures % 10)) % 100:00}", XlsxCell.Of(Math.Round((decimal)random.NextDouble() * 100, 1), "0.0"),
             XlsxCell.Of(Math.Round((decimal)random.NextDouble() * 5, 1), "0.0"), XlsxCell.Empty, XlsxCell.Empty]).ToList();
        var outturnRows = Enumerable.Range(0, outturns).Select(o => (IReadOnlyList<XlsxCell>)
            [Code(o % measures), Period(o / measures), XlsxCell.Of(Math.Round((decimal)random.NextDouble(), 3), "0.0%"), XlsxCell.Empty,
             o % 9 == 0 ? "Yes" : XlsxCell.Empty, o % 3 == 0 ? $"Performance moved because of seasonal demand and staffing in quarter {o % 4 + 1}; the service expects recovery next quarter after the recruitment round." : XlsxCell.Empty]).ToList();
        var scorecardRows = Enumerable.Range(0, measures).Select(m => (IReadOnlyList<XlsxCell>)
            [Code(m), $"Percentage of residents satisfied with service {m}", XlsxCell.Of(Math.Round((decimal)random.NextDouble(), 3), "0.0%"), XlsxCell.Rating(rags[m % rags.Length]), "Improving"]).ToList();
        return
        [
            new("Segments", [new("Code", 10), new("Title", 48), new("Group", 20), new("From", 10), new("Committees", 20)], segmentRows),
            new("Measures", [new("Code", 12), new("Title", 48), new("Segment", 10), new("Directorate", 22), new("Unit", 10), new("Decimals", 9), new("Polarity", 16), new("Frequency", 12), new("Tolerance", 10), new("Owner", 18), new("Committees", 20), new("Notes", 30)], measureRows),
            new("Targets", [new("Code", 12), new("Year", 10), new("Target", 10), new("Tolerance", 10), new("Low", 10), new("High", 10)], targetRows),
            new("Outturns", [new("Code", 12), new("Period", 12), new("Value", 12), new("Status", 9), new("Provisional", 11), new("Commentary", 60)], outturnRows),
            new("Scorecard", [new("Code", 12), new("Title", 48), new("Value", 12), new("Rating", 11), new("Direction", 12)], scorecardRows),
        ];
    }

    /// <summary>The tables as plain values for the other process: text, or number and format, or rating.</summary>
    public static object ToPlain(IEnumerable<XlsxSheet> sheets) => sheets.Select(s => new
    {
        s.Name,
        Columns = s.Columns.Select(c => new { c.Header, c.Width }),
        Rows = s.Rows.Select(r => r.Select(c => new { c.Text, c.Number, c.Format, Rag = c.IsRag ? (c.Rag?.ToString() ?? "None") : null })),
    });
}

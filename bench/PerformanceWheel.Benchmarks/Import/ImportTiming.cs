using System.Diagnostics;
using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PerformanceWheel.Application.Import;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Rating;
using PerformanceWheel.LargeCouncil;

namespace PerformanceWheel.Benchmarks.Import;

/// <summary>
/// <c>-- import</c>: writes the large council's measures, targets and every outturn to a workbook (streamed with
/// OpenXmlWriter), then times the workbook import on SQLite into a copy of the large council without its outturns:
/// validate, import (every figure created), re-import (every figure unchanged) and an import where every value changed
/// (a revision each). Prints elapsed time, bytes allocated and the process's peak working set for each step.
/// </summary>
public static class ImportTiming
{
    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var folder = Path.Combine(Path.GetTempPath(), "performancewheel-import-timing");
        Directory.CreateDirectory(folder);
        Console.WriteLine("Generating the large council (scale 1) in memory…");
        var model = LargeCouncil.LargeCouncil.Generate(1);
        var original = Path.Combine(folder, "large-council-outturns.xlsx");
        var changed = Path.Combine(folder, "large-council-outturns-changed.xlsx");
        Write(original, model, changedValues: false);
        Write(changed, model, changedValues: true);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Workbook: {model.Measures.Count:N0} measures, {model.Measures.Sum(m => m.Targets.Count):N0} targets, {model.Outturns.Count:N0} outturns, {new FileInfo(original).Length / 1024d / 1024d:F1} MB"));

        Console.WriteLine("Preparing SQLite: the cached large council, copied, without its outturns…");
        var cached = await LargeCouncilDatabase.CachedSqliteAsync(1, new Progress<string>(Console.WriteLine));
        var source = new SqliteConnectionStringBuilder(cached.ConnectionString).DataSource;
        var copy = Path.Combine(folder, "import-timing.db");
        SqliteConnection.ClearAllPools();
        File.Copy(source, copy, overwrite: true);
        var options = LargeCouncilDatabase.Sqlite(copy);
        await using (var db = new PerformanceWheelDbContext(DatabaseSetup.BuildOptions(options)))
        {
            await db.OutturnRevisions.ExecuteDeleteAsync();
            await db.Outturns.ExecuteDeleteAsync();
        }

        var importer = new WorkbookImporter(LargeCouncilDatabase.Factory(options), TimeProvider.System, Options.Create(new ImportOptions { MaxFileBytes = 200L * 1024 * 1024 }));
        var admin = new ImportRequest("bench@large.council", true, ImportMode.Historical, "large-council-outturns.xlsx");
        await TimeAsync("validate (nothing written)", original, f => importer.ValidateAsync(f, admin));
        await TimeAsync("import, every figure new", original, f => importer.ImportAsync(f, admin));
        await TimeAsync("re-import, every figure unchanged", original, f => importer.ImportAsync(f, admin));
        await TimeAsync("import, every value changed (revisions)", changed, f => importer.ImportAsync(f, admin));
        SqliteConnection.ClearAllPools();
        return 0;
    }

    private static async Task TimeAsync(string what, string path, Func<Stream, Task<ImportReport>> run)
    {
        GC.Collect();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        ImportReport report;
        await using (var file = File.OpenRead(path))
        {
            report = await run(file);
        }

        watch.Stop();
        var outturns = report.Count("Outturns");
        var bytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        using var process = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: {watch.Elapsed.TotalSeconds:F2} s; {(report.IsValid ? "valid" : $"{report.Errors.Count} errors, first: {report.Errors[0]}")}; outturns {outturns.Created:N0} created, {outturns.Updated:N0} updated, {outturns.Unchanged:N0} unchanged, {report.Revisions:N0} revisions; allocated {bytes / 1024d / 1024d:F0} MB; peak working set {process.PeakWorkingSet64 / 1024d / 1024d:F0} MB"));
    }

    /// <summary>Streams the workbook with OpenXmlWriter: Measures, Targets, Outturns (inline strings; numbers as numbers).</summary>
    private static void Write(string path, LargeCouncilModel model, bool changedValues)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        var sheets = workbookPart.Workbook.AppendChild(new Sheets());
        uint id = 1;
        void Sheet(string name, string[] header, IEnumerable<object?[]> rows)
        {
            var part = workbookPart.AddNewPart<WorksheetPart>();
            using (var writer = OpenXmlWriter.Create(part))
            {
                writer.WriteStartElement(new Worksheet());
                writer.WriteStartElement(new SheetData());
                var number = 1;
                WriteRow(writer, header, number);
                foreach (var row in rows)
                {
                    WriteRow(writer, row, ++number);
                }

                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = id++, Name = name });
        }

        Sheet("Measures", ["Code", "Title", "Directorate", "Segment", "Polarity", "Unit", "Frequency", "Aggregation", "Tolerance", "Tolerance type", "Steady threshold", "Committees", "Discontinued from", "Description"],
            model.Measures.Select(m => new object?[]
            {
                m.Code, m.Title, m.Directorate.Name, m.Segment?.Code, m.Polarity switch { Polarity.HigherIsBetter => "Higher is better", Polarity.LowerIsBetter => "Lower is better", _ => "Within range" },
                m.Unit.Label, m.Frequency.ToString(), m.Aggregation == Aggregation.YearToDate ? "Year to date" : m.Aggregation.ToString(), m.ToleranceValue, m.ToleranceType.ToString(),
                m.SteadyThreshold, string.Join(", ", m.Committees.Select(c => c.Code)), m.DiscontinuedFrom?.Label, m.Description,
            }));
        Sheet("Targets", ["Code", "Year", "Target", "Target low", "Target high", "Period"],
            model.Measures.SelectMany(m => m.Targets.Select(t => new object?[] { m.Code, t.Year.Label, t.Value, t.Low, t.High, t.Period?.Label })));
        Sheet("Outturns", ["Code", "Period", "Value", "Status", "Provisional", "Commentary"],
            model.Outturns.Select(o => new object?[]
            {
                o.Measure.Code, o.Period.Label, o.Value is { } v && changedValues ? Changed(o.Measure, v) : o.Value,
                o.Status switch { OutturnStatus.Tbc => "TBC", null => null, _ => "N/A" }, o.IsProvisional ? "Y" : "N", o.Commentary,
            }));
        workbookPart.Workbook.Save();
    }

    private static decimal Changed(Measure measure, decimal value) =>
        measure.Unit.Kind == UnitKind.Percent && value > 99m ? value - 1m : value + 1m;

    private static void WriteRow(OpenXmlWriter writer, IReadOnlyList<object?> cells, int row)
    {
        string Reference(int column) => string.Create(CultureInfo.InvariantCulture, $"{(char)('A' + column)}{row}");
        writer.WriteStartElement(new Row { RowIndex = (uint)row });
        for (var i = 0; i < cells.Count; i++)
        {
            switch (cells[i])
            {
                case null:
                    break;
                case string text:
                    writer.WriteElement(new Cell(new InlineString(new Text(text))) { DataType = CellValues.InlineString, CellReference = Reference(i) });
                    break;
                case decimal number:
                    writer.WriteElement(new Cell(new CellValue(number.ToString(CultureInfo.InvariantCulture))) { CellReference = Reference(i) });
                    break;
                default:
                    writer.WriteElement(new Cell(new CellValue(Convert.ToString(cells[i], CultureInfo.InvariantCulture)!)) { CellReference = Reference(i) });
                    break;
            }
        }

        writer.WriteEndElement();
    }
}

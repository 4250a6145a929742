using System.Diagnostics;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PerformanceWheel.Data;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Web.Tests.Api;
using Shouldly;
using Xunit.Abstractions;

namespace PerformanceWheel.Web.Tests.Import;

/// <summary>Tests that measure the process's allocations while they run, so nothing else runs beside them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneCollection
{
    public const string Name = "Alone";
}

/// <summary>
/// Zip bombs and DTDs through the API's workbook import, built at run time (nothing large is committed): each answers
/// 422 naming what is wrong, allocates far less than the bomb would decompress to, and writes nothing.
/// </summary>
[Collection(AloneCollection.Name)]
public sealed partial class HostileWorkbooksOnSqlite(SqliteApp app, ITestOutputHelper output) : IClassFixture<SqliteApp>
{
    private const long MaxAllocated = 100L * 1024 * 1024;
    private static readonly Uri Import = ApiClient.Url("/api/v1/imports/workbook");

    public static TheoryData<string, string> Bombs => new()
    {
        // One cell of 600 million characters (a 600 MB sheet in a zip of well under a megabyte).
        { "a cell of 600 million characters", "The workbook's part /xl/worksheets/" },
        // One shared text of a billion characters (the file that ran out of memory).
        { "a shared text of a billion characters", "The workbook's part /xl/sharedStrings.xml is larger than 100 MB once decompressed" },
        // 30 million blank rows.
        { "30 million blank rows", "The workbook's part /xl/worksheets/" },
        // Below the part limit, each stopped by its own rule.
        { "a cell of 50 million characters", "A cell in row 2 of the Outturns sheet holds more than 32,767 characters" },
        { "3 million blank rows", "The workbook has more than 100,000 rows of data" },
    };

    [Theory]
    [MemberData(nameof(Bombs))]
    public async Task AZipBombIsRefusedWith422EarlyAndWritesNothing(string bomb, string message)
    {
        var workbook = Build(bomb);
        output.WriteLine($"{bomb}: {workbook.Length:N0} bytes compressed");
        var admin = ApiClient.With(app.Factory, await ApiClient.CreateKeyAsync(app.Factory, Roles.Admin));
        var before = await CountAsync();

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var response = await admin.PostAsync(Import, Upload(workbook));
        clock.Stop();
        var grew = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        output.WriteLine($"{bomb}: answered {(int)response.StatusCode} in {clock.ElapsedMilliseconds} ms, {grew / (1024 * 1024)} MB allocated meanwhile");

        var errors = (await ApiClient.ProblemAsync(response, 422)).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("message").GetString()!).ToList();
        errors.ShouldContain(e => e.StartsWith(message, StringComparison.Ordinal), string.Join(" | ", errors));
        grew.ShouldBeLessThan(MaxAllocated, "bytes allocated while answering");
        (await CountAsync()).ShouldBe(before, "nothing was written");
    }

    [Theory]
    [InlineData("worksheet")]
    [InlineData("shared strings")]
    [InlineData("workbook")]
    public async Task ADtdIsRefusedWith422NamingThePart(string where)
    {
        var (workbook, part) = WithDtd(where);
        var admin = ApiClient.With(app.Factory, await ApiClient.CreateKeyAsync(app.Factory, Roles.Admin));
        var before = await CountAsync();

        var response = await admin.PostAsync(Import, Upload(workbook));

        var errors = (await ApiClient.ProblemAsync(response, 422)).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("message").GetString()!).ToList();
        errors.ShouldContain($"The workbook's part {part} contains a DTD (a document type declaration), which workbooks never have; it was not read. Save the workbook again from Excel.");
        (await CountAsync()).ShouldBe(before, "nothing was written");
    }

    private static byte[] Build(string bomb)
    {
        var good = Samples.Good("HB").Bytes();
        return bomb switch
        {
            "a cell of 600 million characters" => Replace(good, OutturnsPart(good), w => BigCell(w, 600_000_000)),
            "a cell of 50 million characters" => Replace(good, OutturnsPart(good), w => BigCell(w, 50_000_000)),
            "30 million blank rows" => Replace(good, OutturnsPart(good), w => BlankRows(w, 30_000_000)),
            "3 million blank rows" => Replace(good, OutturnsPart(good), w => BlankRows(w, 3_000_000)),
            "a shared text of a billion characters" => Replace(good, "xl/sharedStrings.xml", w =>
            {
                w.Write("""<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>""");
                Repeat(w, 'x', 1_000_000_000);
                w.Write("</t></si></sst>");
            }),
            _ => throw new ArgumentOutOfRangeException(nameof(bomb), bomb, null),
        };
    }

    private static void BigCell(StreamWriter w, long characters)
    {
        w.Write(SheetStart);
        w.Write("""<row r="1"><c r="A1" t="inlineStr"><is><t>Code</t></is></c><c r="B1" t="inlineStr"><is><t>Period</t></is></c><c r="C1" t="inlineStr"><is><t>Value</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>""");
        Repeat(w, 'a', characters);
        w.Write("</t></is></c></row></sheetData></worksheet>");
    }

    private static void BlankRows(StreamWriter w, int rows)
    {
        w.Write(SheetStart);
        w.Write("""<row r="1"><c r="A1" t="inlineStr"><is><t>Code</t></is></c><c r="B1" t="inlineStr"><is><t>Period</t></is></c><c r="C1" t="inlineStr"><is><t>Value</t></is></c></row>""");
        for (var i = 0; i < rows; i++)
        {
            w.Write("<row/>");
        }

        w.Write("</sheetData></worksheet>");
    }

    private const string SheetStart = """<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""";

    private static void Repeat(StreamWriter w, char c, long count)
    {
        var chunk = new string(c, 1 << 16);
        for (long written = 0; written < count; written += chunk.Length)
        {
            w.Write(chunk.AsSpan(0, (int)Math.Min(chunk.Length, count - written)));
        }
    }

    private static (byte[] Workbook, string Part) WithDtd(string where)
    {
        var good = Samples.Good("HD").Bytes();
        var part = where switch
        {
            "worksheet" => OutturnsPart(good),
            "shared strings" => "xl/sharedStrings.xml",
            _ => "xl/workbook.xml",
        };
        var original = Read(good, part);
        var declaration = original.StartsWith("<?xml", StringComparison.Ordinal) ? original[..(original.IndexOf("?>", StringComparison.Ordinal) + 2)] : string.Empty;
        var root = LocalRoot().Match(original[declaration.Length..]).Groups[1].Value;
        var dtd = $"<!DOCTYPE {root} [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>";
        var hostile = declaration + dtd + original[declaration.Length..];
        return (Replace(good, part, w => w.Write(hostile)), "/" + part);
    }

    [GeneratedRegex(@"^\s*<([A-Za-z_:][\w:.-]*)")]
    private static partial Regex LocalRoot();

    /// <summary>The path of the Outturns sheet's part, from the workbook and its relationships.</summary>
    private static string OutturnsPart(byte[] workbook)
    {
        var sheet = Regex.Match(Read(workbook, "xl/workbook.xml"), "<(?:\\w+:)?sheet [^>]*name=\"Outturns\"[^>]*r:id=\"([^\"]+)\"");
        sheet.Success.ShouldBeTrue();
        var target = Regex.Match(Read(workbook, "xl/_rels/workbook.xml.rels"), $"<Relationship [^>]*Target=\"([^\"]+)\"[^>]*Id=\"{sheet.Groups[1].Value}\"|<Relationship [^>]*Id=\"{sheet.Groups[1].Value}\"[^>]*Target=\"([^\"]+)\"");
        var path = target.Groups[1].Success ? target.Groups[1].Value : target.Groups[2].Value;
        return path.StartsWith('/') ? path[1..] : "xl/" + path;
    }

    private static string Read(byte[] workbook, string part)
    {
        using var zip = new ZipArchive(new MemoryStream(workbook), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry(part)!.Open());
        return reader.ReadToEnd();
    }

    /// <summary>The workbook with one part's content written anew (streamed, so a bomb never sits in memory).</summary>
    private static byte[] Replace(byte[] workbook, string part, Action<StreamWriter> write)
    {
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(workbook), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                var copy = target.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                using var to = copy.Open();
                if (entry.FullName == part)
                {
                    using var writer = new StreamWriter(to, new UTF8Encoding(false), 1 << 16);
                    write(writer);
                }
                else
                {
                    using var from = entry.Open();
                    from.CopyTo(to);
                }
            }
        }

        return output.ToArray();
    }

    private static MultipartFormDataContent Upload(byte[] workbook)
    {
        var file = new ByteArrayContent(workbook);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return new MultipartFormDataContent { { file, "file", "figures.xlsx" } };
    }

    private async Task<int> CountAsync()
    {
        await using var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<PerformanceWheelDbContext>>().CreateDbContextAsync();
        return await db.Outturns.CountAsync() + await db.Measures.CountAsync() + await db.MeasureTargets.CountAsync() + await db.AuditEntries.CountAsync();
    }
}

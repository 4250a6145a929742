using BenchmarkDotNet.Running;
using PerformanceWheel.Benchmarks.Growth;

namespace PerformanceWheel.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release -- [BenchmarkDotNet arguments]</c> runs the suite (e.g. <c>--filter '*' --job short</c>);
/// <c>-- describe [scale]</c> prints what the large-council generator makes;
/// <c>-- growth [options]</c> measures how load and read costs grow with the council (see <see cref="GrowthRun"/>);
/// <c>-- import</c> times the workbook import of the large council's outturns (see <see cref="Import.ImportTiming"/>);
/// <c>-- prepare-db [options]</c> makes a database holding the large council for the app to serve (see <see cref="Http.PrepareDatabase"/>);
/// <c>-- page-readers [options]</c> times the reads behind the pages scripts/http-bench.sh requests (see <see cref="Http.PageReaders"/>).
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        switch (args.FirstOrDefault())
        {
            case "describe":
                Describe.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1);
                return 0;
            case "growth":
                return await GrowthRun.RunAsync(args[1..]);
            case "import":
                return await Import.ImportTiming.RunAsync(args[1..]);
            case "prepare-db":
                return await Http.PrepareDatabase.RunAsync(args[1..]);
            case "page-readers":
                return await Http.PageReaders.RunAsync(args[1..]);
            default:
                BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
                return 0;
        }
    }
}

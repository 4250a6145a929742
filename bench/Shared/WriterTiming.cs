using System.Diagnostics;
using System.Globalization;

/// <summary>
/// How the two export-writer benchmarks time a writer (compiled into both: they cannot share an assembly, as each needs
/// its own Open XML SDK version): one warm-up write, then <c>runs</c> writes after a collection each; prints the median
/// and fastest time, the bytes one write allocated and the file's size, and returns the file.
/// </summary>
internal static class WriterTiming
{
    public static byte[] Measure(string writer, string size, int rows, int runs, Func<byte[]> write)
    {
        var bytes = write();
        var times = new List<double>();
        long allocated = 0;
        for (var i = 0; i < runs; i++)
        {
            GC.Collect();
            var before = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            bytes = write();
            times.Add(clock.Elapsed.TotalMilliseconds);
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }

        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{writer,-33}  {size,-5}  rows {rows,7:N0}  median {times[times.Count / 2],8:N0} ms  min {times[0],8:N0} ms  allocated {allocated / 1048576.0,8:N1} MB  file {bytes.Length / 1024.0,8:N0} KB"));
        return bytes;
    }
}

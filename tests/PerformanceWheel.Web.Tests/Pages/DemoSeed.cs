using System.Text.Json;
using PerformanceWheel.Data;

namespace PerformanceWheel.Web.Tests.Pages;

/// <summary>The demo council's source data (demo-council.json, built from the seed reports), to check pages against.</summary>
internal static class DemoSeed
{
    private static readonly Lazy<JsonElement> Root = new(() =>
    {
        using var stream = typeof(PerformanceWheelDbContext).Assembly.GetManifestResourceStream("PerformanceWheel.Data.Demo.demo-council.json")
            ?? throw new InvalidOperationException("demo-council.json is not embedded in PerformanceWheel.Data.");
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.Clone();
    });

    public static IEnumerable<JsonElement> Array(string name) => Root.Value.GetProperty(name).EnumerateArray();

    public static string? Text(this JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static JsonElement Measure(string code) => Array("measures").Single(m => m.Text("code") == code);

    /// <summary>A segment's assessment for a quarter, from the plans.</summary>
    public static JsonElement Assessment(string segment, string period) =>
        Array("plans")
            .SelectMany(p => p.GetProperty("groups").EnumerateArray())
            .SelectMany(g => g.GetProperty("segments").EnumerateArray())
            .Single(s => s.Text("code") == segment)
            .GetProperty("assessments").EnumerateArray()
            .Single(a => a.Text("period") == period);
}

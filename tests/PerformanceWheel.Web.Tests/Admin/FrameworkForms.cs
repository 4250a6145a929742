using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PerformanceWheel.Data;
using PerformanceWheel.Web.Tests.Security;

namespace PerformanceWheel.Web.Tests.Admin;

/// <summary>Posts the framework forms as a browser would (the form's handler name and antiforgery token included).</summary>
internal static class FrameworkForms
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string handler, IReadOnlyDictionary<string, string> fields)
    {
        var values = new Dictionary<string, string>(fields)
        {
            ["_handler"] = handler,
            ["__RequestVerificationToken"] = await SignedInClient.TokenAsync(client, page),
        };
        using var form = new FormUrlEncodedContent(values);
        return await client.PostAsync(new Uri(page, UriKind.Relative), form);
    }

    /// <summary>The fields of a valid new quarterly percentage measure owned by the first directorate.</summary>
    public static Dictionary<string, string> NewMeasure(string measureCode, int directorateId, string polarity = "HigherIsBetter") => new()
    {
        ["Input.Code"] = measureCode,
        ["Input.Title"] = $"Test measure {measureCode}",
        ["Input.Description"] = "Made by a test",
        ["Input.DirectorateId"] = directorateId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.SegmentId"] = string.Empty,
        ["Input.UnitText"] = "%",
        ["Input.DecimalPlaces"] = "1",
        ["Input.Polarity"] = polarity,
        ["Input.Frequency"] = "Quarterly",
        ["Input.Aggregation"] = "Snapshot",
        ["Input.ToleranceType"] = "Absolute",
        ["Input.ToleranceValue"] = "2",
        ["Input.SteadyThreshold"] = "0.5",
        ["Input.BenchmarksText"] = "National average | 89.7 | 2018/19",
        ["Input.DataNotes"] = string.Empty,
        ["Input.DiscontinuedFrom"] = string.Empty,
    };

    /// <summary>The message shown in the same field block as the named input (empty when there is none).</summary>
    public static string MessageNextTo(string html, string inputName)
    {
        var document = new HtmlParser().ParseDocument(html);
        var input = document.QuerySelector($"[name='{inputName}']") ?? throw new InvalidOperationException($"No field {inputName} on the page.");
        var field = input.Closest(".field") ?? throw new InvalidOperationException($"Field {inputName} is not in a .field block.");
        return string.Join(" ", field.QuerySelectorAll(".field-error, .validation-message").Select(e => e.TextContent.Trim()));
    }

    /// <summary>
    /// The problem text the field named <paramref name="inputName"/> is described by (aria-describedby naming a
    /// .field-error), when the field is also marked invalid; empty when it is not, so a screen reader says the problem with the field.
    /// </summary>
    public static string ProblemDescribing(string html, string inputName)
    {
        var document = new HtmlParser().ParseDocument(html);
        var input = document.QuerySelector($"[name='{inputName}']") ?? throw new InvalidOperationException($"No field {inputName} on the page.");
        if (input.GetAttribute("aria-invalid") != "true")
        {
            return string.Empty;
        }

        return string.Join(" ", (input.GetAttribute("aria-describedby") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(document.GetElementById).OfType<AngleSharp.Dom.IElement>().Where(e => e.ClassList.Contains("field-error")).Select(e => e.TextContent.Trim()));
    }

    public static async Task<T> QueryAsync<T>(AppFactory factory, Func<PerformanceWheelDbContext, Task<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PerformanceWheelDbContext>());
    }

    public static Task<int> FirstDirectorateIdAsync(AppFactory factory) =>
        QueryAsync(factory, db => db.Directorates.OrderBy(d => d.Id).Select(d => d.Id).FirstAsync());

    public static Task<int> MeasureIdAsync(AppFactory factory, string measureCode) =>
        QueryAsync(factory, db => db.Measures.Where(m => m.Code == measureCode).Select(m => m.Id).SingleAsync());
}

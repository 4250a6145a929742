using AngleSharp.Html.Parser;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Web.Tests.Security;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Pages;

/// <summary>
/// Pages with rating chips are valid HTML: a chip is a block (a div), so it never sits in a paragraph (a browser would
/// close the paragraph before it and leave a stray end tag) or in a span.
/// </summary>
public sealed class ValidMarkupOnSqlite(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Theory]
    [InlineData("/outturns/Childrens%20Services/critical-items?period=2019/20%20Q2")]
    [InlineData("/directorates/Childrens%20Services?period=2019/20%20Q2")]
    [InlineData("/measures/O3.1-01?period=2019/20%20Q2")]
    [InlineData("/exceptions?period=2019/20%20Q2")]
    [InlineData("/?period=2019/20%20Q2")]
    public async Task ThePageParsesWithoutErrorsAndNoBlockIsInsideAParagraphOrSpan(string path)
    {
        var officer = await SignedInClient.AsAsync(app.Factory, Roles.PerformanceOfficer);
        var response = await officer.GetAsync(new Uri(path, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        var errors = new List<string>();
        var parser = new HtmlParser();
        parser.Error += (_, e) =>
        {
            var error = (AngleSharp.Html.Dom.Events.HtmlErrorEvent)e;
            var at = Line(html, error.Position.Line);
            // AngleSharp does not case-adjust an SVG end tag (</textPath>) as browsers and the HTML standard do, so it
            // reports the wheel's band labels as mismatched; they are not an error.
            if (at.Contains("<textPath", StringComparison.Ordinal))
            {
                return;
            }

            errors.Add($"{error.Message} at line {error.Position.Line}: {Line(html, error.Position.Line)}");
        };
        var document = parser.ParseDocument(html);

        errors.ShouldBeEmpty(path);
        document.QuerySelectorAll("span div, span p, p:empty").Select(e => e.ParentElement!.OuterHtml[..Math.Min(200, e.ParentElement.OuterHtml.Length)]).ShouldBeEmpty(path);
    }

    private static string Line(string html, int line) => html.Split('\n').ElementAtOrDefault(line - 1)?.Trim() is { } l ? l[..Math.Min(160, l.Length)] : string.Empty;
}

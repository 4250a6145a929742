using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace PerformanceWheel.Web.Tests;

/// <summary>Posts a form from a page the way a browser does: every field as it stands, with the changes a person made.</summary>
internal static class PageForms
{
    /// <summary>The form whose handler (the hidden _handler field) has the given name.</summary>
    public static IHtmlFormElement Form(IDocument page, string handler) =>
        page.QuerySelectorAll("form").OfType<IHtmlFormElement>()
            .FirstOrDefault(f => f.QuerySelector("input[name=_handler]")?.GetAttribute("value") == handler)
        ?? throw new InvalidOperationException($"No form '{handler}' on the page. Forms: {string.Join(", ", page.QuerySelectorAll("input[name=_handler]").Select(i => i.GetAttribute("value")))}");

    /// <summary>The values a browser would send for the form: enabled fields, checked boxes, selected options.</summary>
    public static Dictionary<string, string> Fields(IHtmlFormElement form)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var element in form.QuerySelectorAll("input[name], select[name], textarea[name]"))
        {
            if (element.HasAttribute("disabled"))
            {
                continue;
            }

            var name = element.GetAttribute("name")!;
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box:
                    if (box.IsChecked)
                    {
                        fields[name] = box.Value;
                    }

                    break;
                case IHtmlInputElement input:
                    fields[name] = input.Value;
                    break;
                case IHtmlSelectElement select:
                    fields[name] = select.SelectedOptions.Length > 0 ? select.SelectedOptions[0]!.Value
                        : select.Options.Length > 0 ? select.Options[0]!.Value : string.Empty;
                    break;
                case IHtmlTextAreaElement textarea:
                    fields[name] = textarea.Value;
                    break;
            }
        }

        return fields;
    }

    /// <summary>Reads the form from <paramref name="url"/>, applies the changes and posts it back to the same address.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string url, string handler, IReadOnlyDictionary<string, string> changes)
    {
        var (_, page) = await Html.GetAsync(client, url);
        return await SubmitAsync(client, url, page, handler, changes);
    }

    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string url, IDocument page, string handler, IReadOnlyDictionary<string, string> changes)
    {
        var fields = Fields(Form(page, handler));
        foreach (var (name, value) in changes)
        {
            fields[name] = value;
        }

        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    /// <summary>The name of the field with the given id (forms index their rows: Rows[3].Judged).</summary>
    public static string NameOf(IDocument page, string id) =>
        page.GetElementById(id)?.GetAttribute("name") ?? throw new InvalidOperationException($"No field with the id '{id}'.");
}

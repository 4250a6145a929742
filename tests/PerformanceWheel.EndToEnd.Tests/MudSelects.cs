using Microsoft.Playwright;

namespace PerformanceWheel.EndToEnd.Tests;

/// <summary>Choosing in MudBlazor's select on a live page, as a person does: open it by its label, then pick the option.</summary>
internal static class MudSelects
{
    public static async Task ChooseAsync(IPage page, string label, string option)
    {
        await page.GetByLabel(label, new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true })).ToHaveCountAsync(0);
    }
}

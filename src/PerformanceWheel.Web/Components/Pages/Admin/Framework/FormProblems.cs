using Microsoft.AspNetCore.Components.Forms;
using PerformanceWheel.Application.Framework;

namespace PerformanceWheel.Web.Components.Pages.Admin.Framework;

/// <summary>Puts the problems the framework service found next to the fields they belong to.</summary>
internal static class FormProblems
{
    public static void Show(EditContext context, ValidationMessageStore store, IEnumerable<FieldProblem> problems)
    {
        foreach (var problem in problems)
        {
            store.Add(context.Field(problem.Field), problem.Message);
        }

        context.NotifyValidationStateChanged();
    }

    public static string UserName(HttpContext http) => http.User.Identity?.Name ?? "unknown";
}

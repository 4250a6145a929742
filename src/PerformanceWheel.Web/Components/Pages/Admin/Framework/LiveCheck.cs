using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using PerformanceWheel.Application.Framework;

namespace PerformanceWheel.Web.Components.Pages.Admin.Framework;

/// <summary>
/// Checks a framework form while it is filled in (interactive pages): a field the person has left is checked by the
/// command's own <c>CheckAsync</c> (the rules the save applies: a year's format, a code or name in use, a plan's
/// overlap), and the problems of the fields they have left so far are shown next to them. Typing in a field clears its
/// message until it is left again. A refused save shows all of its problems the same way.
/// </summary>
internal sealed class LiveCheck
{
    private readonly HashSet<string> _left = new(StringComparer.Ordinal);
    private readonly EditContext _context;
    private readonly ValidationMessageStore _store;

    public LiveCheck(EditContext context)
    {
        _context = context;
        _store = new ValidationMessageStore(context);
        context.OnFieldChanged += (_, e) => _store.Clear(e.FieldIdentifier);
    }

    /// <summary>The person left <paramref name="field"/>: checks the whole form and shows the problems of every field left so far.</summary>
    public async Task LeftAsync(string field, Func<Task<ChangeResult>> check)
    {
        ArgumentNullException.ThrowIfNull(check);
        _left.Add(field);
        var result = await check();
        _store.Clear();
        Add(result.Problems.Where(p => _left.Contains(p.Field)));
    }

    /// <summary>Shows every problem of a refused save next to its field, and (on a live page) says so in a snackbar.</summary>
    public void Show(IEnumerable<FieldProblem> problems, ISnackbar? snackbar)
    {
        var all = problems.ToList();
        snackbar?.Add("Nothing was saved: " + string.Join(" ", all.Select(p => p.Message)), Severity.Error);
        _left.UnionWith(all.Select(p => p.Field));
        _store.Clear();
        Add(all);
    }

    private void Add(IEnumerable<FieldProblem> problems)
    {
        foreach (var problem in problems)
        {
            _store.Add(_context.Field(problem.Field), problem.Message);
        }

        _context.NotifyValidationStateChanged();
    }

    /// <summary>
    /// Who is making the change: the request's user on a plain form post (rendered without a circuit), otherwise the
    /// circuit's signed-in user (there is no HttpContext in a circuit).
    /// </summary>
    public static async Task<string> UserNameAsync(HttpContext? http, Task<AuthenticationState>? state) =>
        http?.User.Identity?.Name ?? (state is null ? null : (await state).User.Identity?.Name) ?? "unknown";
}

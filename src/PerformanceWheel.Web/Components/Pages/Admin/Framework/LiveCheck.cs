using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using PerformanceWheel.Application.Framework;

namespace PerformanceWheel.Web.Components.Pages.Admin.Framework;

/// <summary>
/// Checks a framework form while it is filled in (interactive pages). Each MudBlazor input is given <see cref="Of"/> as
/// its validation: when its value changes (as typed, or when a field that is not checked per keystroke is left) the
/// command's own <c>CheckAsync</c> runs the rules the save applies (a year's format, a code or name in use, a plan's
/// overlap) and the problems with that field are shown next to it. A refused save shows all its problems (<see cref="Show"/>).
/// </summary>
internal sealed class LiveCheck
{
    private readonly EditContext _context;
    private readonly ValidationMessageStore _store;
    private readonly HashSet<string> _entered = new(StringComparer.Ordinal);

    public LiveCheck(EditContext context)
    {
        _context = context;
        _store = new ValidationMessageStore(context);
    }

    /// <summary>
    /// The validation of the input for <paramref name="field"/>: the problems the command's check finds with it, kept in
    /// the form's validation state too (so the input, which also reads that state, and the summary agree).
    /// </summary>
    public Func<T, Task<IEnumerable<string>>> Of<T>(string field, Func<Task<ChangeResult>> check)
    {
        ArgumentNullException.ThrowIfNull(check);
        return async _ =>
        {
            // A problem may name a field other than the one just changed (a plan's years overlapping another plan's
            // are named on the first year once the last is typed): every field entered so far gets its problems.
            _entered.Add(field);
            var problems = (await check()).Problems;
            foreach (var entered in _entered)
            {
                var id = _context.Field(entered);
                _store.Clear(id);
                _store.Add(id, problems.Where(p => p.Field == entered).Select(p => p.Message));
            }

            return problems.Where(p => p.Field == field).Select(p => p.Message).ToList();
        };
    }

    /// <summary>Shows every problem of a refused save next to its field, and (on a live page) says so in a snackbar.</summary>
    public void Show(IEnumerable<FieldProblem> problems, ISnackbar? snackbar)
    {
        var all = problems.ToList();
        snackbar?.Add("Nothing was saved: " + string.Join(" ", all.Select(p => p.Message)), Severity.Error);
        _store.Clear();
        foreach (var problem in all)
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

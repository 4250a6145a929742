using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Periods;

namespace PerformanceWheel.Application.Framework;

/// <summary>The steps every framework command shares: collecting field problems, abandoning a refused change, saving an audited one.</summary>
internal static class CommandSteps
{
    /// <summary>Runs a check that throws a domain refusal; the refusal becomes a problem with <paramref name="field"/>.</summary>
    public static T? Check<T>(List<FieldProblem> problems, string field, Func<T> check)
    {
        try
        {
            return check();
        }
        catch (DomainException e)
        {
            problems.Add(new(field, e.Message));
            return default;
        }
    }

    public static void CheckDefined<T>(List<FieldProblem> problems, string field, T value)
        where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            problems.Add(new(field, $"Choose a {field.ToLowerInvariant()} from the list."));
        }
    }

    public static FinancialYear? Year(List<FieldProblem> problems, string field, string which, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add(new(field, $"Enter the plan's {which} financial year, e.g. 2022/23."));
            return null;
        }

        if (!FinancialYear.TryParse(text.Trim(), out var year))
        {
            problems.Add(new(field, $"'{text.Trim()}' is not a financial year; expected a label such as 2022/23."));
            return null;
        }

        return year;
    }

    /// <summary>The committees chosen by id; one that no longer exists is a problem.</summary>
    public static async Task<List<Committee>> CommitteesAsync(PerformanceWheelDbContext db, IReadOnlyCollection<int> ids, List<FieldProblem> problems)
    {
        var wanted = (ids ?? []).Distinct().ToList();
        var found = await db.Committees.Where(c => wanted.Contains(c.Id)).ToListAsync();
        if (found.Count != wanted.Count)
        {
            problems.Add(new("CommitteeIds", "One of the committees chosen no longer exists."));
        }

        return found;
    }

    /// <summary>Forgets whatever was changed in memory, so nothing of a refused change can be saved later in the request.</summary>
    public static ChangeResult Abandon(PerformanceWheelDbContext db, List<FieldProblem> problems)
    {
        db.ChangeTracker.Clear();
        return ChangeResult.Failed(problems);
    }

    /// <summary>A change that was only checked: it would be saved; nothing of it is kept in memory.</summary>
    public static ChangeResult Checked(PerformanceWheelDbContext db, int? id)
    {
        db.ChangeTracker.Clear();
        return new ChangeResult(id, []);
    }

    public static async Task SaveAuditedAsync(
        PerformanceWheelDbContext db, TimeProvider clock, string by, string action, string entityType, string key, Dictionary<string, string>? before, Dictionary<string, string> after)
    {
        if (FrameworkAudit.Audit(by, clock.GetUtcNow(), action, entityType, key, before, after) is { } entry)
        {
            db.AuditEntries.Add(entry);
        }

        await db.SaveChangesAsync();
    }
}

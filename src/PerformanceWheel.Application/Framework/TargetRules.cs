using PerformanceWheel.Domain.Audit;
using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Rating;

namespace PerformanceWheel.Application.Framework;

/// <summary>
/// The rules of setting a measure's target and how it is audited: one code for the targets form
/// (<see cref="TargetCommands"/>) and the workbook import. Problems are named by <see cref="FrameworkFields"/>.
/// </summary>
internal static class TargetRules
{
    public const string EntityType = "Measure target";

    /// <summary>Checks a target for a year, or for one period of it, against the measure's polarity and unit.</summary>
    public static void Check(Measure measure, FinancialYear? year, ReportingPeriod? period, decimal? value, decimal? low, decimal? high, List<FieldProblem> problems)
    {
        if (period is { } p)
        {
            if (p.Kind == PeriodKind.Year)
            {
                problems.Add(new(FrameworkFields.Period, "Leave the period empty for the whole year's target."));
            }
            else if (year is { } y && p.Year != y)
            {
                problems.Add(new(FrameworkFields.Period, $"Period {p.Label} is not in financial year {y.Label}."));
            }
        }

        if (measure.Polarity == Polarity.WithinRange)
        {
            if (low is null)
            {
                problems.Add(new(FrameworkFields.TargetLow, $"{measure.Code} is rated Within range: give a target low."));
            }

            if (high is null)
            {
                problems.Add(new(FrameworkFields.TargetHigh, $"{measure.Code} is rated Within range: give a target high."));
            }

            CheckValue(problems, measure, FrameworkFields.TargetLow, low);
            CheckValue(problems, measure, FrameworkFields.TargetHigh, high);
        }
        else
        {
            if (value is null)
            {
                problems.Add(new(FrameworkFields.Target, "Enter the target value."));
            }

            CheckValue(problems, measure, FrameworkFields.Target, value);
        }
    }

    /// <summary>
    /// Sets the target (call after <see cref="Check"/> found nothing) and returns the audit entry of the change, null
    /// when the target was already so. A domain refusal is added to <paramref name="problems"/> and nothing is returned.
    /// </summary>
    public static (MeasureTarget Target, AuditEntry? Audit)? Set(
        Measure measure, FinancialYear year, ReportingPeriod? period, decimal? value, decimal? low, decimal? high, string by, DateTimeOffset at, List<FieldProblem> problems)
    {
        var existing = measure.Targets.FirstOrDefault(t => t.Year == year && t.Period == period);
        var old = existing is null ? null : FrameworkAudit.TargetText(existing);
        MeasureTarget target;
        try
        {
            target = measure.SetTarget(year, period, value, low, high);
        }
        catch (DomainException e)
        {
            problems.Add(new(FrameworkFields.ForTarget(e, measure.Polarity == Polarity.WithinRange), e.Message));
            return null;
        }

        var now = FrameworkAudit.TargetText(target);
        var scope = period?.Label ?? year.Label;
        var audit = old is null ? new AuditEntry(by, at, "Created", EntityType, measure.Code, $"Target {scope}: {now}")
            : old != now ? new AuditEntry(by, at, "Updated", EntityType, measure.Code, $"Target {scope}: {old} → {now}")
            : null;
        return (target, audit);
    }

    /// <summary>Removes a target and returns the audit entry that records it.</summary>
    public static AuditEntry Remove(Measure measure, MeasureTarget target, string by, DateTimeOffset at)
    {
        measure.RemoveTarget(target);
        return new AuditEntry(by, at, "Retired", EntityType, measure.Code, $"Target {target.Period?.Label ?? target.Year.Label}: {FrameworkAudit.TargetText(target)} → –");
    }

    private static void CheckValue(List<FieldProblem> problems, Measure measure, string field, decimal? value)
    {
        if (value is { } v && measure.ValidateValue(v) is { } problem)
        {
            problems.Add(new(field, problem));
        }
    }
}

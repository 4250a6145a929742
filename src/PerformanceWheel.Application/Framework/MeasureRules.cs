using PerformanceWheel.Domain.Audit;
using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Rating;
using static PerformanceWheel.Application.Framework.CommandSteps;

namespace PerformanceWheel.Application.Framework;

/// <summary>
/// A measure as a change asks for it, with the things it refers to already found (the form looks them up by id, the
/// import by name). A null <see cref="DecimalPlaces"/> asks for the default; null <see cref="Benchmarks"/> keeps them.
/// </summary>
internal sealed record MeasureValues(
    string? Code,
    string? Title,
    string? Description,
    string? DataNotes,
    string? UnitText,
    int? DecimalPlaces,
    Polarity Polarity,
    Frequency Frequency,
    Aggregation Aggregation,
    ToleranceType ToleranceType,
    decimal ToleranceValue,
    decimal SteadyThreshold,
    Directorate? Directorate,
    Segment? Segment,
    IReadOnlyCollection<Committee> Committees,
    IReadOnlyList<(string Label, decimal Value, string? Period)>? Benchmarks,
    ReportingPeriod? DiscontinuedFrom);

/// <summary>
/// The rules of creating or changing a measure and how it is audited: one code for the measure form
/// (<see cref="MeasureCommands"/>) and the workbook import, which applies many rows in one go through the same steps.
/// Problems are named by <see cref="FrameworkFields"/>.
/// </summary>
internal static class MeasureRules
{
    public const string EntityType = "Measure";

    /// <summary>
    /// Checks the values and, when they and everything the caller found (<paramref name="problems"/> is empty) are right,
    /// creates the measure (not yet added to a context) or changes <paramref name="measure"/>. Returns null with the
    /// problems added when anything is wrong (the measure may then be half changed: the caller abandons the change).
    /// </summary>
    public static Measure? Apply(Measure? measure, MeasureValues v, List<FieldProblem> problems)
    {
        var code = measure?.Code ?? Check(problems, FrameworkFields.Code, () => Guard.Required(v.Code, "Measure code", Lengths.Code));
        Check(problems, FrameworkFields.Title, () => Guard.Required(v.Title, "Measure title", Lengths.Title));
        Check(problems, FrameworkFields.Description, () => Guard.Optional(v.Description, "Description", Lengths.Text));
        Check(problems, FrameworkFields.DataNotes, () => Guard.Optional(v.DataNotes, "Data notes", Lengths.Text));
        var unit = Check(problems, FrameworkFields.Unit, () => (MeasureUnit?)MeasureUnit.Parse(v.UnitText));
        CheckDefined(problems, FrameworkFields.Polarity, v.Polarity);
        CheckDefined(problems, FrameworkFields.Frequency, v.Frequency);
        CheckDefined(problems, FrameworkFields.Aggregation, v.Aggregation);
        Tolerance? tolerance = null;
        try
        {
            tolerance = Tolerance.Create(v.ToleranceType, v.ToleranceValue);
        }
        catch (DomainException e)
        {
            problems.Add(new(FrameworkFields.ForMeasure(e), e.Message));
        }

        if (v.SteadyThreshold < 0)
        {
            problems.Add(new(FrameworkFields.SteadyThreshold, "Steady threshold must be zero or more."));
        }

        if (v.Directorate is null)
        {
            problems.Add(new(FrameworkFields.Directorate, "Choose the directorate that owns the measure."));
        }

        if (problems.Count > 0)
        {
            return null;
        }

        try
        {
            var decimals = v.DecimalPlaces ?? DefaultDecimalPlaces(measure, unit!.Value);
            measure ??= new Measure(code!, v.Title!, v.Directorate!, v.Polarity, v.Frequency, unit!.Value);
            measure.Describe(v.Title!, v.Description, v.DataNotes);
            measure.Classify(v.Polarity, v.Frequency, v.Aggregation, unit!.Value, decimals);
            measure.SetTolerance(tolerance!.Value, v.SteadyThreshold);
            measure.AssignTo(v.Directorate!, v.Segment);
            measure.Discontinue(v.DiscontinuedFrom);
            foreach (var c in measure.Committees.Where(c => !v.Committees.Contains(c)).ToList())
            {
                measure.UntagCommittee(c);
            }

            foreach (var c in v.Committees)
            {
                measure.TagCommittee(c);
            }

            if (v.Benchmarks is { } benchmarks && !FrameworkAudit.BenchmarksText(measure.Benchmarks.Select(b => (b.Label, b.Value, b.Period)))
                    .Equals(FrameworkAudit.BenchmarksText(benchmarks), StringComparison.Ordinal))
            {
                measure.ClearBenchmarks();
                foreach (var (label, value, period) in benchmarks)
                {
                    measure.AddBenchmark(label, value, period);
                }
            }
        }
        catch (DomainException e)
        {
            problems.Add(new(FrameworkFields.ForMeasure(e), e.Message));
            return null;
        }

        return measure;
    }

    /// <summary>
    /// The decimal places a measure gets when a change does not say: a new measure 1 for a percentage and 0 otherwise;
    /// an existing one keeps its own unless its unit becomes another kind (then that default).
    /// </summary>
    public static int DefaultDecimalPlaces(Measure? existing, MeasureUnit unit) =>
        existing is not null && existing.Unit.Kind == unit.Kind ? existing.DecimalPlaces : unit.Kind == UnitKind.Percent ? 1 : 0;

    /// <summary>Created, Retired (when the change sets a first period it is no longer reported in) or Updated.</summary>
    public static string Action(Dictionary<string, string>? before, Measure after) =>
        before is null ? "Created" : before["Discontinued from"] == "–" && after.DiscontinuedFrom is not null ? "Retired" : "Updated";

    /// <summary>The audit entry of a change to a measure described as <paramref name="before"/> (null: new); null when nothing changed.</summary>
    public static AuditEntry? Audit(string by, DateTimeOffset at, Dictionary<string, string>? before, Measure after) =>
        FrameworkAudit.Audit(by, at, Action(before, after), EntityType, after.Code, before, FrameworkAudit.Describe(after));
}
